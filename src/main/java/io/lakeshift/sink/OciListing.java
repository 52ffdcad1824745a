package io.lakeshift.sink;

import com.oracle.bmc.objectstorage.ObjectStorage;
import com.oracle.bmc.objectstorage.model.MultipartUpload;
import com.oracle.bmc.objectstorage.model.ObjectSummary;
import com.oracle.bmc.objectstorage.requests.AbortMultipartUploadRequest;
import com.oracle.bmc.objectstorage.requests.ListMultipartUploadsRequest;
import com.oracle.bmc.objectstorage.requests.ListObjectsRequest;
import io.lakeshift.model.OciLocation;
import io.lakeshift.model.TargetObject;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** What is already at the target: its objects (one paged listing, no per-object HEAD) and unfinished uploads. */
public final class OciListing {
    private OciListing() {}

    /** Every object below the location's prefix, by name, with size, MD5, ETag and modification time. */
    public static Map<String, TargetObject> objects(ObjectStorage client, OciLocation location) throws IOException {
        Map<String, TargetObject> objects = new HashMap<>();
        try {
            for (ObjectSummary o : client.getPaginators().listObjectsRecordIterator(ListObjectsRequest.builder()
                    .namespaceName(location.namespace()).bucketName(location.bucket()).prefix(location.prefix())
                    .fields("name,size,md5,etag,timeModified").limit(1000).build())) {
                objects.put(o.getName(), new TargetObject(o.getName(), o.getSize() == null ? 0 : o.getSize(),
                        o.getMd5(), o.getEtag(), o.getTimeModified() == null ? 0 : o.getTimeModified().getTime()));
            }
        } catch (RuntimeException e) {
            throw new IOException("cannot list target " + location + ": " + OciErrors.describe(e), e);
        }
        return objects;
    }

    /**
     * Aborts the multipart uploads below the location's prefix that started before {@code before} (epoch millis):
     * what a crashed run left. Returns how many were aborted.
     */
    public static int abortLeftovers(ObjectStorage client, OciLocation location, long before) throws IOException {
        int aborted = 0;
        try {
            for (MultipartUpload u : client.getPaginators().listMultipartUploadsRecordIterator(
                    ListMultipartUploadsRequest.builder().namespaceName(location.namespace())
                            .bucketName(location.bucket()).build())) {
                boolean ours = u.getObject().startsWith(location.prefix());
                boolean old = u.getTimeCreated() == null || u.getTimeCreated().getTime() < before;
                if (ours && old) {
                    client.abortMultipartUpload(AbortMultipartUploadRequest.builder()
                            .namespaceName(location.namespace()).bucketName(location.bucket())
                            .objectName(u.getObject()).uploadId(u.getUploadId()).build());
                    aborted++;
                }
            }
        } catch (RuntimeException e) {
            throw new IOException("cannot clean up unfinished uploads in " + location + ": "
                    + OciErrors.describe(e), e);
        }
        return aborted;
    }
}
