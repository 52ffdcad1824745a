package io.lakeshift.emulator.s3;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The decoded bytes of an {@code aws-chunked} body signed chunk by chunk ({@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD};
 * Amazon S3 API Reference, "Signature calculations for the Authorization header: transferring payload in multiple
 * chunks"). Each chunk is {@code hex-size;chunk-signature=SIG\r\nDATA\r\n}; its signature chains from the previous
 * one, starting at the request's. Bytes stream through as they arrive (no chunk is buffered whole); a chunk whose
 * signature does not match fails the read at its end, before the body can be committed.
 */
final class ChunkedBody extends InputStream {
    private static final String EMPTY_SHA256 = SigV4.hex(SigV4.sha256(new byte[0]));
    private static final int MAX_LINE = 4096;

    private final InputStream in;
    private final SigV4.Verified request;
    private final MessageDigest digest = SigV4.sha256();
    private String previous;
    private String chunkSignature;
    private long left;
    private boolean finished;

    ChunkedBody(InputStream in, SigV4.Verified request) {
        this.in = in;
        this.request = request;
        this.previous = request.signature();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (left == 0) {
            if (finished) {
                return -1;
            }
            if (!nextChunk()) {
                return -1;
            }
        }
        int n = in.read(buf, off, (int) Math.min(len, left));
        if (n < 0) {
            return -1; // the body ended inside a chunk: the stager reports a short body
        }
        digest.update(buf, off, n);
        left -= n;
        if (left == 0) {
            endChunk();
        }
        return n;
    }

    /** Reads to the final zero-length chunk and checks its signature: the body is whole and signed to its end. */
    void finish() throws IOException {
        byte[] skip = new byte[8192];
        if (read(skip, 0, skip.length) >= 0) {
            throw new S3Exception(400, "IncompleteBody", "The aws-chunked body is longer than x-amz-decoded-content-length");
        }
        if (!finished) {
            throw new S3Exception(400, "IncompleteBody", "The aws-chunked body ended without its final chunk");
        }
    }

    /** Reads a chunk header; false at the end of the stream. The final chunk is verified here, having no data. */
    private boolean nextChunk() throws IOException {
        String line = line();
        if (line == null) {
            return false;
        }
        int semi = line.indexOf(';');
        String sizeText = semi < 0 ? line : line.substring(0, semi);
        String ext = semi < 0 ? "" : line.substring(semi + 1);
        if (!ext.startsWith("chunk-signature=")) {
            throw new S3Exception(400, "InvalidRequest", "An aws-chunked chunk has no chunk-signature");
        }
        chunkSignature = ext.substring("chunk-signature=".length()).trim();
        try {
            left = Long.parseLong(sizeText.trim(), 16);
        } catch (NumberFormatException e) {
            throw new S3Exception(400, "InvalidRequest", "An aws-chunked chunk size '" + sizeText + "' is not hex");
        }
        if (left < 0) {
            throw new S3Exception(400, "InvalidRequest", "An aws-chunked chunk size is negative");
        }
        if (left == 0) {
            check();
            line(); // the empty line after the final chunk
            finished = true;
        }
        return true;
    }

    private void endChunk() throws IOException {
        check();
        String crlf = line();
        if (crlf == null || !crlf.isEmpty()) {
            throw new S3Exception(400, "InvalidRequest", "An aws-chunked chunk is longer than its size");
        }
    }

    private void check() {
        String toSign = "AWS4-HMAC-SHA256-PAYLOAD\n" + request.amzDate() + "\n" + request.scope() + "\n" + previous
                + "\n" + EMPTY_SHA256 + "\n" + SigV4.hex(digest.digest());
        String expected = SigV4.hex(SigV4.hmac(request.signingKey(), toSign));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                chunkSignature.getBytes(StandardCharsets.US_ASCII))) {
            throw SigV4.signatureMismatch("The chunk signature we calculated does not match the one you provided");
        }
        previous = chunkSignature;
    }

    /** A CRLF-terminated line without its terminator, or null at the end of the stream. */
    private String line() throws IOException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) {
                return sb.length() == 0 ? null : sb.toString();
            }
            if (c == '\n') {
                int len = sb.length();
                return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
            }
            if (sb.length() >= MAX_LINE) {
                throw new S3Exception(400, "InvalidRequest", "An aws-chunked chunk header is too long");
            }
            sb.append((char) c);
        }
    }
}
