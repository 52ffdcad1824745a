package io.lakeshift.oci;

import com.oracle.bmc.model.BmcException;
import com.oracle.bmc.objectstorage.ObjectStorage;
import com.oracle.bmc.objectstorage.requests.GetBucketRequest;
import com.oracle.bmc.objectstorage.requests.GetNamespaceRequest;
import io.lakeshift.config.OciAuth;
import io.lakeshift.config.OciSettings;
import io.lakeshift.model.OciLocation;
import io.lakeshift.io.DeniedException;
import io.lakeshift.io.Errors;
import io.lakeshift.io.NotFoundException;
import io.lakeshift.io.PermanentException;
import io.lakeshift.io.Retry;
import io.lakeshift.io.StorageException;
import java.io.IOException;

/**
 * Before any work: signs in, finds the namespace if it was left out, and checks that the bucket is there.
 * Throws {@link StorageException}s whose one-line message names the profile, bucket or setting at fault.
 */
public final class OciTargetCheck {
    private OciTargetCheck() {}

    public static OciLocation resolve(ObjectStorage client, Retry retry, OciSettings oci, OciLocation target)
            throws StorageException {
        OciLocation t = target;
        try {
            if (t.namespace() == null) {
                t = t.withNamespace(retry.call(() -> OciExceptions.call("GetNamespace",
                        () -> client.getNamespace(GetNamespaceRequest.builder().build()))).value().getValue());
            }
            OciLocation found = t;
            retry.call(() -> OciExceptions.call("GetBucket", () -> client.getBucket(GetBucketRequest.builder()
                    .namespaceName(found.namespace()).bucketName(found.bucket()).build())));
            return t;
        } catch (StorageException e) {
            if (e.getCause() instanceof BmcException b) {
                throw explain(b, oci, t);
            }
            throw e;
        } catch (RuntimeException | IOException e) {
            throw new PermanentException("cannot reach OCI Object Storage" + endpoint(oci) + ": "
                    + Errors.oneLine(e), e);
        }
    }

    /** What to check for a 401, by how the run signs in (never the token or key itself). */
    static String signInHint(OciSettings oci) {
        return switch (oci.auth()) {
            case RESOURCE_PRINCIPAL -> "check the run's resource principal: OCI_RESOURCE_PRINCIPAL_RPST must hold a"
                    + " current session token issued for the key in OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM (Data Flow"
                    + " renews both; outside Data Flow use --oci-auth config)";
            case INSTANCE_PRINCIPAL -> "check that this compute instance's principal is in a dynamic group and that"
                    + " the instance's clock is right";
            case DELEGATION_TOKEN -> "check the run's delegation token file " + oci.delegationTokenFile()
                    + " (Data Flow renews it; a run older than its token's lifetime needs"
                    + " dataflow.auth=resource_principal)";
            default -> "check the user, fingerprint and key_file of that profile, and that its API key is uploaded";
        };
    }

    private static StorageException explain(BmcException e, OciSettings oci, OciLocation t) {
        int status = e.getStatusCode();
        if (status == 401) {
            String said = Errors.oneLine(OciExceptions.serviceMessage(e));
            return new DeniedException("OCI rejected the credentials of " + who(oci) + " (401 " + e.getServiceCode()
                    + (said.isBlank() ? "" : ": " + said.trim()) + "); " + signInHint(oci), e);
        }
        if (status == 404) {
            return new NotFoundException("bucket '" + t.bucket() + "' not found in namespace '" + t.namespace() + "'"
                    + endpoint(oci) + ", or not authorized: " + who(oci) + " needs BUCKET_READ to read it (e.g. `allow"
                    + " <group> to read buckets in compartment <compartment> where target.bucket.name = '" + t.bucket()
                    + "'`); create the bucket, fix --target or grant that", e);
        }
        if (status == 403) {
            return new DeniedException(who(oci) + " may not use bucket '" + t.bucket() + "' in namespace '"
                    + t.namespace() + "'; grant it 'manage objects' in the bucket's compartment", e);
        }
        return OciExceptions.translate("cannot use bucket '" + t.bucket() + "' in namespace '" + t.namespace() + "'"
                + endpoint(oci), e);
    }

    private static String who(OciSettings oci) {
        return oci.auth() == OciAuth.CONFIG
                ? "profile [" + oci.profile() + "] of " + oci.configFile() + " (--oci-config, --oci-profile)"
                : "the " + oci.auth().name().toLowerCase().replace('_', ' ') + " (--oci-auth)";
    }

    private static String endpoint(OciSettings oci) {
        return oci.endpoint() == null ? "" : " at " + oci.endpoint();
    }
}
