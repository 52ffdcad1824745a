package io.lakeshift.emulator.s3;

import io.lakeshift.emulator.storage.Checksum;
import io.lakeshift.emulator.storage.ObjectRecord;
import io.lakeshift.emulator.storage.PartRecord;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * S3's additional checksums ({@code x-amz-checksum-*}) as OCI's Amazon S3 Compatibility API takes them: CRC32C
 * and SHA256, the two that S3 and OCI's own additional checksums share, are verified as the body streams, kept and
 * answered; CRC32, SHA1 and CRC64NVME are refused; trailing checksums (aws-chunked with a trailer) are refused as
 * OCI refuses aws-chunked bodies. The evidence for each answer is in docs/emulator.md, "Checksums".
 */
final class S3Checksums {
    static final String PREFIX = "x-amz-checksum-";
    static final String SDK_ALGORITHM = "x-amz-sdk-checksum-algorithm";
    /** S3's algorithms, in the lower case of their header names. */
    private static final List<String> S3_ALGORITHMS = List.of("crc32", "crc32c", "crc64nvme", "sha1", "sha256");
    /** Headers of the family that are not a checksum value. */
    private static final List<String> OPTIONS = List.of("x-amz-checksum-mode", "x-amz-checksum-type",
            "x-amz-checksum-algorithm");

    /** What a write is to be checked against: an algorithm of {@link Checksum#ALGORITHMS} and its base64 value. */
    record Expected(String algorithm, String value) {
        static final Expected NONE = new Expected(null, null);
    }

    private S3Checksums() {
    }

    /** OCI's answer to any aws-chunked body with a trailer (see docs/emulator.md, "Checksums"). */
    static S3Exception chunkedRefused() {
        return new S3Exception(501, "NotImplemented", "AWS chunked encoding not supported");
    }

    /** CRC32, SHA1, CRC64NVME: S3 takes them, OCI (which keeps CRC32C, SHA256, SHA384) does not. */
    private static S3Exception unsupported(String algorithm) {
        return new S3Exception(400, "InvalidRequest", "The checksum algorithm " + algorithm.toUpperCase(Locale.ROOT)
                + " is not supported; use CRC32C or SHA256 (x-amz-checksum-crc32c, x-amz-checksum-sha256)");
    }

    private static String storageName(String lower) {
        return lower.equals("crc32c") ? Checksum.CRC32C : lower.equals("sha256") ? Checksum.SHA256 : null;
    }

    private static String headerName(String algorithm) {
        return PREFIX + algorithm.toLowerCase(Locale.ROOT);
    }

    /**
     * The checksum a PutObject or UploadPart carries in a header, checked for form: one algorithm, OCI's, a value
     * of its length, and {@code x-amz-sdk-checksum-algorithm} (if sent) naming the same one (Amazon S3 API
     * Reference, PutObject: a checksum header must match the SDK algorithm header, which needs one).
     */
    static Expected ofWrite(S3Call call) {
        if (call.header("x-amz-trailer") != null) {
            throw chunkedRefused();
        }
        String found = null;
        String value = null;
        for (String name : call.exchange.getRequestHeaders().keySet()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.startsWith(PREFIX)) {
                continue;
            }
            String algorithm = lower.substring(PREFIX.length());
            if (!S3_ALGORITHMS.contains(algorithm)) {
                throw S3Exception.notImplemented("The header " + lower + " on a write");
            }
            if (storageName(algorithm) == null) {
                throw unsupported(algorithm);
            }
            if (found != null) {
                throw new S3Exception(400, "InvalidRequest",
                        "Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.");
            }
            found = algorithm;
            value = call.header(lower).trim();
        }
        String sdk = call.header(SDK_ALGORITHM);
        if (sdk != null) {
            String lower = sdk.trim().toLowerCase(Locale.ROOT);
            if (!S3_ALGORITHMS.contains(lower)) {
                throw invalidSdkAlgorithm();
            }
            if (storageName(lower) == null) {
                throw unsupported(lower);
            }
            if (found == null) {
                throw new S3Exception(400, "InvalidRequest", "x-amz-sdk-checksum-algorithm specified, but no"
                        + " corresponding x-amz-checksum-* or x-amz-trailer headers were found.");
            }
            if (!lower.equals(found)) {
                throw invalidSdkAlgorithm();
            }
        }
        if (found == null) {
            return Expected.NONE;
        }
        String algorithm = storageName(found);
        if (!wellFormed(value, algorithm)) {
            throw new S3Exception(400, "InvalidRequest", "Value for " + headerName(algorithm) + " header is invalid.");
        }
        return new Expected(algorithm, value);
    }

    private static S3Exception invalidSdkAlgorithm() {
        return new S3Exception(400, "InvalidRequest", "Value for x-amz-sdk-checksum-algorithm header is invalid.");
    }

    private static boolean wellFormed(String base64, String algorithm) {
        try {
            return Base64.getDecoder().decode(base64).length == Checksum.length(algorithm);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * CreateMultipartUpload's {@code x-amz-checksum-algorithm}: the one every part carries, composed into the
     * object's checksum at completion as S3 does ({@code COMPOSITE}); S3's {@code FULL_OBJECT} type is not served.
     * Null: no additional checksum.
     */
    static String ofCreate(S3Call call) {
        for (String name : call.exchange.getRequestHeaders().keySet()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if ((lower.startsWith(PREFIX) && !OPTIONS.contains(lower)) || lower.equals(SDK_ALGORITHM)) {
                throw S3Exception.notImplemented("The header " + lower + " on CreateMultipartUpload");
            }
        }
        String type = call.header("x-amz-checksum-type");
        String algorithm = call.header("x-amz-checksum-algorithm");
        if (type != null && !type.trim().equalsIgnoreCase(Checksum.COMPOSITE)) {
            if (!type.trim().equalsIgnoreCase(Checksum.FULL_OBJECT)) {
                throw S3Exception.invalidArgument("Unknown x-amz-checksum-type '" + type + "'");
            }
            throw S3Exception.notImplemented("The checksum type FULL_OBJECT for a multipart upload");
        }
        if (algorithm == null) {
            if (type != null) {
                throw new S3Exception(400, "InvalidRequest",
                        "The x-amz-checksum-type header can only be used with the x-amz-checksum-algorithm header.");
            }
            return null;
        }
        String lower = algorithm.trim().toLowerCase(Locale.ROOT);
        if (!S3_ALGORITHMS.contains(lower)) {
            throw new S3Exception(400, "InvalidRequest", "Checksum algorithm provided is unsupported.");
        }
        if (storageName(lower) == null) {
            throw unsupported(lower);
        }
        return storageName(lower);
    }

    /** A part of an upload created with an algorithm carries that algorithm's checksum, and only then one. */
    static void matchUpload(String uploadAlgorithm, Expected part) {
        if (uploadAlgorithm == null ? part.algorithm() != null : !uploadAlgorithm.equals(part.algorithm())) {
            throw new S3Exception(400, "InvalidRequest", "Checksum Type mismatch occurred, expected checksum Type: "
                    + (uploadAlgorithm == null ? "null" : uploadAlgorithm.toLowerCase(Locale.ROOT))
                    + ", actual checksum Type: " + (part.algorithm() == null ? "null"
                    : part.algorithm().toLowerCase(Locale.ROOT)));
        }
    }

    /**
     * CopyObject and CompleteMultipartUpload take no checksum headers here (S3's x-amz-checksum-algorithm on a
     * copy, a full-object checksum on completion): 501, the emulator's own answer.
     */
    static void refuseOn(S3Call call, String operation) {
        for (String name : call.exchange.getRequestHeaders().keySet()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith(PREFIX) || lower.equals(SDK_ALGORITHM)) {
                throw S3Exception.notImplemented("The header " + lower + " on " + operation);
            }
        }
    }

    /** The body as it streams, digested when a checksum is expected. */
    static final class Verifying extends FilterInputStream {
        private final Expected expected;
        private final Checksum.Digest digest;

        Verifying(InputStream in, Expected expected) {
            super(in);
            this.expected = expected;
            this.digest = expected.algorithm() == null ? null : Checksum.digest(expected.algorithm());
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0 && digest != null) {
                digest.update(b, off, n);
            }
            return n;
        }

        /** The verified checksum, null when none was expected; 400 BadDigest when the body's is another. */
        Checksum check() {
            if (digest == null) {
                return null;
            }
            String actual = Base64.getEncoder().encodeToString(digest.digest());
            if (!actual.equals(expected.value())) {
                throw badDigest(expected.algorithm());
            }
            return new Checksum(expected.algorithm(), actual, Checksum.FULL_OBJECT);
        }
    }

    /** Amazon S3's answer to a checksum that does not match the body. */
    static S3Exception badDigest(String algorithm) {
        return new S3Exception(400, "BadDigest", "The " + algorithm + " you specified did not match the calculated"
                + " checksum.");
    }

    /** The checksum a write stored, answered as PutObject and UploadPart answer it. */
    static void answer(S3Call call, Checksum c) {
        if (c != null) {
            call.set(headerName(c.algorithm()), c.value());
            if (c.type().equals(Checksum.FULL_OBJECT)) {
                call.set("x-amz-checksum-type", c.type());
            }
        }
    }

    /**
     * GetObject and HeadObject answer the stored checksum when asked ({@code x-amz-checksum-mode: ENABLED}), and
     * not for a range: it is the whole object's.
     */
    static void onRead(S3Call call, ObjectRecord o, boolean whole) {
        String mode = call.header("x-amz-checksum-mode");
        if (mode == null) {
            return;
        }
        if (!mode.trim().equalsIgnoreCase("ENABLED")) {
            throw S3Exception.invalidArgument("x-amz-checksum-mode must be ENABLED, not '" + mode + "'");
        }
        Checksum c = o.checksum();
        if (c != null && whole) {
            call.set(headerName(c.algorithm()), c.value()).set("x-amz-checksum-type", c.type());
        }
    }

    /** The element name of an algorithm in S3's XML (ChecksumCRC32C, ChecksumSHA256). */
    static String element(String algorithm) {
        return "Checksum" + algorithm;
    }

    /** A part named in CompleteMultipartUpload with a checksum must have that checksum (else InvalidPart). */
    static boolean partMatches(PartRecord part, String element, String value) {
        Checksum c = part.checksum();
        return c != null && element.equals(element(c.algorithm())) && c.value().equals(value.trim());
    }

    /**
     * DeleteObjects needs an integrity header, and OCI counts only three: its answer to a request without one of
     * them (an SDK's default x-amz-checksum-crc32 is not one), quoted in docs/emulator.md. Those sent are checked.
     */
    static void forDelete(S3Call call, byte[] body) {
        boolean any = call.header("content-md5") != null; // checked by smallBody
        for (String algorithm : Checksum.ALGORITHMS) {
            String value = call.header(headerName(algorithm));
            if (value == null) {
                continue;
            }
            any = true;
            Checksum.Digest d = Checksum.digest(algorithm);
            d.update(body, 0, body.length);
            if (!Base64.getEncoder().encodeToString(d.digest()).equals(value.trim())) {
                throw badDigest(algorithm);
            }
        }
        if (!any) {
            throw new S3Exception(400, "InvalidRequest",
                    "Missing required header for this request: Content-MD5 or x-amz-checksum-sha256 or"
                            + " x-amz-checksum-crc32c");
        }
    }
}
