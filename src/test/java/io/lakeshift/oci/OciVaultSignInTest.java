package io.lakeshift.oci;

import io.lakeshift.secrets.Secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.bmc.auth.ConfigFileAuthenticationDetailsProvider;
import com.sun.net.httpserver.HttpServer;
import io.lakeshift.config.OciAuth;
import io.lakeshift.config.OciSettings;
import io.lakeshift.emulator.auth.ClientIdentity;
import io.lakeshift.oci.OciClients;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code oci-vault:} secrets under a Data Flow delegation token: the Vault secrets client is built where every OCI
 * client is ({@link OciClients#build}), so its requests carry the run's {@code opc-obo-token} like Object Storage's
 * do. Before, OciVault built its client from the provider alone and Vault answered 401 to a delegated run.
 *
 * <p>The local server answers GetSecretBundle as the Vault Secrets API (20190301) does: {@code GET
 * /20190301/secretbundles/{secretId}?stage=CURRENT}, a {@code SecretBundle} whose {@code secretBundleContent} has
 * {@code contentType} {@code BASE64} (oci-java-sdk-secrets 3.77.2, {@code SecretsClient.getSecretBundle},
 * {@code Base64SecretBundleContentDetails}).
 */
class OciVaultSignInTest {
    @TempDir
    Path dir;

    @Test
    void vaultRequestsCarryTheDelegationTokenLikeEveryOtherClient() throws Exception {
        Path token = dir.resolve("delegation_token");
        Files.writeString(token, "obo-for-vault\n");
        ClientIdentity identity = ClientIdentity.createIn(dir.resolve("oci"));
        OciSettings settings = new OciSettings(OciAuth.DELEGATION_TOKEN, identity.configFile().toString(), "DEFAULT",
                null, null, token.toString());
        // Data Flow signs delegated requests with the instance principal, which needs the metadata service; an API
        // key stands in for it here: what is under test is what the client adds to the signed request.
        OciClients.SignIn signIn = OciClients.signIn(settings,
                new ConfigFileAuthenticationDetailsProvider(identity.configFile().toString(), "DEFAULT"));

        List<String> obo = new CopyOnWriteArrayList<>();
        List<String> paths = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/", exchange -> {
            obo.add(String.valueOf(exchange.getRequestHeaders().getFirst("opc-obo-token")));
            paths.add(exchange.getRequestURI().toString());
            assertTrue(exchange.getRequestHeaders().getFirst("authorization").startsWith("Signature "));
            byte[] body = ("{\"secretId\":\"ocid1.vaultsecret.oc1..s\",\"versionNumber\":1,\"secretBundleContent\":"
                    + "{\"contentType\":\"BASE64\",\"content\":\""
                    + Base64.getEncoder().encodeToString("s3cr3t-value".getBytes(StandardCharsets.UTF_8))
                    + "\"}}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("content-type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            OciVault vault = new OciVault(() -> signIn, null,
                    "http://127.0.0.1:" + server.getAddress().getPort());
            assertEquals("s3cr3t-value", vault.read("ocid1.vaultsecret.oc1..s"));
        } finally {
            server.stop(0);
        }
        assertEquals(List.of("obo-for-vault"), obo);
        assertTrue(paths.get(0).startsWith("/20190301/secretbundles/ocid1.vaultsecret.oc1..s"), paths.toString());
    }

    @Test
    void withoutADelegationTokenNothingIsAdded() throws Exception {
        ClientIdentity identity = ClientIdentity.createIn(dir.resolve("oci"));
        OciSettings settings = new OciSettings(OciAuth.CONFIG, identity.configFile().toString(), "DEFAULT",
                null, null);
        OciClients.SignIn signIn = OciClients.signIn(settings,
                new ConfigFileAuthenticationDetailsProvider(identity.configFile().toString(), "DEFAULT"));
        assertFalse(signIn.configurator() != null, "only a delegated run adds a header");
    }
}
