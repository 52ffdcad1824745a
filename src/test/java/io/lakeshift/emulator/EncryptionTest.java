package io.lakeshift.emulator;

import com.oracle.bmc.objectstorage.ObjectStorageClient;
import com.oracle.bmc.objectstorage.model.CreateMultipartUploadDetails;
import com.oracle.bmc.objectstorage.requests.CreateMultipartUploadRequest;
import com.oracle.bmc.objectstorage.requests.GetObjectRequest;
import com.oracle.bmc.objectstorage.requests.HeadObjectRequest;
import com.oracle.bmc.objectstorage.requests.ListObjectsRequest;
import com.oracle.bmc.objectstorage.requests.PutObjectRequest;
import com.oracle.bmc.objectstorage.requests.RenameObjectRequest;
import com.oracle.bmc.objectstorage.model.RenameObjectDetails;
import com.oracle.bmc.objectstorage.requests.DeleteObjectRequest;
import com.oracle.bmc.objectstorage.responses.GetObjectResponse;
import com.oracle.bmc.model.BmcException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.lakeshift.emulator.FailsLikeOciTest.assertOci;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Server-side encryption options through the OCI Java SDK 3.77.2: SSE-C (opcSseCustomerAlgorithm "AES256",
 * opcSseCustomerKey a base64 256-bit key, opcSseCustomerKeySha256 its base64 SHA-256, OCI's SSECustomerKeyDetails
 * model) and a Vault key id (opcSseKmsKeyId).
 *
 * <p>What the service answers an SSE-C read without the key (400) and with another key (403) is what Oracle's CLI
 * integration test records against it (oracle/oci-cli, services/object_storage/tests/integ/
 * test_object_storage_encryption_key.py: "object get without SSE-C headers should result in a 400", "with the
 * wrong SSE-C key should result in a 403", the same for head; list and delete need no key).
 */
class EncryptionTest {
    static OciEmulator emu;
    static ObjectStorageClient client;
    static String ns;
    static final String KMS = "ocid1.key.oc1.iad.aaaaaaaaexamplekey";
    static final Key KEY = new Key(1);
    static final Key OTHER = new Key(2);
    static final byte[] BODY = "confidential".getBytes(StandardCharsets.UTF_8);

    /** A 256-bit key, base64, and its base64 SHA-256. */
    record Key(String key, String sha256) {
        Key(int seed) {
            this(Base64.getEncoder().encodeToString(Sdk.randomBytes(32, seed)), null);
        }

        Key {
            if (sha256 == null) {
                try {
                    sha256 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                            .digest(Base64.getDecoder().decode(key)));
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    @BeforeAll
    static void start() throws Exception {
        emu = OciEmulator.builder().start();
        client = Sdk.client(emu);
        ns = emu.namespace();
        Sdk.createBucket(client, emu, "e");
    }

    @AfterAll
    static void stop() {
        client.close();
        emu.close();
    }

    static PutObjectRequest.Builder put(String name) {
        return PutObjectRequest.builder().namespaceName(ns).bucketName("e").objectName(name)
                .contentLength((long) BODY.length).putObjectBody(new ByteArrayInputStream(BODY));
    }

    static PutObjectRequest.Builder put(String name, Key key) {
        return put(name).opcSseCustomerAlgorithm("AES256").opcSseCustomerKey(key.key())
                .opcSseCustomerKeySha256(key.sha256());
    }

    static PutObjectRequest.Builder put(OciEmulator on, String bucket, String name, byte[] body, Key key) {
        return PutObjectRequest.builder().namespaceName(on.namespace()).bucketName(bucket).objectName(name)
                .contentLength((long) body.length).putObjectBody(new ByteArrayInputStream(body))
                .opcSseCustomerAlgorithm("AES256").opcSseCustomerKey(key.key()).opcSseCustomerKeySha256(key.sha256());
    }

    static byte[] get(String name, Key key) throws Exception {
        return get(client, emu, "e", name, key);
    }

    static byte[] get(ObjectStorageClient client, OciEmulator on, String bucket, String name, Key key)
            throws Exception {
        GetObjectRequest.Builder b = GetObjectRequest.builder().namespaceName(on.namespace()).bucketName(bucket)
                .objectName(name);
        if (key != null) {
            b.opcSseCustomerAlgorithm("AES256").opcSseCustomerKey(key.key()).opcSseCustomerKeySha256(key.sha256());
        }
        GetObjectResponse r = client.getObject(b.build());
        try (InputStream in = r.getInputStream()) {
            return in.readAllBytes();
        }
    }

    static int headStatus(String name, Key key) {
        HeadObjectRequest.Builder b = HeadObjectRequest.builder().namespaceName(ns).bucketName("e").objectName(name);
        if (key != null) {
            b.opcSseCustomerAlgorithm("AES256").opcSseCustomerKey(key.key()).opcSseCustomerKeySha256(key.sha256());
        }
        try {
            return client.headObject(b.build()).get__httpStatusCode__();
        } catch (BmcException e) {
            return e.getStatusCode(); // a HEAD answer has no body: the status is all there is
        }
    }

    @Test
    void anSseCObjectIsReadOnlyWithItsKey() throws Exception {
        client.putObject(put("sse-c", KEY).build());
        assertArrayEquals(BODY, get("sse-c", KEY));
        assertOci(400, "MissingParameter", () -> get("sse-c", null));
        assertOci(403, "NotAuthorized", () -> get("sse-c", OTHER));
        assertEquals(200, headStatus("sse-c", KEY));
        assertEquals(400, headStatus("sse-c", null));
        assertEquals(403, headStatus("sse-c", OTHER));

        // listing, renaming and deleting need no key (the CLI test lists and deletes without one)
        assertTrue(client.listObjects(ListObjectsRequest.builder().namespaceName(ns).bucketName("e").prefix("sse-c")
                .build()).getListObjects().getObjects().stream().anyMatch(o -> o.getName().equals("sse-c")));
        client.renameObject(RenameObjectRequest.builder().namespaceName(ns).bucketName("e").renameObjectDetails(
                RenameObjectDetails.builder().sourceName("sse-c").newName("sse-c-renamed").build()).build());
        assertOci(400, "MissingParameter", () -> get("sse-c-renamed", null));
        assertArrayEquals(BODY, get("sse-c-renamed", KEY), "a renamed object keeps its key");
        client.deleteObject(DeleteObjectRequest.builder().namespaceName(ns).bucketName("e")
                .objectName("sse-c-renamed").build());
        assertOci(404, "ObjectNotFound", () -> get("sse-c-renamed", KEY));
    }

    @Test
    void aPlainObjectIsNotReadWithAKey() throws Exception {
        client.putObject(put("plain").build());
        assertOci(400, "InvalidParameter", () -> get("plain", KEY));
        assertArrayEquals(BODY, get("plain", null));
    }

    @Test
    void malformedSseCHeadersAreRefusedAndStoreNothing() throws Exception {
        assertOci(400, "InvalidParameter", () -> client.putObject(put("bad", new Key(KEY.key(), OTHER.sha256()))
                .build()));
        assertOci(400, "InvalidParameter", () -> client.putObject(put("bad").opcSseCustomerAlgorithm("AES128")
                .opcSseCustomerKey(KEY.key()).opcSseCustomerKeySha256(KEY.sha256()).build()));
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertOci(400, "InvalidParameter", () -> client.putObject(put("bad", new Key(shortKey, null)).build()));
        assertOci(400, "MissingParameter", () -> client.putObject(put("bad").opcSseCustomerKey(KEY.key())
                .opcSseCustomerKeySha256(KEY.sha256()).build()));
        assertOci(400, "InvalidParameter", () -> client.putObject(put("bad", KEY).opcSseKmsKeyId(KMS).build()));
        assertOci(400, "InvalidParameter", () -> client.putObject(put("bad").opcSseKmsKeyId("not-an-ocid").build()));
        assertOci(404, "ObjectNotFound", () -> get("bad", null));
    }

    @Test
    void theKeyNeverAppearsInAnAnswer() throws Exception {
        client.putObject(put("secret", KEY).build());
        RawClient raw = RawClient.forEmulator(emu);
        for (HttpResponse<byte[]> r : List.of(raw.send("GET", "/n/" + ns + "/b/e/o/secret"),
                raw.send("GET", "/n/" + ns + "/b/e/o/secret", null, Map.of("opc-sse-customer-algorithm", "AES256",
                        "opc-sse-customer-key", OTHER.key(), "opc-sse-customer-key-sha256", OTHER.sha256())),
                raw.send("GET", "/n/" + ns + "/b/e/o/secret", null, Map.of("opc-sse-customer-algorithm", "AES256",
                        "opc-sse-customer-key", KEY.key(), "opc-sse-customer-key-sha256", OTHER.sha256())))) {
            String all = r.headers().map() + new String(r.body(), StandardCharsets.ISO_8859_1);
            assertFalse(all.contains(KEY.key()) || all.contains(OTHER.key()), all);
        }
    }

    @Test
    void sseCMultipartUploadsNeedTheKeyOnEveryPart() throws Exception {
        String id = client.createMultipartUpload(CreateMultipartUploadRequest.builder().namespaceName(ns)
                .bucketName("e").opcSseCustomerAlgorithm("AES256").opcSseCustomerKey(KEY.key())
                .opcSseCustomerKeySha256(KEY.sha256()).createMultipartUploadDetails(CreateMultipartUploadDetails
                        .builder().object("sse-mp").build()).build()).getMultipartUpload().getUploadId();
        assertOci(400, "MissingParameter", () -> client.uploadPart(Multipart.part(emu, "e", "sse-mp", id, 1, BODY)
                .build()));
        assertOci(403, "NotAuthorized", () -> client.uploadPart(Multipart.part(emu, "e", "sse-mp", id, 1, BODY)
                .opcSseCustomerAlgorithm("AES256").opcSseCustomerKey(OTHER.key())
                .opcSseCustomerKeySha256(OTHER.sha256()).build()));
        Multipart.commitOnePart(client, emu, "e", "sse-mp", id, BODY, p -> p.opcSseCustomerAlgorithm("AES256")
                .opcSseCustomerKey(KEY.key()).opcSseCustomerKeySha256(KEY.sha256()));
        assertArrayEquals(BODY, get("sse-mp", KEY));
        assertOci(400, "MissingParameter", () -> get("sse-mp", null));

        String plain = upload("plain-mp", null);
        assertOci(400, "InvalidParameter", () -> client.uploadPart(Multipart.part(emu, "e", "plain-mp", plain, 1,
                BODY).opcSseCustomerAlgorithm("AES256").opcSseCustomerKey(KEY.key())
                .opcSseCustomerKeySha256(KEY.sha256()).build()));
    }

    static String upload(String object, String kmsKeyId) {
        return client.createMultipartUpload(CreateMultipartUploadRequest.builder().namespaceName(ns).bucketName("e")
                .opcSseKmsKeyId(kmsKeyId).createMultipartUploadDetails(CreateMultipartUploadDetails.builder()
                        .object(object).build()).build()).getMultipartUpload().getUploadId();
    }

    static String kmsKeyOf(String name) throws Exception {
        HttpResponse<byte[]> head = RawClient.forEmulator(emu).send("HEAD", "/n/" + ns + "/b/e/o/" + name);
        assertEquals(200, head.statusCode());
        return head.headers().firstValue("opc-sse-kms-key-id").orElse(null);
    }

    @Test
    void aVaultKeyIdIsStoredAndEchoed() throws Exception {
        client.putObject(put("kms").opcSseKmsKeyId(KMS).build());
        assertEquals(KMS, kmsKeyOf("kms"));
        assertArrayEquals(BODY, get("kms", null), "the service decrypts with the Vault key: no key to send");
        client.putObject(put("no-kms").build());
        assertEquals(null, kmsKeyOf("no-kms"));

        String id = upload("kms-mp", KMS);
        assertOci(400, "InvalidParameter", () -> client.uploadPart(Multipart.part(emu, "e", "kms-mp", id, 1, BODY)
                .opcSseKmsKeyId("ocid1.key.oc1..another").build()));
        Multipart.commitOnePart(client, emu, "e", "kms-mp", id, BODY, p -> p.opcSseKmsKeyId(KMS));
        assertEquals(KMS, kmsKeyOf("kms-mp"));

        assertOci(400, "InvalidParameter", () -> client.createMultipartUpload(CreateMultipartUploadRequest.builder()
                .namespaceName(ns).bucketName("e").opcSseKmsKeyId(KMS).opcSseCustomerAlgorithm("AES256")
                .opcSseCustomerKey(KEY.key()).opcSseCustomerKeySha256(KEY.sha256())
                .createMultipartUploadDetails(CreateMultipartUploadDetails.builder().object("both").build()).build()));
        BmcException none = assertThrows(BmcException.class, () -> get("both", null));
        assertEquals(404, none.getStatusCode());
    }
}
