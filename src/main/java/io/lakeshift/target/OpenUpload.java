package io.lakeshift.target;

import java.util.Map;

/**
 * A multipart upload an object's parts go to: a new one, or one found open (by this sink after a transient failure,
 * or left by an earlier run) whose parts are reused where they hold the bytes read now.
 *
 * @param parts the parts OCI held when it was opened, by part number (the marker among them)
 * @param resumed whether it was found open rather than created
 */
record OpenUpload(String uploadId, Map<Integer, Held> parts, boolean resumed) {
    /** A part as ListMultipartUploadParts shows it; md5 is base64. */
    record Held(int number, long size, String md5, String etag) {}

    OpenUpload {
        parts = Map.copyOf(parts);
    }

    /** The part already held under {@code number} if it has exactly this size and MD5 (base64), else null. */
    Held reusable(int number, long size, String md5) {
        Held h = parts.get(number);
        return h != null && h.size() == size && md5.equals(h.md5()) ? h : null;
    }
}
