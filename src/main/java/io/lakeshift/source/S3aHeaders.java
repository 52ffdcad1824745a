package io.lakeshift.source;

import io.lakeshift.model.ObjectHeaders;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads S3A's XAttrs of an object (hadoop-aws 3.3.4, {@code org.apache.hadoop.fs.s3a.impl.HeaderProcessing}): the
 * standard headers as {@code header.Content-Type} and so on, S3's own as {@code header.x-amz-*}, and each user
 * metadata entry {@code x-amz-meta-<key>} as {@code header.<key>}.
 */
final class S3aHeaders {
    private static final String PREFIX = "header.";
    /** Standard headers S3A lists that are not user metadata (and that lakeshift does not carry). */
    private static final java.util.Set<String> OTHERS = java.util.Set.of("content-length", "content-md5",
            "content-range", "etag", "last-modified", "content-type", "content-encoding", "content-language",
            "content-disposition", "cache-control");

    private S3aHeaders() {}

    static ObjectHeaders of(Map<String, byte[]> xattrs) {
        Map<String, String> h = new HashMap<>();
        Map<String, String> user = new HashMap<>();
        for (Map.Entry<String, byte[]> e : xattrs.entrySet()) {
            if (!e.getKey().startsWith(PREFIX) || e.getValue() == null) {
                continue;
            }
            String name = e.getKey().substring(PREFIX.length());
            String lower = name.toLowerCase(Locale.ROOT);
            String value = new String(e.getValue(), StandardCharsets.UTF_8);
            if (OTHERS.contains(lower)) {
                h.put(lower, value);
            } else if (!lower.startsWith("x-amz-")) {
                user.put(name, value);
            }
        }
        return new ObjectHeaders(h.get("content-type"), h.get("content-encoding"), h.get("content-language"),
                h.get("content-disposition"), h.get("cache-control"), user);
    }
}
