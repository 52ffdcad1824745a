package io.lakeshift.verify;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * An MD5 a store keeps for an object, in one form whatever the store: base64 of the digest, and for a multipart
 * object the MD5 of its parts' MD5s with the number of parts. OCI lists a single-PUT object's {@code Content-MD5}
 * as base64 and a multipart one's {@code opc-multipart-md5} as {@code base64-N}; S3's ETag of a single-part
 * object is the hex MD5 of its content, of a multipart one the hex MD5 of its parts' MD5s, {@code hex-N}: the same
 * digest of digests as OCI's, written in hex.
 *
 * @param base64 base64 of the (whole or multipart) digest
 * @param parts the number of parts for a multipart MD5, 0 for the content's own MD5
 */
public record StoredMd5(String base64, int parts) {

    /** Whether this is the MD5 of the content itself (not of parts). */
    public boolean isWhole() {
        return parts == 0;
    }

    /** As OCI writes it: base64, with {@code -N} for a multipart MD5. */
    @Override
    public String toString() {
        return isWhole() ? base64 : base64 + "-" + parts;
    }

    /** An OCI form (base64, or base64-N); null for null or anything else. */
    public static StoredMd5 ofOci(String md5) {
        if (md5 == null || md5.isEmpty()) {
            return null;
        }
        int dash = md5.lastIndexOf('-');
        String digest = dash < 0 ? md5 : md5.substring(0, dash);
        if (!isBase64Digest(digest)) {
            return null;
        }
        if (dash < 0) {
            return new StoredMd5(digest, 0);
        }
        int parts = parts(md5.substring(dash + 1));
        return parts > 0 ? new StoredMd5(digest, parts) : null;
    }

    /**
     * An S3-style ETag: 32 hex digits (a single-part object's MD5) or {@code hex-N} (multipart), quotes allowed;
     * null for any other ETag (Azure's, Hadoop's made-up ones). An S3 object encrypted with SSE-KMS or SSE-C has
     * an ETag of that shape that is not its MD5: a caller that finds a difference confirms it by reading.
     */
    public static StoredMd5 ofEtag(String etag) {
        if (etag == null) {
            return null;
        }
        String e = etag.replace("\"", "").trim().toLowerCase(Locale.ROOT);
        int dash = e.indexOf('-');
        String hex = dash < 0 ? e : e.substring(0, dash);
        if (!hex.matches("[0-9a-f]{32}")) {
            return null;
        }
        String base64 = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
        if (dash < 0) {
            return new StoredMd5(base64, 0);
        }
        int parts = parts(e.substring(dash + 1));
        return parts > 0 ? new StoredMd5(base64, parts) : null;
    }

    private static boolean isBase64Digest(String s) {
        try {
            return s.length() == 24 && Base64.getDecoder().decode(s).length == 16;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int parts(String s) {
        if (!s.matches("[0-9]{1,5}")) {
            return 0;
        }
        int n = Integer.parseInt(s);
        return n >= 1 && n <= 10_000 ? n : 0;
    }
}
