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
        Path key = dir.resolve(name + ".pem");
        Files.writeString(key, Pem.privateKey(keyPair.getPrivate()));
        Path config = dir.resolve(name + ".config");
        Files.writeString(config, "[DEFAULT]\nuser=" + emu.userId() + "\nfingerprint=" + fingerprint
                + "\ntenancy=" + emu.tenancyId() + "\nregion=us-ashburn-1\nkey_file=" + key + "\n");
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
             ObjectStorageClient client = client(config("trusted", stranger, Fingerprint.of(stranger.getPublic())),
                     trusting.endpoint())) {
            assertEquals("lakeshift", client.getNamespace(GetNamespaceRequest.builder().build()).getValue());
        }
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
