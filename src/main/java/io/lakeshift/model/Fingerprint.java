package io.lakeshift.model;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * What identifies one version of a source file: its size, modification time (to the second, the resolution every
 * store shares), and its ETag and MD5 where the store has them. Stored in the object's {@code opc-meta-*} at its
 * copy and in the migration log, and compared on later runs.
 */
public record Fingerprint(long size, long modifiedSeconds, String etag, String md5) implements Serializable {
    public static final String META_SIZE = "lakeshift-source-size";
    public static final String META_MODIFIED = "lakeshift-source-modified";
    public static final String META_ETAG = "lakeshift-source-etag";
    /** Base64 MD5 of the content where it is known before the upload starts. */
    public static final String META_MD5 = "lakeshift-md5";

    public static Fingerprint of(SourceFile f) {
        return new Fingerprint(f.size(), Math.floorDiv(f.modified(), 1000), f.etag(), f.md5());
    }

    /** The fingerprint an object's metadata recorded, or null if it has none (not copied by lakeshift). */
    public static Fingerprint fromMetadata(Map<String, String> meta) {
        String size = meta.get(META_SIZE);
        String modified = meta.get(META_MODIFIED);
        if (size == null || modified == null) {
            return null;
        }
        try {
            return new Fingerprint(Long.parseLong(size), Math.floorDiv(Long.parseLong(modified), 1000),
                    meta.get(META_ETAG), null);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The source's part of an object's metadata. */
    public static Map<String, String> metadata(SourceFile f) {
        Map<String, String> meta = new HashMap<>();
        meta.put(META_SIZE, Long.toString(f.size()));
        meta.put(META_MODIFIED, Long.toString(f.modified()));
        if (f.etag() != null) {
            meta.put(META_ETAG, f.etag());
        }
        if (f.md5() != null) {
            meta.put(META_MD5, f.md5());
        }
        return meta;
    }

    /**
     * Whether both describe the same version: same size, and the same ETag where both have one, else the same
     * modification second; and the same MD5 where both have one.
     */
    public boolean sameVersionAs(Fingerprint other) {
        if (other == null || size != other.size) {
            return false;
        }
        boolean sameTag = etag != null && other.etag != null ? etag.equals(other.etag)
                : modifiedSeconds == other.modifiedSeconds;
        boolean sameMd5 = md5 == null || other.md5 == null || md5.equals(other.md5);
        return sameTag && sameMd5;
    }
}
