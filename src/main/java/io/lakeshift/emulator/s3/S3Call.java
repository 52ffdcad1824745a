package io.lakeshift.emulator.s3;

import com.sun.net.httpserver.HttpExchange;
import io.lakeshift.emulator.http.Exchange;
import io.lakeshift.emulator.storage.StagedBody;
import io.lakeshift.emulator.storage.Storage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/** One S3 request: its path-style bucket and key, query, headers, body readers and response writers. */
final class S3Call extends Exchange {
    private static final int MAX_XML = 2 * 1024 * 1024;

    /** Null for the service (GET /). */
    final String bucket;
    /** Null for bucket requests. */
    final String key;
    SigV4.Verified auth;

    S3Call(HttpExchange exchange, String requestId) {
        super(exchange, requestId, part -> SigV4.decode(part, true));
        String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        int slash = path.indexOf('/', 1);
        String b = slash < 0 ? path.substring(1) : path.substring(1, slash);
        String k = slash < 0 ? "" : path.substring(slash + 1);
        this.bucket = b.isEmpty() ? null : SigV4.decode(b, false);
        this.key = k.isEmpty() ? null : SigV4.decode(k, false);
    }

    List<String> headers(String name) {
        return exchange.getRequestHeaders().get(name);
    }

    boolean has(String param) {
        return query.containsKey(param);
    }

    String param(String name) {
        String v = query.get(name);
        return v == null || v.isEmpty() ? null : v;
    }

    int intParam(String name, int fallback, int max) {
        String v = param(name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return Math.min(n, max);
        } catch (NumberFormatException e) {
            throw S3Exception.invalidArgument("'" + name + "' must be a non-negative integer, not '" + v + "'");
        }
    }

    // ---- request bodies

    /** The body's length as decoded: x-amz-decoded-content-length for aws-chunked, else Content-Length. */
    private long declaredLength(boolean chunked) {
        String value = header(chunked ? "x-amz-decoded-content-length" : "content-length");
        if (value == null) {
            throw new S3Exception(411, "MissingContentLength", "You must provide the Content-Length HTTP header.");
        }
        try {
            long n = Long.parseLong(value.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw S3Exception.invalidArgument("The length '" + value + "' is not a number");
        }
    }

    /** The decoded body, checked against the signed payload hash as it streams. */
    private InputStream payload(boolean chunked) {
        InputStream raw = exchange.getRequestBody();
        return chunked ? new ChunkedBody(raw, auth) : raw;
    }

    private boolean chunked() {
        String hash = auth.payloadHash();
        if (hash.equals(SigV4.STREAMING_SIGNED)) {
            return true;
        }
        if (hash.endsWith("-TRAILER")) {
            throw S3Checksums.chunkedRefused(); // trailing checksums: OCI refuses them (docs/emulator.md)
        }
        if (hash.startsWith("STREAMING-")) {
            throw S3Exception.notImplemented("The payload signing mode " + hash);
        }
        if (!hash.equals(SigV4.UNSIGNED) && !hash.matches("[0-9a-f]{64}")) {
            throw new S3Exception(400, "InvalidArgument", "x-amz-content-sha256 '" + hash + "' is not a SHA-256,"
                    + " UNSIGNED-PAYLOAD or " + SigV4.STREAMING_SIGNED);
        }
        return false;
    }

    /**
     * Streams the body into a staged blob, checking the signed payload (SHA-256, or each aws-chunked chunk's
     * signature), Content-MD5 and the additional checksum expected, which the staged body then carries. Anything
     * wrong discards the blob and throws.
     */
    StagedBody receive(Storage storage, S3Checksums.Expected expected) throws IOException {
        boolean chunked = chunked();
        long length = declaredLength(chunked);
        byte[] expectedMd5 = contentMd5();
        boolean sha = !chunked && !auth.payloadHash().equals(SigV4.UNSIGNED);
        StagedBody body;
        ChunkedBody decoded = chunked ? new ChunkedBody(exchange.getRequestBody(), auth) : null;
        S3Checksums.Verifying checked = new S3Checksums.Verifying(
                decoded != null ? decoded : exchange.getRequestBody(), expected);
        try (InputStream in = checked) {
            body = storage.stage(in, length, sha);
            try {
                if (decoded != null) {
                    decoded.finish();
                }
            } catch (IOException | RuntimeException e) {
                storage.discard(body);
                throw e;
            }
        }
        try {
            if (sha && !SigV4.hex(body.sha256()).equals(auth.payloadHash())) {
                throw new S3Exception(400, "XAmzContentSHA256Mismatch",
                        "The provided 'x-amz-content-sha256' header does not match what was computed.");
            }
            if (expectedMd5 != null && !Arrays.equals(expectedMd5, body.md5())) {
                throw new S3Exception(400, "BadDigest",
                        "The Content-MD5 you specified did not match what we received.");
            }
            return body.withChecksum(checked.check());
        } catch (S3Exception e) {
            storage.discard(body);
            throw e;
        }
    }

    /** A small (XML) body, read whole and checked like {@link #receive}. */
    byte[] smallBody() throws IOException {
        boolean chunked = chunked();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = payload(chunked)) {
            byte[] buf = new byte[8192];
            for (int n; (n = in.read(buf)) >= 0; ) {
                out.write(buf, 0, n);
                if (out.size() > MAX_XML) {
                    throw malformedLarge();
                }
            }
        }
        byte[] bytes = out.toByteArray();
        String hash = auth.payloadHash();
        if (!chunked && !hash.equals(SigV4.UNSIGNED) && !SigV4.hex(SigV4.sha256(bytes)).equals(hash)) {
            throw new S3Exception(400, "XAmzContentSHA256Mismatch",
                    "The provided 'x-amz-content-sha256' header does not match what was computed.");
        }
        byte[] md5 = contentMd5();
        if (md5 != null && !Arrays.equals(md5, md5(bytes))) {
            throw new S3Exception(400, "BadDigest", "The Content-MD5 you specified did not match what we received.");
        }
        return bytes;
    }

    private static S3Exception malformedLarge() {
        return S3Exception.malformedXml("The XML body is larger than " + MAX_XML + " bytes");
    }

    byte[] contentMd5() {
        String header = header("content-md5");
        if (header == null) {
            return null;
        }
        try {
            byte[] md5 = Base64.getDecoder().decode(header.trim());
            if (md5.length == 16) {
                return md5;
            }
        } catch (IllegalArgumentException ignored) {
            // answered below
        }
        throw new S3Exception(400, "InvalidDigest", "The Content-MD5 you specified is not valid.");
    }

    static byte[] md5(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("MD5").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- responses

    S3Call set(String name, Object value) {
        responseHeader(name, value);
        return this;
    }

    void sendXml(int status, S3Xml xml) throws IOException {
        byte[] bytes = xml.bytes();
        set("Content-Type", "application/xml");
        sendBytes(status, bytes);
    }

    void sendError(S3Exception e) throws IOException {
        String resource = rawPath == null ? "/" : rawPath;
        sendXml(e.status(), S3Xml.error().text("Code", e.code()).text("Message", e.getMessage())
                .text("Resource", resource).text("RequestId", requestId));
    }
}
