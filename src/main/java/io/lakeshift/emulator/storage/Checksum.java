package io.lakeshift.emulator.storage;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * An additional checksum kept with an object or part besides its MD5: {@code algorithm} is {@code CRC32C} or
 * {@code SHA256} (the ones OCI's additional checksums and its S3 API share), {@code value} the base64 digest
 * ("base64-N" for a multipart object), {@code type} {@code FULL_OBJECT} (of the bytes) or {@code COMPOSITE} (of the
 * parts' checksums, as Amazon S3 composes a multipart object's).
 */
public record Checksum(String algorithm, String value, String type) {
    public static final String CRC32C = "CRC32C";
    public static final String SHA256 = "SHA256";
    public static final String FULL_OBJECT = "FULL_OBJECT";
    public static final String COMPOSITE = "COMPOSITE";
    public static final List<String> ALGORITHMS = List.of(CRC32C, SHA256);

    /** A running digest of one of {@link #ALGORITHMS}. */
    public interface Digest {
        void update(byte[] b, int off, int len);

        byte[] digest();
    }

    public static Digest digest(String algorithm) {
        if (algorithm.equals(CRC32C)) {
            CRC32C crc = new CRC32C();
            return new Digest() {
                public void update(byte[] b, int off, int len) {
                    crc.update(b, off, len);
                }

                public byte[] digest() {
                    long v = crc.getValue();
                    return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
                }
            };
        }
        if (algorithm.equals(SHA256)) {
            MessageDigest sha;
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            return new Digest() {
                public void update(byte[] b, int off, int len) {
                    sha.update(b, off, len);
                }

                public byte[] digest() {
                    return sha.digest();
                }
            };
        }
        throw new IllegalArgumentException("not an additional checksum algorithm: " + algorithm);
    }

    /** The digest's length in bytes. */
    public static int length(String algorithm) {
        return algorithm.equals(CRC32C) ? 4 : 32;
    }

    /**
     * A multipart object's checksum as Amazon S3 composes it (User Guide, "Checking object integrity", multipart
     * uploads): the algorithm over the parts' raw checksums in part order, base64, then "-" and the part count.
     */
    public static Checksum composite(String algorithm, List<Checksum> parts) {
        Digest d = digest(algorithm);
        for (Checksum p : parts) {
            if (p == null || !p.algorithm.equals(algorithm)) {
                return null;
            }
            byte[] raw = Base64.getDecoder().decode(p.value);
            d.update(raw, 0, raw.length);
        }
        return new Checksum(algorithm, Base64.getEncoder().encodeToString(d.digest()) + "-" + parts.size(), COMPOSITE);
    }
}
