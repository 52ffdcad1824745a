package io.lakeshift.target;

/**
 * An object that landed and was verified.
 *
 * @param size bytes stored
 * @param md5 base64 MD5 of the whole content, computed while it was read
 * @param etag the new object's ETag
 * @param parts parts sent (1 for a single PUT)
 * @param attempts the most tries any one request of the upload needed (1 = none retried)
 */
public record UploadResult(long size, String md5, String etag, int parts, int attempts) {}
