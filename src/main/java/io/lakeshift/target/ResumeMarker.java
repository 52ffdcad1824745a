package io.lakeshift.target;

import io.lakeshift.config.TransferSettings;
import io.lakeshift.verify.Md5;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * What marks a multipart upload as lakeshift's, made for one version of one source file: a small part uploaded
 * under the last part number (10,000), never committed (it is in {@code partsToExclude}). Its bytes name the object,
 * the file's size, the part size and every metadata entry the upload was created with (the source's fingerprint
 * among them), so its MD5, which ListMultipartUploadParts shows, is equal only for an upload this run would make
 * itself. An upload without it (another tool's) or with another one (another source version, another part size)
 * is never resumed, so never committed. OCI's listing of uploads shows no metadata, hence a part.
 */
record ResumeMarker(int partNumber, byte[] bytes, String md5) {
    static final int PART_NUMBER = TransferSettings.MAX_PARTS;

    /** The marker for a file of {@code size} sent in parts of {@code partSize}, or null if it needs every number. */
    static ResumeMarker of(String objectName, long size, long partSize, Map<String, String> metadata) {
        return of(objectName, size, partSize, metadata, Map.of());
    }

    /** The same, also naming what else the upload is made with ({@code madeWith}: tier, headers, key ids). */
    static ResumeMarker of(String objectName, long size, long partSize, Map<String, String> metadata,
            Map<String, String> madeWith) {
        long parts = Math.max(1, (size + partSize - 1) / partSize);
        if (parts >= PART_NUMBER) {
            return null;
        }
        StringBuilder text = new StringBuilder("lakeshift resumable upload 1\n")
                .append("object ").append(objectName).append('\n')
                .append("size ").append(size).append('\n')
                .append("part-size ").append(partSize).append('\n');
        new TreeMap<>(metadata).forEach((k, v) -> text.append("meta ").append(k).append('=').append(v).append('\n'));
        new TreeMap<>(madeWith).forEach((k, v) -> text.append("with ").append(k).append('=').append(v).append('\n'));
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        return new ResumeMarker(PART_NUMBER, bytes, Md5.base64(Md5.of(bytes, 0, bytes.length)));
    }

    /** Whether a listed part is this marker. */
    boolean is(OpenUpload.Held part) {
        return part != null && part.size() == bytes.length && md5.equals(part.md5());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResumeMarker m && m.md5.equals(md5) && m.bytes.length == bytes.length;
    }

    @Override
    public int hashCode() {
        return md5.hashCode();
    }
}
