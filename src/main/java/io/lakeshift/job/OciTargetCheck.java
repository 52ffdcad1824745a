package io.lakeshift.job;

import com.oracle.bmc.model.BmcException;
import com.oracle.bmc.objectstorage.ObjectStorage;
import com.oracle.bmc.objectstorage.requests.GetBucketRequest;
import com.oracle.bmc.objectstorage.requests.GetNamespaceRequest;
import io.lakeshift.config.OciAuth;
import io.lakeshift.config.OciSettings;
import io.lakeshift.model.OciLocation;
import io.lakeshift.sink.OciErrors;
import io.lakeshift.sink.Retry;

/** Before any work: signs in, finds the namespace if it was left out, and checks that the bucket is there. */
final class OciTargetCheck {
    private OciTargetCheck() {}

    static OciLocation resolve(ObjectStorage client, OciSettings oci, OciLocation target) {
        OciLocation t = target;
        try {
            Retry retry = Retry.standard();
            if (t.namespace() == null) {
                t = t.withNamespace(retry.call(() -> client.getNamespace(GetNamespaceRequest.builder().build()))
                        .value().getValue());
            }
            OciLocation found = t;
            retry.call(() -> client.getBucket(GetBucketRequest.builder().namespaceName(found.namespace())
                    .bucketName(found.bucket()).build()));
            return t;
        } catch (BmcException e) {
            throw new JobException(explain(e, oci, t), e);
        } catch (RuntimeException | java.io.IOException e) {
            throw new JobException("cannot reach OCI Object Storage" + endpoint(oci) + ": " + OciErrors.describe(e), e);
        }
    }

    private static String explain(BmcException e, OciSettings oci, OciLocation t) {
        int status = e.getStatusCode();
        if (status == 401) {
            return "OCI rejected the credentials of " + who(oci) + " (" + e.getServiceCode() + "); check the user,"
                    + " fingerprint and key_file of that profile, and that its API key is uploaded";
        }
        if (status == 404) {
            return "bucket '" + t.bucket() + "' not found in namespace '" + t.namespace() + "'" + endpoint(oci)
                    + ", or not authorized: " + who(oci) + " needs BUCKET_READ to read it (e.g. `allow <group> to read"
                    + " buckets in compartment <compartment> where target.bucket.name = '" + t.bucket() + "'`);"
                    + " create the bucket, fix --target or grant that";
        }
        if (status == 403) {
            return who(oci) + " may not use bucket '" + t.bucket() + "' in namespace '" + t.namespace()
                    + "'; grant it 'manage objects' in the bucket's compartment";
        }
        return "cannot use bucket '" + t.bucket() + "' in namespace '" + t.namespace() + "'" + endpoint(oci) + ": "
                + OciErrors.describe(e);
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
