package io.lakeshift.emulator;

import com.oracle.bmc.objectstorage.ObjectStorageClient;
import com.oracle.bmc.objectstorage.model.CommitMultipartUploadDetails;
import com.oracle.bmc.objectstorage.model.CommitMultipartUploadPartDetails;
import com.oracle.bmc.objectstorage.requests.CommitMultipartUploadRequest;
import com.oracle.bmc.objectstorage.requests.UploadPartRequest;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.function.UnaryOperator;

/** Small multipart helpers for emulator tests. */
final class Multipart {
    private Multipart() {
    }

    static UploadPartRequest.Builder part(OciEmulator emu, String bucket, String object, String uploadId, int num,
                                          byte[] body) {
        return UploadPartRequest.builder().namespaceName(emu.namespace()).bucketName(bucket).objectName(object)
                .uploadId(uploadId).uploadPartNum(num).contentLength((long) body.length)
                .uploadPartBody(new ByteArrayInputStream(body));
    }

    /** Uploads {@code body} as part 1 (the part request adjusted by {@code part}, if given) and commits it. */
    static void commitOnePart(ObjectStorageClient client, OciEmulator emu, String bucket, String object,
                              String uploadId, byte[] body, UnaryOperator<UploadPartRequest.Builder> part) {
        UploadPartRequest.Builder request = part(emu, bucket, object, uploadId, 1, body);
        String etag = client.uploadPart((part == null ? request : part.apply(request)).build()).getETag();
        client.commitMultipartUpload(CommitMultipartUploadRequest.builder().namespaceName(emu.namespace())
                .bucketName(bucket).objectName(object).uploadId(uploadId)
                .commitMultipartUploadDetails(CommitMultipartUploadDetails.builder().partsToCommit(List.of(
                        CommitMultipartUploadPartDetails.builder().partNum(1).etag(etag).build())).build())
                .build());
    }
}
