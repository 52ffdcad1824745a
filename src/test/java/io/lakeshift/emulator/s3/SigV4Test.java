package io.lakeshift.emulator.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * SigV4 against the worked examples of the Amazon S3 API Reference (the examples use the documentation's key pair
 * AKIAIOSFODNN7EXAMPLE / wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY on 2013-05-24, region us-east-1): "Signature
 * Calculations for the Authorization Header: Transferring Payload in a Single Chunk" (Example: GET Object) and
 * "... in Multiple Chunks" (docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html: the 64 KiB + 1 KiB
 * chunked PUT, Content-Length 66824, and its chunk signatures). Every expected value here was checked on 2026-12-01
 * against other public test suites that quote the same AWS examples: cloudyr/aws.signature tests/testthat/test-v4.R
 * (the GET Object signature f0e8bd...) and Genbox SimpleS3 ChunkedSignatureTests (seed, chunk and final signatures).
 */
class SigV4Test {
    static final String ACCESS = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final Clock THEN = Clock.fixed(Instant.parse("2013-05-24T00:05:00Z"), ZoneOffset.UTC);
    static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    static final String SEED = "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9";
    static final String CHUNK1 = "ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648";
    static final String CHUNK2 = "0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497";
    static final String FINAL = "b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9";

    private final SigV4 signer = new SigV4(Map.of(ACCESS, SECRET), "us-east-1", THEN);

    private static Map<String, List<String>> headers(String... nameValues) {
        Map<String, List<String>> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < nameValues.length; i += 2) {
            out.put(nameValues[i], List.of(nameValues[i + 1]));
        }
        return out;
    }

    private static Map<String, List<String>> getObject(String signature) {
        return headers("Host", "examplebucket.s3.amazonaws.com", "Range", "bytes=0-9",
                "x-amz-content-sha256", EMPTY, "x-amz-date", "20130524T000000Z",
                "Authorization", "AWS4-HMAC-SHA256 Credential=" + ACCESS + "/20130524/us-east-1/s3/aws4_request,"
                        + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=" + signature);
    }

    @Test
    void verifiesTheReferenceGetObjectExample() {
        SigV4.Verified v = signer.verify("GET", "/test.txt", null,
                getObject("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")::get);
        assertEquals(ACCESS, v.accessKey());
        assertEquals(EMPTY, v.payloadHash());
    }

    @Test
    void aSignatureOfOtherBytesDoesNotMatch() {
        S3Exception e = assertThrows(S3Exception.class, () -> signer.verify("GET", "/test.txt", null,
                getObject("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb42")::get));
        assertEquals("SignatureDoesNotMatch", e.code());
        assertEquals(403, e.status());
        // the same signature over another path (or method) is refused too
        assertEquals("SignatureDoesNotMatch", assertThrows(S3Exception.class, () -> signer.verify("GET",
                "/test2.txt", null, getObject("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")::get))
                .code());
    }

    @Test
    void unknownKeysWrongRegionsAndOldRequestsAreRefusedWithS3Codes() {
        SigV4 other = new SigV4(Map.of("someone-else", SECRET), "us-east-1", THEN);
        assertEquals("InvalidAccessKeyId", assertThrows(S3Exception.class, () -> other.verify("GET", "/test.txt",
                null, getObject("00")::get)).code());
        SigV4 ashburn = new SigV4(Map.of(ACCESS, SECRET), "us-ashburn-1", THEN);
        assertEquals("AuthorizationHeaderMalformed", assertThrows(S3Exception.class, () -> ashburn.verify("GET",
                "/test.txt", null, getObject("00")::get)).code());
        SigV4 later = new SigV4(Map.of(ACCESS, SECRET), "us-east-1",
                Clock.fixed(Instant.parse("2013-05-24T00:16:00Z"), ZoneOffset.UTC));
        assertEquals("RequestTimeTooSkewed", assertThrows(S3Exception.class, () -> later.verify("GET", "/test.txt",
                null, getObject("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")::get)).code());
        assertEquals("AccessDenied", assertThrows(S3Exception.class, () -> signer.verify("GET", "/test.txt", null,
                headers("Host", "h")::get)).code());
    }

    private SigV4.Verified chunkedPut() {
        Map<String, List<String>> h = headers("Host", "s3.amazonaws.com", "x-amz-date", "20130524T000000Z",
                "x-amz-storage-class", "REDUCED_REDUNDANCY", "x-amz-content-sha256", SigV4.STREAMING_SIGNED,
                "Content-Encoding", "aws-chunked", "x-amz-decoded-content-length", "66560", "Content-Length", "66824",
                "Authorization", "AWS4-HMAC-SHA256 Credential=" + ACCESS + "/20130524/us-east-1/s3/aws4_request,"
                        + "SignedHeaders=content-encoding;content-length;host;x-amz-content-sha256;x-amz-date;"
                        + "x-amz-decoded-content-length;x-amz-storage-class,Signature=" + SEED);
        return signer.verify("PUT", "/examplebucket/chunkObject.txt", null, h::get);
    }

    private static byte[] chunkedBody(byte[] first, String sig1, byte[] second, String sig2, String last) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((Integer.toHexString(first.length) + ";chunk-signature=" + sig1 + "\r\n").getBytes());
        out.writeBytes(first);
        out.writeBytes(("\r\n" + Integer.toHexString(second.length) + ";chunk-signature=" + sig2 + "\r\n").getBytes());
        out.writeBytes(second);
        out.writeBytes(("\r\n0;chunk-signature=" + last + "\r\n\r\n").getBytes());
        return out.toByteArray();
    }

    private static byte[] as(int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) 'a');
        return b;
    }

    @Test
    void decodesTheReferenceChunkedUploadCheckingEveryChunk() throws IOException {
        SigV4.Verified v = chunkedPut();
        byte[] body = chunkedBody(as(65536), CHUNK1, as(1024), CHUNK2, FINAL);
        assertEquals(66824, body.length); // the example's Content-Length: the framing is the documented one
        ChunkedBody in = new ChunkedBody(new ByteArrayInputStream(body), v);
        byte[] decoded = in.readNBytes(66560);
        in.finish();
        assertArrayEquals(as(66560), decoded);
    }

    @Test
    void aChunkWithOtherBytesFailsTheReadAtItsEnd() {
        SigV4.Verified v = chunkedPut();
        byte[] second = as(1024);
        second[10] = 'b';
        InputStream in = new ChunkedBody(new ByteArrayInputStream(chunkedBody(as(65536), CHUNK1, second, CHUNK2,
                FINAL)), v);
        S3Exception e = assertThrows(S3Exception.class, () -> in.readNBytes(66560));
        assertEquals("SignatureDoesNotMatch", e.code());
    }

    @Test
    void aBodyCutBeforeItsFinalChunkIsIncomplete() throws IOException {
        SigV4.Verified v = chunkedPut();
        byte[] body = chunkedBody(as(65536), CHUNK1, as(1024), CHUNK2, FINAL);
        ChunkedBody in = new ChunkedBody(new ByteArrayInputStream(Arrays.copyOf(body, body.length - 90)), v);
        in.readNBytes(66560);
        assertEquals("IncompleteBody", assertThrows(S3Exception.class, in::finish).code());
    }

    @Test
    void canonicalQueryIsSortedAndStrictlyEncoded() {
        assertEquals("delimiter=%2F&list-type=2&prefix=a%20b%2Bc", SigV4.canonicalQuery("prefix=a+b%2Bc&list-type=2&delimiter=/"));
        assertEquals("uploads=", SigV4.canonicalQuery("uploads"));
        assertEquals("a/%C3%A9%20x~", SigV4.encodePath("a/\u00e9 x~"));
        assertEquals("%2A%21", SigV4.encode("*!"));
    }
}
