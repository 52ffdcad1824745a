package io.lakeshift.oci;

import io.lakeshift.io.Retry;

import com.oracle.bmc.objectstorage.ObjectStorage;
import com.oracle.bmc.objectstorage.model.ListObjects;
import com.oracle.bmc.objectstorage.model.MultipartUpload;
import com.oracle.bmc.objectstorage.model.ObjectSummary;
import com.oracle.bmc.objectstorage.requests.AbortMultipartUploadRequest;
import com.oracle.bmc.objectstorage.requests.ListMultipartUploadsRequest;
import com.oracle.bmc.objectstorage.requests.ListObjectsRequest;
import com.oracle.bmc.objectstorage.responses.ListMultipartUploadsResponse;
import io.lakeshift.model.OciLocation;
import io.lakeshift.model.TargetObject;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What is already at the target: its objects (paged listings, no per-object HEAD) and unfinished uploads. Every
 * page is its own request under {@link Retry}, so a throttled or failed page is asked again, not the whole listing.
 */
public final class OciListing {
    private OciListing() {}

    /** Calls {@code each} for every object whose name starts with {@code prefix}, with the given fields. */
    public static void list(ObjectStorage client, Retry retry, String what, String namespace, String bucket,
            String prefix, String fields, Consumer<ObjectSummary> each) throws IOException {
        list(client, retry, what, namespace, bucket, prefix, null, null, fields, each);
    }

    /**
     * Calls {@code each} for every object whose name starts with {@code prefix} and lies in {@code [from, to)}
     * (ListObjects {@code start}: names at or after it; {@code end}: names strictly before it; null: open).
     */
    public static void list(ObjectStorage client, Retry retry, String what, String namespace, String bucket,
            String prefix, String first, String to, String fields, Consumer<ObjectSummary> each) throws IOException {
        String start = first;
        do {
            String from = start;
            ListObjects page = retry.call(() -> OciExceptions.call(what, () -> client.listObjects(
                    ListObjectsRequest.builder().namespaceName(namespace).bucketName(bucket).prefix(prefix)
                            .start(from).end(to).fields(fields).limit(1000).build()))).value().getListObjects();
            page.getObjects().forEach(each);
            start = page.getNextStartWith();
        } while (start != null);
    }

    /** Every object below the location's prefix, by name, with size, MD5, ETag and modification time. */
    public static Map<String, TargetObject> objects(ObjectStorage client, Retry retry, OciLocation location)
            throws IOException {
        Map<String, TargetObject> objects = new HashMap<>();
        objects(client, retry, location, null, null, o -> objects.put(o.name(), o));
        return objects;
    }

    /** The objects below the location's prefix whose names lie in {@code [from, to)}, one page at a time. */
    public static void objects(ObjectStorage client, Retry retry, OciLocation location, String from, String to,
            Consumer<TargetObject> each) throws IOException {
        list(client, retry, "cannot list target " + location, location.namespace(), location.bucket(),
                location.prefix(), from, to, "name,size,md5,etag,timeModified",
                o -> each.accept(new TargetObject(o.getName(), o.getSize() == null ? 0 : o.getSize(),
                        o.getMd5(), o.getEtag(), o.getTimeModified() == null ? 0 : o.getTimeModified().getTime())));
    }

    /**
     * Aborts the multipart uploads below the location's prefix that started before {@code before} (epoch millis):
     * what a crashed run or a lost task left. Returns how many were aborted.
     */
    public static int abortLeftovers(ObjectStorage client, Retry retry, OciLocation location, long before)
            throws IOException {
        String what = "cannot clean up unfinished uploads in " + location;
        int aborted = 0;
        String page = null;
        do {
            String token = page;
            ListMultipartUploadsResponse r = retry.call(() -> OciExceptions.call(what,
                    () -> client.listMultipartUploads(ListMultipartUploadsRequest.builder()
                            .namespaceName(location.namespace()).bucketName(location.bucket()).page(token)
                            .limit(1000).build()))).value();
            for (MultipartUpload u : r.getItems()) {
                boolean ours = u.getObject().startsWith(location.prefix());
                boolean old = u.getTimeCreated() == null || u.getTimeCreated().getTime() < before;
                if (ours && old) {
                    retry.call(() -> OciExceptions.call(what, () -> client.abortMultipartUpload(
                            AbortMultipartUploadRequest.builder().namespaceName(location.namespace())
                                    .bucketName(location.bucket()).objectName(u.getObject())
                                    .uploadId(u.getUploadId()).build())));
                    aborted++;
                }
            }
            page = r.getOpcNextPage();
        } while (page != null);
        return aborted;
    }
}
