package io.lakeshift.target;

/**
 * An object that landed and was verified.
 *
 * @param size bytes stored
 * @param md5 base64 MD5 of the whole content, computed while it was read
 * @param etag the new object's ETag
 * @param parts parts of the object (1 for a single PUT), sent now or, for a resumed upload, already in OCI
 * @param attempts the most tries any one request of the upload needed (1 = none retried)
 * @param note what the log should say about how it was sent (an upload resumed, or one aborted), or null
 */
public record UploadResult(long size, String md5, String etag, int parts, int attempts, String note) {
    public UploadResult(long size, String md5, String etag, int parts, int attempts) {
        this(size, md5, etag, parts, attempts, null);
    }
}
