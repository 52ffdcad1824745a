package io.lakeshift.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.bmc.auth.ConfigFileAuthenticationDetailsProvider;
import com.oracle.bmc.objectstorage.ObjectStorageClient;
import com.oracle.bmc.objectstorage.requests.GetNamespaceRequest;
import io.lakeshift.emulator.OciEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data Flow's delegation token reaches every request as opc-obo-token, renewed when the file changes, and the
 * emulator still accepts the signature.
 */
class DelegationTokenTest {
    @TempDir
    Path dir;

    @Test
    void everyRequestCarriesTheTokenNowInTheFile() throws Exception {
        Path token = dir.resolve("delegation_token");
        Files.writeString(token, "token-one\n");
        List<String> seen = new CopyOnWriteArrayList<>();
        try (OciEmulator emu = OciEmulator.builder().faultPolicy(r -> {
            seen.add(String.valueOf(r.exchange().getRequestHeaders().getFirst("opc-obo-token")));
            return false;
        }).start();
                ObjectStorageClient client = ObjectStorageClient.builder().endpoint(emu.endpoint())
                        .additionalClientConfigurator(new DelegationToken(token))
                        .build(new ConfigFileAuthenticationDetailsProvider(emu.configFile().toString(),
                                emu.profile()))) {
            assertEquals(emu.namespace(), client.getNamespace(GetNamespaceRequest.builder().build()).getValue());
            Files.writeString(token, "token-two");
            assertEquals(emu.namespace(), client.getNamespace(GetNamespaceRequest.builder().build()).getValue());
        }
        assertEquals(List.of("token-one", "token-two"), seen);
    }

    @Test
    void theObjectStorageClientOciClientsBuildsCarriesTheToken() throws Exception {
        Path token = dir.resolve("delegation_token");
        Files.writeString(token, "token-os");
        List<String> seen = new CopyOnWriteArrayList<>();
        try (OciEmulator emu = OciEmulator.builder().faultPolicy(r -> {
            seen.add(String.valueOf(r.exchange().getRequestHeaders().getFirst("opc-obo-token")));
            return false;
        }).start()) {
            io.lakeshift.config.OciSettings settings = new io.lakeshift.config.OciSettings(
                    io.lakeshift.config.OciAuth.DELEGATION_TOKEN, emu.configFile().toString(), emu.profile(),
                    emu.endpoint(), null, token.toString());
            // an API key stands in for the instance principal Data Flow signs with (it needs the metadata service)
            OciClients.SignIn signIn = OciClients.signIn(settings,
                    new ConfigFileAuthenticationDetailsProvider(emu.configFile().toString(), emu.profile()));
            try (com.oracle.bmc.objectstorage.ObjectStorage client = OciClients.create(settings, signIn)) {
                assertEquals(emu.namespace(), client.getNamespace(GetNamespaceRequest.builder().build()).getValue());
            }
        }
        assertEquals(List.of("token-os"), seen);
    }

    @Test
    void aMissingTokenFileIsNamed() {
        Path missing = dir.resolve("nope");
        RuntimeException e = assertThrows(RuntimeException.class, () -> new DelegationToken(missing).current());
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }
}
