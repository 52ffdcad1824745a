package io.lakeshift.emulator.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.bmc.ClientConfiguration;
import com.oracle.bmc.auth.ResourcePrincipalAuthenticationDetailsProvider;
import com.oracle.bmc.model.BmcException;
import com.oracle.bmc.objectstorage.ObjectStorageClient;
import com.oracle.bmc.objectstorage.model.CreateBucketDetails;
import com.oracle.bmc.objectstorage.requests.CreateBucketRequest;
import com.oracle.bmc.objectstorage.requests.GetNamespaceRequest;
import com.oracle.bmc.retrier.RetryConfiguration;
import com.oracle.bmc.util.CircuitBreakerUtils;
import io.lakeshift.emulator.OciEmulator;
import io.lakeshift.emulator.OciException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emulator accepts resource principal session tokens the way OCI does, through the OCI SDK's own resource
 * principal provider (oci-java-sdk-common 3.77.2). The provider is built here with
 * {@code ResourcePrincipalAuthenticationDetailsProviderBuilder.build_2_2(pem, passphrase, rpst, region, inputType)},
 * the very method its {@code build()} calls for {@code OCI_RESOURCE_PRINCIPAL_VERSION=2.2} with the values of
 * {@code OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM}, {@code _PRIVATE_PEM_PASSPHRASE}, {@code _RPST} and {@code _REGION};
 * the environment itself is exercised by {@code io.lakeshift.job.ResourcePrincipalIT} in a child JVM.
 */
class ResourcePrincipalTokenTest {
    @TempDir
    Path dir;

    @Test
    void theSdksResourcePrincipalProviderSignsInWithAMintedSession() throws Exception {
        try (OciEmulator emu = OciEmulator.builder().start()) {
            ResourcePrincipalSession rp = emu.mintResourcePrincipal(dir.resolve("rp"), Duration.ofHours(1));
            assertEquals("2.2", rp.environment().get("OCI_RESOURCE_PRINCIPAL_VERSION"));
            assertFalse(rp.token().endsWith("\n"), "the SDK takes the whole file as the token");
            try (ObjectStorageClient client = client(emu, rp)) {
                assertEquals(emu.namespace(), client.getNamespace(GetNamespaceRequest.builder().build()).getValue());
                client.createBucket(CreateBucketRequest.builder().namespaceName(emu.namespace())
                        .createBucketDetails(CreateBucketDetails.builder().name("rp-made")
                                .compartmentId(emu.tenancyId()).build()).build());
                com.oracle.bmc.objectstorage.model.Bucket made = client.getBucket(
                        com.oracle.bmc.objectstorage.requests.GetBucketRequest.builder().namespaceName(emu.namespace())
                                .bucketName("rp-made").build()).getBucket();
                assertEquals(rp.resourceId(), made.getCreatedBy(),
                        "created by the run (its res_id), not by whatever the keyId ST$<token> seems to name");
            }
            ResourcePrincipalAuthenticationDetailsProvider provider = provider(rp);
            assertEquals(emu.tenancyId(), provider.getStringClaim("res_tenant"), "the SDK reads the tenancy claim");
            assertEquals(emu.tenancyId(), provider.getStringClaim("res_compartment"));
            assertEquals("dataflowrun", provider.getStringClaim("res_type"));
        }
    }

    @Test
    void theEmulatorCommandWritesASessionAndPrintsItsEnvironmentButNotTheToken() throws Exception {
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        Path config = dir.resolve("config");
        try (OciEmulator emu = io.lakeshift.emulator.EmulatorMain.start(new String[] {"--port", "0", "--config-dir",
                config.toString()}, new java.io.PrintStream(printed, true, StandardCharsets.UTF_8))) {
            String out = printed.toString(StandardCharsets.UTF_8);
            Path rpDir = config.resolve("resource-principal");
            Path token = rpDir.resolve(ResourcePrincipalSession.TOKEN_FILE);
            assertTrue(out.contains("export OCI_RESOURCE_PRINCIPAL_VERSION='2.2'"), out);
            assertTrue(out.contains("export OCI_RESOURCE_PRINCIPAL_RPST='" + token.toAbsolutePath() + "'"), out);
            assertTrue(out.contains("export OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM='"
                    + rpDir.resolve(ResourcePrincipalSession.KEY_FILE).toAbsolutePath() + "'"), out);
            assertTrue(out.contains("export OCI_RESOURCE_PRINCIPAL_REGION='us-ashburn-1'"), out);
            String jwt = Files.readString(token);
            assertFalse(out.contains(jwt.substring(jwt.lastIndexOf('.') + 1)), "the token is never printed");
            ResourcePrincipalSession written = new ResourcePrincipalSession(token,
                    rpDir.resolve(ResourcePrincipalSession.KEY_FILE), null, null, null, "us-ashburn-1");
            try (ObjectStorageClient client = client(emu, written)) {
                assertEquals(emu.namespace(), client.getNamespace(GetNamespaceRequest.builder().build()).getValue());
            }
        }
    }

    @Test
    void anExpiredTokenIsRefusedWith401() throws Exception {
        try (OciEmulator emu = OciEmulator.builder().start()) {
            ResourcePrincipalSession rp = emu.mintResourcePrincipal(dir.resolve("rp"), Duration.ofMinutes(-1));
            BmcException e = refused(emu, rp);
            assertTrue(e.getMessage().contains("expired"), e.getMessage());
        }
    }

    @Test
    void aTokenFromAnotherIssuerIsRefusedWith401() throws Exception {
        try (OciEmulator emu = OciEmulator.builder().start()) {
            SessionTokens forger = SessionTokens.createIn(dir.resolve("forger"), Clock.systemUTC());
            ResourcePrincipalSession rp = ResourcePrincipalSession.mint(forger, dir.resolve("rp"), emu.tenancyId(),
                    ClientIdentity.REGION, Duration.ofHours(1));
            BmcException e = refused(emu, rp);
            assertTrue(e.getMessage().contains("not issued by this service"), e.getMessage());
        }
    }

    @Test
    void aRequestNotSignedByTheTokensSessionKeyIsRefused() throws Exception {
        try (OciEmulator emu = OciEmulator.builder().start()) {
            ResourcePrincipalSession rp = emu.mintResourcePrincipal(dir.resolve("rp"), Duration.ofHours(1));
            Files.writeString(rp.privateKeyFile(), Pem.privateKey(Rsa.newKeyPair().getPrivate()));
            BmcException e = refused(emu, rp);
            assertTrue(e.getMessage().contains("signature does not match"), e.getMessage());
        }
    }

    @Test
    void refusalsNeverRepeatTheToken() throws Exception {
        try (OciEmulator emu = OciEmulator.builder().start()) {
            ResourcePrincipalSession rp = emu.mintResourcePrincipal(dir.resolve("rp"), Duration.ofMinutes(-1));
            String token = rp.token();
            BmcException e = refused(emu, rp);
            assertFalse(e.getMessage().contains(token.substring(token.lastIndexOf('.') + 1)), e.getMessage());
            assertFalse(e.getMessage().contains(token.substring(0, token.indexOf('.'))), e.getMessage());
        }
    }

    @Test
    void theVerifiedPrincipalIsTheResourceWithItsClaimsOrTheUserOfAnApiKey() throws Exception {
        SessionTokens tokens = SessionTokens.createIn(dir, Clock.systemUTC());
        KeyPair session = Rsa.newKeyPair();
        String token = tokens.mint("dataflowrun", "ocid1.dataflowrun.oc1..run", "ocid1.compartment.oc1..c",
                "ocid1.tenancy.oc1..t", session.getPublic(), Duration.ofMinutes(5));
        KeyRing ring = new KeyRing();
        KeyPair user = Rsa.newKeyPair();
        String fingerprint = ring.trust(user.getPublic(), "ocid1.tenancy.oc1..t", "ocid1.user.oc1..u");
        SignatureVerifier verifier = new SignatureVerifier(ring, tokens, Clock.systemUTC());

        SignatureVerifier.Verified rp = verifier.verify("GET", "/n/", null,
                signedGet(SignatureVerifier.SESSION_TOKEN_PREFIX + token, session));
        assertEquals(Principal.Kind.RESOURCE, rp.principal().kind());
        assertEquals("ocid1.tenancy.oc1..t", rp.principal().tenancy());
        assertEquals("ocid1.dataflowrun.oc1..run", rp.principal().id());
        assertEquals("dataflowrun", rp.principal().claim("res_type"));
        assertEquals("ocid1.compartment.oc1..c", rp.principal().claim("res_compartment"));
        assertFalse(rp.keyId().contains(token), "the token is a secret");

        String keyId = "ocid1.tenancy.oc1..t/ocid1.user.oc1..u/" + fingerprint;
        SignatureVerifier.Verified api = verifier.verify("GET", "/n/", null, signedGet(keyId, user));
        assertEquals(Principal.user("ocid1.tenancy.oc1..t", "ocid1.user.oc1..u"), api.principal());

        SignatureVerifier none = new SignatureVerifier(ring, Clock.systemUTC());
        OciException e = assertThrows(OciException.class, () -> none.verify("GET", "/n/", null,
                signedGet(SignatureVerifier.SESSION_TOKEN_PREFIX + token, session)));
        assertEquals(401, e.status());
    }

    private static java.util.function.Function<String, String> signedGet(String keyId, KeyPair key) throws Exception {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
        String signing = "date: " + date + "\n(request-target): get /n/\nhost: emulator";
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(key.getPrivate());
        s.update(signing.getBytes(StandardCharsets.UTF_8));
        String auth = "Signature version=\"1\",headers=\"date (request-target) host\",keyId=\"" + keyId
                + "\",algorithm=\"rsa-sha256\",signature=\"" + Base64.getEncoder().encodeToString(s.sign()) + "\"";
        Map<String, String> headers = Map.of("authorization", auth, "date", date, "host", "emulator");
        return headers::get;
    }

    private static BmcException refused(OciEmulator emu, ResourcePrincipalSession rp) {
        CopyOnWriteArrayList<BmcException> seen = new CopyOnWriteArrayList<>();
        try (ObjectStorageClient client = client(emu, rp)) {
            seen.add(assertThrows(BmcException.class,
                    () -> client.getNamespace(GetNamespaceRequest.builder().build())));
        }
        BmcException e = seen.get(0);
        assertEquals(401, e.getStatusCode(), e.getMessage());
        assertEquals("NotAuthenticated", e.getServiceCode());
        return e;
    }

    static ResourcePrincipalAuthenticationDetailsProvider provider(ResourcePrincipalSession rp) {
        Map<String, String> env = rp.environment();
        return ResourcePrincipalAuthenticationDetailsProvider.ResourcePrincipalAuthenticationDetailsProviderBuilder
                .build_2_2(env.get("OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM"), null,
                        env.get("OCI_RESOURCE_PRINCIPAL_RPST"), env.get("OCI_RESOURCE_PRINCIPAL_REGION"),
                        "environment variable");
    }

    private static ObjectStorageClient client(OciEmulator emu, ResourcePrincipalSession rp) {
        return ObjectStorageClient.builder().endpoint(emu.endpoint())
                .configuration(ClientConfiguration.builder()
                        .retryConfiguration(RetryConfiguration.NO_RETRY_CONFIGURATION)
                        .circuitBreakerConfiguration(CircuitBreakerUtils.getNoCircuitBreakerConfiguration())
                        .build())
                .build(provider(rp));
    }
}
