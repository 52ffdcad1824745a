package io.lakeshift.target;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.bmc.objectstorage.model.CreateMultipartUploadDetails;
import com.oracle.bmc.objectstorage.model.MultipartUpload;
import com.oracle.bmc.objectstorage.requests.CreateMultipartUploadRequest;
import io.lakeshift.io.Retry;
import io.lakeshift.model.OciLocation;
import io.lakeshift.testing.EmulatorFixture;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The target contract on an OCI bucket and prefix (the emulator), through lakeshift's own OCI clients. */
class OciTargetTest extends TargetContract {
    private static final String BUCKET = "target";
    @RegisterExtension
    static final EmulatorFixture oci = EmulatorFixture.perClass(BUCKET);

    @Override
    Target target(String folder) {
        return new OciTarget(new OciLocation(BUCKET, oci.namespace(), "migrated/" + folder + "/"), oci.ociSettings(), Retry.attempts(3));
    }

    @Override
    Target inMissingBucket() {
        return new OciTarget(new OciLocation("no-such-bucket", oci.namespace(), "x/"), oci.ociSettings(), Retry.attempts(3));
    }

    @Override
    void putRaw(Target target, String relative, byte[] body) {
        oci.put(BUCKET, target.location().objectName(relative), body);
    }

    @Override
    boolean leaveUnfinishedUpload(Target target, String relative) {
        oci.client().createMultipartUpload(CreateMultipartUploadRequest.builder().namespaceName(oci.namespace())
                .bucketName(BUCKET).createMultipartUploadDetails(CreateMultipartUploadDetails.builder()
                        .object(target.location().objectName(relative)).build()).build());
        return true;
    }

    @Override
    List<String> unfinishedUploads(Target target) {
        return oci.openUploads(BUCKET).stream().map(MultipartUpload::getObject)
                .filter(n -> n.startsWith(target.location().prefix())).sorted().toList();
    }

    @Test
    void anOciTargetNeedsItsNamespace() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new OciTarget(new OciLocation(BUCKET, null, "x/"), oci.ociSettings(), Retry.attempts(3)));
        assertTrue(e.getMessage().contains("namespace"), e.getMessage());
    }
}
