package io.lakeshift.emulator.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.ClientConfiguration;
import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.client.builder.AwsClientBuilder;
import com.amazonaws.retry.PredefinedRetryPolicies;
import com.amazonaws.services.s3.AmazonS3;
import com.amazonaws.services.s3.AmazonS3ClientBuilder;
import com.amazonaws.services.s3.model.AmazonS3Exception;
import com.amazonaws.services.s3.model.CompleteMultipartUploadRequest;
import com.amazonaws.services.s3.model.GetObjectMetadataRequest;
import com.amazonaws.services.s3.model.GetObjectRequest;
import com.amazonaws.services.s3.model.InitiateMultipartUploadRequest;
import com.amazonaws.services.s3.model.ListPartsRequest;
import com.amazonaws.services.s3.model.ObjectMetadata;
import com.amazonaws.services.s3.model.PartETag;
import com.amazonaws.services.s3.model.PutObjectRequest;
import com.amazonaws.services.s3.model.PutObjectResult;
import com.amazonaws.services.s3.model.S3Object;
import com.amazonaws.services.s3.model.UploadPartRequest;
import io.lakeshift.emulator.OciEmulator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * S3's additional checksums (x-amz-checksum-*) against the emulator, sent by the AWS SDK for Java v1 as extra
 * headers (the SDK v1 computes none itself; over http it signs the body chunk by chunk, so the checksum is checked
 * on the decoded aws-chunked bytes). What is accepted and refused, and why, is docs/emulator.md, "Checksums".
 */
class S3ChecksumTest {
    private static final String BUCKET = "sums";
    private static OciEmulator emu;
    private static AmazonS3 s3;

    @BeforeAll
    static void start() throws IOException {
        emu = OciEmulator.builder().s3Port(0).start();
        s3 = AmazonS3ClientBuilder.standard()
                .withEndpointConfiguration(new AwsClientBuilder.EndpointConfiguration(emu.s3Endpoint(), emu.region()))
                .withPathStyleAccessEnabled(true)
                .withClientConfiguration(new ClientConfiguration().withRetryPolicy(PredefinedRetryPolicies.NO_RETRY_POLICY))
                .withCredentials(new AWSStaticCredentialsProvider(new BasicAWSCredentials(
                        emu.s3Credentials().accessKey(), emu.s3Credentials().secretKey())))
                .build();
        s3.createBucket(BUCKET);
    }

    @AfterAll
    static void stop() {
        if (emu != null) {
            emu.close();
        }
    }

    static byte[] raw(String algorithm, byte[] body) {
        if (algorithm.equals("CRC32C")) {
            CRC32C crc = new CRC32C();
            crc.update(body);
            long v = crc.getValue();
            return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    private static PutObjectRequest put(String key, byte[] body, String... headers) {
        ObjectMetadata meta = new ObjectMetadata();
        meta.setContentLength(body.length);
        PutObjectRequest req = new PutObjectRequest(BUCKET, key, new ByteArrayInputStream(body), meta);
        for (int i = 0; i < headers.length; i += 2) {
            req.putCustomRequestHeader(headers[i], headers[i + 1]);
        }
        return req;
    }

    private static ObjectMetadata headWithChecksums(String key) {
        GetObjectMetadataRequest head = new GetObjectMetadataRequest(BUCKET, key);
        head.putCustomRequestHeader("x-amz-checksum-mode", "ENABLED");
        return s3.getObjectMetadata(head);
    }

    /** Each algorithm OCI keeps and S3 has: verified, stored, echoed, and answered on reads that ask for it. */
    @ParameterizedTest
    @ValueSource(strings = {"CRC32C", "SHA256"})
    void aGoodChecksumIsStoredAndAnsweredWhenAsked(String algorithm) throws IOException {
        byte[] body = ("checked with " + algorithm + "\n").repeat(1000).getBytes(StandardCharsets.UTF_8);
        String header = "x-amz-checksum-" + algorithm.toLowerCase();
        String sum = b64(raw(algorithm, body));
        String key = "good-" + algorithm;
        PutObjectResult put = s3.putObject(put(key, body, header, sum, "x-amz-sdk-checksum-algorithm", algorithm));
        assertEquals(sum, put.getMetadata().getRawMetadataValue(header), "PutObject echoes the checksum");

        assertNull(s3.getObjectMetadata(BUCKET, key).getRawMetadataValue(header), "only when asked for");
        ObjectMetadata head = headWithChecksums(key);
        assertEquals(sum, head.getRawMetadataValue(header));
        assertEquals("FULL_OBJECT", head.getRawMetadataValue("x-amz-checksum-type"));

        GetObjectRequest get = new GetObjectRequest(BUCKET, key);
        get.putCustomRequestHeader("x-amz-checksum-mode", "ENABLED");
        try (S3Object o = s3.getObject(get)) {
            assertEquals(sum, o.getObjectMetadata().getRawMetadataValue(header));
            assertArrayEquals(body, o.getObjectContent().readAllBytes());
        }
        GetObjectRequest range = new GetObjectRequest(BUCKET, key).withRange(0, 9);
        range.putCustomRequestHeader("x-amz-checksum-mode", "ENABLED");
        try (S3Object o = s3.getObject(range)) {
            assertNull(o.getObjectMetadata().getRawMetadataValue(header), "the whole object's, not a range's");
            assertEquals(10, o.getObjectContent().readAllBytes().length);
        }
    }

    @Test
    void aWrongChecksumIsBadDigestAndStoresNothing() {
        byte[] before = "kept\n".getBytes(StandardCharsets.UTF_8);
        s3.putObject(put("wrong", before));
        byte[] body = "the body sent\n".getBytes(StandardCharsets.UTF_8);
        String ofAnother = b64(raw("CRC32C", "another body\n".getBytes(StandardCharsets.UTF_8)));
        AmazonS3Exception e = assertThrows(AmazonS3Exception.class,
                () -> s3.putObject(put("wrong", body, "x-amz-checksum-crc32c", ofAnother)));
        assertEquals(400, e.getStatusCode());
        assertEquals("BadDigest", e.getErrorCode());
        assertEquals(before.length, s3.getObjectMetadata(BUCKET, "wrong").getContentLength(), "not replaced");

        AmazonS3Exception sha = assertThrows(AmazonS3Exception.class, () -> s3.putObject(put("wrong-new", body,
                "x-amz-checksum-sha256", b64(raw("SHA256", before)))));
        assertEquals("BadDigest", sha.getErrorCode());
        assertFalse(s3.doesObjectExist(BUCKET, "wrong-new"), "nothing stored");
    }

    /** CRC32 (the AWS SDKs' default since 2025), SHA1 and CRC64NVME: OCI's additional checksums do not have them. */
    @ParameterizedTest
    @ValueSource(strings = {"crc32", "sha1", "crc64nvme"})
    void anAlgorithmOciDoesNotKeepIsRefused(String algorithm) {
        byte[] body = "x\n".getBytes(StandardCharsets.UTF_8);
        AmazonS3Exception e = assertThrows(AmazonS3Exception.class, () -> s3.putObject(put("refused-" + algorithm,
                body, "x-amz-checksum-" + algorithm, "AAAAAA==", "x-amz-sdk-checksum-algorithm",
                algorithm.toUpperCase())));
        assertEquals(400, e.getStatusCode());
        assertEquals("InvalidRequest", e.getErrorCode());
        assertTrue(e.getErrorMessage().contains("CRC32C or SHA256"), e.getErrorMessage());
        assertFalse(s3.doesObjectExist(BUCKET, "refused-" + algorithm));
    }

    @Test
    void malformedOrMismatchedChecksumHeadersAreRefused() {
        byte[] body = "y\n".getBytes(StandardCharsets.UTF_8);
        String crc = b64(raw("CRC32C", body));
        assertEquals("InvalidRequest", assertThrows(AmazonS3Exception.class, () -> s3.putObject(put("m1", body,
                "x-amz-checksum-crc32c", "not base64"))).getErrorCode());
        assertEquals("InvalidRequest", assertThrows(AmazonS3Exception.class, () -> s3.putObject(put("m2", body,
                "x-amz-checksum-crc32c", crc, "x-amz-sdk-checksum-algorithm", "SHA256"))).getErrorCode());
        assertEquals("InvalidRequest", assertThrows(AmazonS3Exception.class, () -> s3.putObject(put("m3", body,
                "x-amz-sdk-checksum-algorithm", "CRC32C"))).getErrorCode(), "an algorithm without its checksum");
        assertEquals("InvalidRequest", assertThrows(AmazonS3Exception.class, () -> s3.putObject(put("m4", body,
                "x-amz-checksum-crc32c", crc, "x-amz-checksum-sha256", b64(raw("SHA256", body))))).getErrorCode());
        assertFalse(s3.doesObjectExist(BUCKET, "m2"));
    }

    /** A trailing checksum needs an aws-chunked body with a trailer, which OCI refuses outright. */
    @Test
    void aTrailingChecksumIsRefusedAsOciRefusesIt() {
        byte[] body = "z\n".getBytes(StandardCharsets.UTF_8);
        AmazonS3Exception e = assertThrows(AmazonS3Exception.class, () -> s3.putObject(put("trailer", body,
                "x-amz-trailer", "x-amz-checksum-crc32c", "x-amz-sdk-checksum-algorithm", "CRC32C")));
        assertEquals(501, e.getStatusCode());
        assertEquals("NotImplemented", e.getErrorCode());
        assertEquals("AWS chunked encoding not supported", e.getErrorMessage());
        assertFalse(s3.doesObjectExist(BUCKET, "trailer"));
    }

    @Test
    void aReadAskingForAnotherModeIsRefused() {
        s3.putObject(put("mode", new byte[1]));
        GetObjectMetadataRequest head = new GetObjectMetadataRequest(BUCKET, "mode");
        head.putCustomRequestHeader("x-amz-checksum-mode", "DISABLED");
        assertEquals(400, assertThrows(AmazonS3Exception.class, () -> s3.getObjectMetadata(head)).getStatusCode());
    }

    private static PartETag part(String key, String uploadId, int n, byte[] body, String... headers) {
        UploadPartRequest req = new UploadPartRequest().withBucketName(BUCKET).withKey(key).withUploadId(uploadId)
                .withPartNumber(n).withInputStream(new ByteArrayInputStream(body)).withPartSize(body.length);
        for (int i = 0; i < headers.length; i += 2) {
            req.putCustomRequestHeader(headers[i], headers[i + 1]);
        }
        return s3.uploadPart(req).getPartETag();
    }

    /**
     * A multipart upload created with CRC32C: each part verified and kept, the object's checksum composed as S3
     * composes it (CRC32C of the parts' CRC32Cs, then "-N"; Amazon S3 User Guide, "Checking object integrity").
     */
    @Test
    void aMultipartObjectGetsTheChecksumOfItsPartsChecksums() throws IOException {
        String key = "multi";
        InitiateMultipartUploadRequest create = new InitiateMultipartUploadRequest(BUCKET, key);
        create.putCustomRequestHeader("x-amz-checksum-algorithm", "CRC32C");
        String id = s3.initiateMultipartUpload(create).getUploadId();
        byte[] one = new byte[70_000];
        byte[] two = new byte[30_000];
        Arrays.fill(one, (byte) 1);
        Arrays.fill(two, (byte) 2);
        List<PartETag> etags = List.of(part(key, id, 1, one, "x-amz-checksum-crc32c", b64(raw("CRC32C", one))),
                part(key, id, 2, two, "x-amz-checksum-crc32c", b64(raw("CRC32C", two))));

        AmazonS3Exception wrong = assertThrows(AmazonS3Exception.class,
                () -> part(key, id, 3, two, "x-amz-checksum-crc32c", b64(raw("CRC32C", one))));
        assertEquals("BadDigest", wrong.getErrorCode());
        AmazonS3Exception none = assertThrows(AmazonS3Exception.class, () -> part(key, id, 3, two));
        assertEquals("InvalidRequest", none.getErrorCode(), "a CRC32C upload's part carries its CRC32C");
        assertEquals(2, s3.listParts(new ListPartsRequest(BUCKET, key, id)).getParts().size(), "part 3 not kept");

        s3.completeMultipartUpload(new CompleteMultipartUploadRequest(BUCKET, key, id, etags));
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.writeBytes(raw("CRC32C", one));
        both.writeBytes(raw("CRC32C", two));
        ObjectMetadata head = headWithChecksums(key);
        assertEquals(b64(raw("CRC32C", both.toByteArray())) + "-2", head.getRawMetadataValue("x-amz-checksum-crc32c"));
        assertEquals("COMPOSITE", head.getRawMetadataValue("x-amz-checksum-type"));
        try (S3Object o = s3.getObject(BUCKET, key)) {
            assertEquals(one.length + two.length, o.getObjectContent().readAllBytes().length);
        }
    }

    @Test
    void aPartWithAChecksumNeedsAnUploadCreatedWithIt() {
        String id = s3.initiateMultipartUpload(new InitiateMultipartUploadRequest(BUCKET, "plain")).getUploadId();
        byte[] body = new byte[100];
        AmazonS3Exception e = assertThrows(AmazonS3Exception.class,
                () -> part("plain", id, 1, body, "x-amz-checksum-crc32c", b64(raw("CRC32C", body))));
        assertEquals("InvalidRequest", e.getErrorCode());
        InitiateMultipartUploadRequest crc32 = new InitiateMultipartUploadRequest(BUCKET, "crc32");
        crc32.putCustomRequestHeader("x-amz-checksum-algorithm", "CRC32");
        assertEquals("InvalidRequest", assertThrows(AmazonS3Exception.class,
                () -> s3.initiateMultipartUpload(crc32)).getErrorCode());
    }

    /** DeleteObjects signed by hand (UNSIGNED-PAYLOAD), with the given extra headers; its status and body. */
    private static String[] deleteObjects(byte[] xml, String... headers) throws Exception {
        java.net.URI uri = java.net.URI.create(emu.s3Endpoint() + "/" + BUCKET + "?delete");
        String host = uri.getHost() + ":" + uri.getPort();
        String date = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC));
        String canonical = "POST\n/" + BUCKET + "\n" + SigV4.canonicalQuery("delete") + "\nhost:" + host
                + "\nx-amz-content-sha256:UNSIGNED-PAYLOAD\nx-amz-date:" + date
                + "\n\nhost;x-amz-content-sha256;x-amz-date\nUNSIGNED-PAYLOAD";
        String scope = date.substring(0, 8) + "/" + emu.region() + "/s3/aws4_request";
        String toSign = "AWS4-HMAC-SHA256\n" + date + "\n" + scope + "\n"
                + SigV4.hex(SigV4.sha256(canonical.getBytes(StandardCharsets.UTF_8)));
        String signature = SigV4.hex(SigV4.hmac(SigV4.signingKey(emu.s3Credentials().secretKey(),
                date.substring(0, 8), emu.region()), toSign));
        java.net.http.HttpRequest.Builder req = java.net.http.HttpRequest.newBuilder(uri)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(xml))
                .header("x-amz-content-sha256", "UNSIGNED-PAYLOAD").header("x-amz-date", date)
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + emu.s3Credentials().accessKey() + "/"
                        + scope + ",SignedHeaders=host;x-amz-content-sha256;x-amz-date,Signature=" + signature);
        for (int i = 0; i < headers.length; i += 2) {
            req.header(headers[i], headers[i + 1]);
        }
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient()
                .send(req.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        return new String[] {String.valueOf(r.statusCode()), r.body()};
    }

    /**
     * DeleteObjects needs Content-MD5, x-amz-checksum-sha256 or x-amz-checksum-crc32c: OCI's own answer to one
     * carrying only the SDKs' default x-amz-checksum-crc32 (quoted in docs/emulator.md, "Checksums").
     */
    @Test
    void deleteObjectsNeedsAChecksumOciCounts() throws Exception {
        s3.putObject(put("del-1", new byte[1]));
        byte[] xml = "<Delete><Object><Key>del-1</Key></Object></Delete>".getBytes(StandardCharsets.UTF_8);
        String[] crc32Only = deleteObjects(xml, "x-amz-checksum-crc32", "AAAAAA==");
        assertEquals("400", crc32Only[0]);
        assertTrue(crc32Only[1].contains("<Code>InvalidRequest</Code>") && crc32Only[1].contains(
                "Missing required header for this request: Content-MD5 or x-amz-checksum-sha256 or"
                        + " x-amz-checksum-crc32c"), crc32Only[1]);
        String[] wrong = deleteObjects(xml, "x-amz-checksum-sha256", b64(raw("SHA256", new byte[1])));
        assertTrue(wrong[0].equals("400") && wrong[1].contains("<Code>BadDigest</Code>"), wrong[1]);
        assertTrue(s3.doesObjectExist(BUCKET, "del-1"));
        String[] good = deleteObjects(xml, "x-amz-checksum-crc32c", b64(raw("CRC32C", xml)));
        assertEquals("200", good[0], good[1]);
        assertFalse(s3.doesObjectExist(BUCKET, "del-1"));
    }

    /** The checksum is kept with the object across a restart of an emulator on disk. */
    @Test
    void aChecksumIsKeptOnDisk(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
        byte[] body = "durable\n".getBytes(StandardCharsets.UTF_8);
        String sum = b64(raw("SHA256", body));
        for (int run = 0; run < 2; run++) {
            try (OciEmulator disk = OciEmulator.builder().s3Port(0).dataDir(dir.resolve("data"))
                    .configDir(dir.resolve("config")).start()) {
                AmazonS3 c = AmazonS3ClientBuilder.standard()
                        .withEndpointConfiguration(new AwsClientBuilder.EndpointConfiguration(disk.s3Endpoint(),
                                disk.region()))
                        .withPathStyleAccessEnabled(true)
                        .withCredentials(new AWSStaticCredentialsProvider(new BasicAWSCredentials(
                                disk.s3Credentials().accessKey(), disk.s3Credentials().secretKey())))
                        .build();
                if (run == 0) {
                    c.createBucket("kept");
                    PutObjectRequest req = put("o", body, "x-amz-checksum-sha256", sum);
                    req.setBucketName("kept");
                    c.putObject(req);
                }
                GetObjectMetadataRequest head = new GetObjectMetadataRequest("kept", "o");
                head.putCustomRequestHeader("x-amz-checksum-mode", "ENABLED");
                assertEquals(sum, c.getObjectMetadata(head).getRawMetadataValue("x-amz-checksum-sha256"));
            }
        }
    }
}
