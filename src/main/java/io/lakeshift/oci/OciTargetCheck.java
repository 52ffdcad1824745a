package io.lakeshift.oci;

import com.oracle.bmc.model.BmcException;
import com.oracle.bmc.objectstorage.ObjectStorage;
import com.oracle.bmc.objectstorage.requests.GetBucketRequest;
import com.oracle.bmc.objectstorage.requests.GetNamespaceRequest;
import io.lakeshift.config.OciAuth;
import io.lakeshift.config.OciSettings;
import io.lakeshift.model.OciLocation;
import io.lakeshift.io.DeniedException;
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
                    + io.lakeshift.io.Errors.oneLine(e), e);
        }
    }

    private static StorageException explain(BmcException e, OciSettings oci, OciLocation t) {
        int status = e.getStatusCode();
        if (status == 401) {
            return new DeniedException("OCI rejected the credentials of " + who(oci) + " (" + e.getServiceCode()
                    + "); check the user, fingerprint and key_file of that profile, and that its API key is uploaded",
                    e);
        }
        if (status == 404) {
            return new NotFoundException("bucket '" + t.bucket() + "' not found in namespace '" + t.namespace() + "'"
                    + endpoint(oci) + ", or " + who(oci) + " may not read it; create the bucket or fix --target",
                    e);
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
