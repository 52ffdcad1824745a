package io.lakeshift.target;

import io.lakeshift.io.Retry;
import io.lakeshift.oci.OciExceptions;

import com.oracle.bmc.objectstorage.ObjectStorage;
import com.oracle.bmc.objectstorage.model.MultipartUpload;
import com.oracle.bmc.objectstorage.model.MultipartUploadPartSummary;
import com.oracle.bmc.objectstorage.requests.AbortMultipartUploadRequest;
import com.oracle.bmc.objectstorage.requests.ListMultipartUploadPartsRequest;
import com.oracle.bmc.objectstorage.requests.ListMultipartUploadsRequest;
import com.oracle.bmc.objectstorage.responses.ListMultipartUploadPartsResponse;
import com.oracle.bmc.objectstorage.responses.ListMultipartUploadsResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The open multipart uploads of one bucket, as a sink resuming one needs them: found by object name (OCI's
 * ListMultipartUploads has no name filter, so the bucket's uploads are paged through), their parts listed, aborted.
 */
final class OciUploads {
    /** What a look-up found: the upload to resume (or null) and how many others of the name it aborted. */
    record Found(OpenUpload upload, int aborted) {}

    private final ObjectStorage client;
    private final String namespace;
    private final String bucket;
    private final Retry retry;

    OciUploads(ObjectStorage client, String namespace, String bucket, Retry retry) {
        this.client = client;
        this.namespace = namespace;
        this.bucket = bucket;
        this.retry = retry;
    }

    /**
     * The open upload of {@code name} started before {@code before} (epoch millis: by an earlier run) that carries
     * {@code marker}. Every other upload of the name started before then is aborted: lakeshift is about to write the
     * name, and an upload it cannot resume (another tool's, or made for another version or part size) must never
     * be committed. Uploads started later belong to this run's other tasks and are left alone.
     */
    Found resumable(String name, ResumeMarker marker, long before) throws IOException {
        List<MultipartUpload> candidates = new ArrayList<>();
        String page = null;
        do {
            String token = page;
            ListMultipartUploadsResponse r = retry.call(() -> OciExceptions.call("listing of open uploads for " + name,
                    () -> client.listMultipartUploads(ListMultipartUploadsRequest.builder().namespaceName(namespace)
                            .bucketName(bucket).page(token).limit(1000).build()))).value();
            for (MultipartUpload u : r.getItems()) {
                if (name.equals(u.getObject()) && u.getTimeCreated() != null
                        && u.getTimeCreated().getTime() < before) {
                    candidates.add(u);
                }
            }
            page = r.getOpcNextPage();
        } while (page != null);
        OpenUpload chosen = null;
        int aborted = 0;
        for (MultipartUpload u : candidates) {
            Map<Integer, OpenUpload.Held> parts = parts(name, u.getUploadId());
            if (chosen == null && marker.is(parts.get(marker.partNumber()))) {
                chosen = new OpenUpload(u.getUploadId(), parts, true);
            } else {
                abort(name, u.getUploadId());
                aborted++;
            }
        }
        return new Found(chosen, aborted);
    }

    /** The parts an upload holds, by number. */
    Map<Integer, OpenUpload.Held> parts(String name, String uploadId) throws IOException {
        Map<Integer, OpenUpload.Held> parts = new HashMap<>();
        String page = null;
        do {
            String token = page;
            ListMultipartUploadPartsResponse r = retry.call(() -> OciExceptions.call(
                    "listing of the parts of the open upload of " + name,
                    () -> client.listMultipartUploadParts(ListMultipartUploadPartsRequest.builder()
                            .namespaceName(namespace).bucketName(bucket).objectName(name).uploadId(uploadId)
                            .page(token).limit(1000).build()))).value();
            for (MultipartUploadPartSummary p : r.getItems()) {
                parts.put(p.getPartNumber(), new OpenUpload.Held(p.getPartNumber(),
                        p.getSize() == null ? -1 : p.getSize(), base64(p.getMd5()), p.getEtag()));
            }
            page = r.getOpcNextPage();
        } while (page != null);
        return parts;
    }

    /**
     * A listed part's MD5 as base64. OCI's reference says only "the MD5 hash of the bytes of the part"; its other
     * MD5s (opc-content-md5) are base64, which is what the emulator lists, but 32 hex digits are read too.
     */
    static String base64(String md5) {
        if (md5 == null || !md5.matches("[0-9a-fA-F]{32}")) {
            return md5;
        }
        return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(md5));
    }

    void abort(String name, String uploadId) throws IOException {
        retry.call(() -> OciExceptions.call("abort of multipart upload of " + name,
                () -> client.abortMultipartUpload(AbortMultipartUploadRequest.builder()
                        .namespaceName(namespace).bucketName(bucket).objectName(name).uploadId(uploadId).build())));
    }
}
