package io.lakeshift.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oracle.bmc.ClientConfiguration;
import com.oracle.bmc.auth.ConfigFileAuthenticationDetailsProvider;
import com.oracle.bmc.model.BmcException;
import com.oracle.bmc.objectstorage.ObjectStorageClient;
import com.oracle.bmc.objectstorage.requests.GetNamespaceRequest;
import com.oracle.bmc.retrier.RetryConfiguration;
import com.oracle.bmc.util.CircuitBreakerUtils;
import io.lakeshift.emulator.auth.Fingerprint;
import io.lakeshift.emulator.auth.Pem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthTest {
    static OciEmulator emu;
    static KeyPair stranger;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        emu = OciEmulator.builder().start();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        stranger = generator.generateKeyPair();
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    /** Writes an OCI config that signs with {@code keyPair} but claims {@code fingerprint}. */
    static Path config(String name, KeyPair keyPair, String fingerprint) throws Exception {
        return config(name, keyPair, fingerprint, emu);
    }

    /** As above, as the user of {@code target} (whose tenancy and user OCIDs the key must belong to). */
    static Path config(String name, KeyPair keyPair, String fingerprint, OciEmulator target) throws Exception {
        Path key = dir.resolve(name + ".pem");
        Files.writeString(key, Pem.privateKey(keyPair.getPrivate()));
        Path config = dir.resolve(name + ".config");
        Files.writeString(config, "[DEFAULT]\nuser=" + target.userId() + "\nfingerprint=" + fingerprint
                + "\ntenancy=" + target.tenancyId() + "\nregion=us-ashburn-1\nkey_file=" + key + "\n");
        return config;
    }

    static ObjectStorageClient client(Path config, String endpoint) throws Exception {
        return ObjectStorageClient.builder().endpoint(endpoint)
                .configuration(ClientConfiguration.builder()
                        .retryConfiguration(RetryConfiguration.NO_RETRY_CONFIGURATION)
                        .circuitBreakerConfiguration(CircuitBreakerUtils.getNoCircuitBreakerConfiguration()).build())
                .build(new ConfigFileAuthenticationDetailsProvider(config.toString(), "DEFAULT"));
    }

    static void assertNotAuthenticated(HttpResponse<byte[]> response) throws Exception {
        assertEquals(401, response.statusCode());
        assertTrue(response.headers().firstValue("opc-request-id").isPresent());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("application/json"));
        JsonNode body = new ObjectMapper().readTree(response.body());
        assertEquals("NotAuthenticated", body.get("code").asText());
        assertTrue(body.get("message").asText().length() > 0);
    }

    @Test
    void unsignedRequestIsRejected() throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(emu.endpoint() + "/n/")).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertNotAuthenticated(response);
    }

    @Test
    void signedRawRequestIsAccepted() throws Exception {
        HttpResponse<byte[]> response = RawClient.forEmulator(emu).send("GET", "/n/");
        assertEquals(200, response.statusCode());
        assertEquals("\"lakeshift\"", new String(response.body()));
    }

    @Test
    void untrustedKeyIsRejected() throws Exception {
        Path config = config("untrusted", stranger, Fingerprint.of(stranger.getPublic()));
        try (ObjectStorageClient client = client(config, emu.endpoint())) {
            BmcException e = assertThrows(BmcException.class,
                    () -> client.getNamespace(GetNamespaceRequest.builder().build()));
            assertEquals(401, e.getStatusCode());
            assertEquals("NotAuthenticated", e.getServiceCode());
        }
    }

    @Test
    void forgedSignatureForTrustedKeyIdIsRejected() throws Exception {
        Path config = config("forged", stranger, emu.fingerprint());
        try (ObjectStorageClient client = client(config, emu.endpoint())) {
            BmcException e = assertThrows(BmcException.class,
                    () -> client.getNamespace(GetNamespaceRequest.builder().build()));
            assertEquals(401, e.getStatusCode());
        }
    }

    @Test
    void extraTrustedKeyIsAccepted() throws Exception {
        Path publicPem = dir.resolve("stranger-public.pem");
        Files.writeString(publicPem, Pem.publicKey(stranger.getPublic()));
        try (OciEmulator trusting = OciEmulator.builder().trustPublicKey(publicPem).start();
             ObjectStorageClient client = client(config("trusted", stranger, Fingerprint.of(stranger.getPublic()),
                     trusting), trusting.endpoint())) {
            assertEquals("lakeshift", client.getNamespace(GetNamespaceRequest.builder().build()).getValue());
        }
    }

    /** A key trusted as another user's signs as that user only, and buckets it makes are created by that user. */
    @Test
    void aKeyTrustedForAnotherUserSignsAsThatUserOnly() throws Exception {
        String user = "ocid1.user.oc1..aaaaaaaasecondusersecondusersecondusersecondusersecondus";
        Path publicPem = dir.resolve("second-user-public.pem");
        Files.writeString(publicPem, Pem.publicKey(stranger.getPublic()));
        String fingerprint = Fingerprint.of(stranger.getPublic());
        try (OciEmulator trusting = OciEmulator.builder().trustUserKey(publicPem, user).start()) {
            Path asUser = dir.resolve("second-user.config");
            Files.writeString(asUser, Files.readString(config("second-user-key", stranger, fingerprint, trusting))
                    .replace("user=" + trusting.userId(), "user=" + user));
            try (ObjectStorageClient client = client(asUser, trusting.endpoint())) {
                Sdk.createBucket(client, trusting, "made-by-second");
                assertEquals(user, client.getBucket(com.oracle.bmc.objectstorage.requests.GetBucketRequest.builder()
                        .namespaceName(trusting.namespace()).bucketName("made-by-second").build())
                        .getBucket().getCreatedBy());
            }
            Path asEmulatorsUser = config("second-user-as-first", stranger, fingerprint, trusting);
            try (ObjectStorageClient client = client(asEmulatorsUser, trusting.endpoint())) {
                BmcException e = assertThrows(BmcException.class,
                        () -> client.getNamespace(GetNamespaceRequest.builder().build()));
                assertEquals(401, e.getStatusCode(), "the key is the second user's, not the emulator's own user's");
            }
        }
    }

    /**
     * OCI's keyId is "tenancy OCID/user OCID/key fingerprint" and an API key belongs to one user of one tenancy
     * (OCI Request Signatures, "keyId"); a trusted key under another tenancy's or user's OCID is not authenticated.
     */
    @Test
    void trustedKeyUnderAnotherTenancyOrUserIsRejected() throws Exception {
        String otherTenancy = "ocid1.tenancy.oc1..aaaaaaaaotherotherotherotherotherotherotherotherotherothe";
        String otherUser = "ocid1.user.oc1..aaaaaaaaotherotherotherotherotherotherotherotherotherotherx";
        for (String[] ids : new String[][] {{otherTenancy, emu.userId()}, {emu.tenancyId(), otherUser}}) {
            Path config = dir.resolve("other-" + ids[0].hashCode() + ids[1].hashCode() + ".config");
            Files.writeString(config, "[DEFAULT]\nuser=" + ids[1] + "\nfingerprint=" + emu.fingerprint()
                    + "\ntenancy=" + ids[0] + "\nregion=us-ashburn-1\nkey_file=" + emu.keyFile() + "\n");
            try (ObjectStorageClient client = client(config, emu.endpoint())) {
                BmcException e = assertThrows(BmcException.class,
                        () -> client.getNamespace(GetNamespaceRequest.builder().build()));
                assertEquals(401, e.getStatusCode());
                assertEquals("NotAuthenticated", e.getServiceCode());
            }
        }
        RawClient otherTenancyRaw = new RawClient(emu.endpoint(), otherTenancy + "/" + emu.userId() + "/"
                + emu.fingerprint(), Pem.readPrivateKey(emu.keyFile()));
        assertNotAuthenticated(otherTenancyRaw.send("GET", "/n/"));
    }

    /**
     * "date or x-date (if both are included, Oracle uses x-date)": OCI Request Signatures, Required Headers
     * (docs.oracle.com/iaas/Content/API/Concepts/signingrequests.htm).
     */
    @Test
    void xDateWinsOverDate() throws Exception {
        RawClient raw = RawClient.forEmulator(emu);
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        java.time.format.DateTimeFormatter rfc1123 = java.time.format.DateTimeFormatter
                .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.US);
        // a fresh date beside a stale x-date: x-date is the request's time, so it is refused
        HttpRequest staleX = raw.request("GET", "/n/", null, Map.of("x-date", rfc1123.format(now.minusMinutes(10))),
                now, java.util.List.of("x-date"));
        assertNotAuthenticated(raw.http().send(staleX, HttpResponse.BodyHandlers.ofByteArray()));
        // a stale date beside a fresh x-date: accepted
        HttpRequest freshX = raw.request("GET", "/n/", null, Map.of("x-date", rfc1123.format(now)),
                now.minusMinutes(10), java.util.List.of("x-date"));
        assertEquals(200, raw.http().send(freshX, HttpResponse.BodyHandlers.ofByteArray()).statusCode());
        // x-date present but only date signed: the time OCI uses is not signed
        HttpRequest unsignedX = raw.request("GET", "/n/", null, Map.of("x-date", rfc1123.format(now)), now);
        assertNotAuthenticated(raw.http().send(unsignedX, HttpResponse.BodyHandlers.ofByteArray()));
    }

    @Test
    void staleDateIsRejected() throws Exception {
        RawClient raw = RawClient.forEmulator(emu);
        HttpRequest old = raw.request("GET", "/n/", null, Map.of(), ZonedDateTime.now(ZoneOffset.UTC).minusMinutes(10));
        assertNotAuthenticated(raw.http().send(old, HttpResponse.BodyHandlers.ofByteArray()));
        HttpRequest fresh = raw.request("GET", "/n/", null, Map.of(), ZonedDateTime.now(ZoneOffset.UTC).minusMinutes(2));
        assertEquals(200, raw.http().send(fresh, HttpResponse.BodyHandlers.ofByteArray()).statusCode());
    }

    @Test
    void bodyThatDoesNotMatchSignedHashIsRejected() throws Exception {
        byte[] body = ("{\"name\":\"tampered\",\"compartmentId\":\"" + emu.tenancyId() + "\"}").getBytes();
        HttpResponse<byte[]> response = RawClient.forEmulator(emu).send("POST", "/n/lakeshift/b/", body,
                Map.of("x-content-sha256", RawClient.sha256("{}".getBytes())));
        assertNotAuthenticated(response);
        HttpResponse<byte[]> ok = RawClient.forEmulator(emu).send("POST", "/n/lakeshift/b/", body, Map.of());
        assertEquals(200, ok.statusCode());
    }

    @Test
    void tooFewSignedHeadersAreRejected() throws Exception {
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
        String keyId = emu.tenancyId() + "/" + emu.userId() + "/" + emu.fingerprint();
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(emu.endpoint() + "/n/")).GET()
                        .header("authorization", "Signature version=\"1\",keyId=\"" + keyId
                                + "\",algorithm=\"rsa-sha256\",headers=\"date\",signature=\"AAAA\"")
                        .header("date", date).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertNotAuthenticated(response);
        assertTrue(new String(response.body()).contains("(request-target)"));
    }
}
