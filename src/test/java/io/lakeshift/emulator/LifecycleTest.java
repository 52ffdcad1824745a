package io.lakeshift.emulator;

import com.oracle.bmc.model.BmcException;
import com.oracle.bmc.objectstorage.ObjectStorageClient;
import com.oracle.bmc.objectstorage.requests.GetNamespaceRequest;
import io.lakeshift.emulator.auth.Fingerprint;
import io.lakeshift.emulator.auth.Pem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LifecycleTest {
    @TempDir
    Path dir;

    @Test
    void twoEmulatorsInOneJvmAreIndependent() throws Exception {
        try (OciEmulator a = OciEmulator.builder().namespace("alpha").start();
             OciEmulator b = OciEmulator.builder().namespace("beta").start();
             ObjectStorageClient ca = Sdk.client(a);
             ObjectStorageClient cb = Sdk.client(b)) {
            assertNotEquals(a.endpoint(), b.endpoint());
            assertNotEquals(a.fingerprint(), b.fingerprint());
            assertEquals("alpha", ca.getNamespace(GetNamespaceRequest.builder().build()).getValue());
            assertEquals("beta", cb.getNamespace(GetNamespaceRequest.builder().build()).getValue());
            Sdk.createBucket(ca, a, "same-name");
            Sdk.createBucket(cb, b, "same-name");
            Sdk.put(ca, a, "same-name", "o", new byte[] {1});
            Sdk.put(cb, b, "same-name", "o", new byte[] {2});
            assertArrayEquals(new byte[] {1}, Sdk.get(ca, a, "same-name", "o"));
            assertArrayEquals(new byte[] {2}, Sdk.get(cb, b, "same-name", "o"));
        }
    }

    @Test
    void writesAWellFormedConfigAndPrivateKey() throws Exception {
        try (OciEmulator emu = OciEmulator.builder().configDir(dir).start()) {
            String config = Files.readString(emu.configFile());
            assertTrue(config.startsWith("[DEFAULT]\n"), config);
            assertTrue(config.matches("(?s).*\nuser=ocid1\\.user\\.oc1\\.\\.aaaa[a-z2-7]+\n.*"), config);
            assertTrue(config.matches("(?s).*\ntenancy=ocid1\\.tenancy\\.oc1\\.\\.aaaa[a-z2-7]+\n.*"), config);
            assertTrue(config.matches("(?s).*\nfingerprint=([0-9a-f]{2}:){15}[0-9a-f]{2}\n.*"), config);
            assertTrue(config.contains("\nregion=us-ashburn-1\n"));
            assertTrue(config.contains("\nkey_file=" + emu.keyFile().toAbsolutePath() + "\n"));
            assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                    Files.getPosixFilePermissions(emu.keyFile()));
            assertEquals(Fingerprint.of(Pem.readPublicKey(emu.keyFile())), emu.fingerprint());
            assertTrue(config.contains("fingerprint=" + emu.fingerprint()));
        }
        // A second start in the same config dir keeps the key, so configured clients keep working.
        String before = Files.readString(dir.resolve("config"));
        try (OciEmulator again = OciEmulator.builder().configDir(dir).start()) {
            assertEquals(before, Files.readString(again.configFile()));
        }
    }

    @Test
    void closeStopsTheServer() throws Exception {
        OciEmulator emu = OciEmulator.builder().start();
        int port = emu.port();
        Path tempConfig = emu.configFile();
        emu.close();
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close());
        assertTrue(Files.notExists(tempConfig), "a temp config dir is removed on close");
    }

    @Test
    void commandLineStartsAndPrintsHowToConnect() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OciEmulator emu = EmulatorMain.start(new String[] {"--namespace", "cli", "--port", "0", "--config-dir",
                dir.toString(), "--data-dir", dir.resolve("data").toString()}, new PrintStream(out, true))) {
            String printed = out.toString();
            assertTrue(printed.contains("endpoint:  " + emu.endpoint()), printed);
            assertTrue(printed.contains("namespace: cli"), printed);
            assertTrue(printed.contains("config:    " + dir.resolve("config")), printed);
            assertTrue(printed.contains("profile:   DEFAULT"), printed);
            try (ObjectStorageClient client = Sdk.client(emu)) {
                assertEquals("cli", client.getNamespace(GetNamespaceRequest.builder().build()).getValue());
            }
        }
    }

    @Test
    void commandLineHelpAndBadOptions() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, EmulatorMain.run(new String[] {"--help"}, new PrintStream(out), new PrintStream(err)));
        assertTrue(out.toString().contains("--trust-key FILE"));
        assertNull(EmulatorMain.start(new String[] {"--help"}, new PrintStream(new ByteArrayOutputStream())));
        assertEquals(2, EmulatorMain.run(new String[] {"--bogus"}, new PrintStream(out), new PrintStream(err)));
        assertTrue(err.toString().contains("--bogus: unknown option; see lakeshift emulator --help"), err.toString());
        assertEquals(2, EmulatorMain.run(new String[] {"--port", "x"}, new PrintStream(out), new PrintStream(err)));
    }

    @Test
    void faultPolicySeamCanAnswerInsteadOfTheService() throws Exception {
        try (OciEmulator emu = OciEmulator.builder().faultPolicy(request -> {
            if (request.operation().equals("GetNamespace")) {
                request.exchange().getResponseHeaders().set("retry-after", "1");
                request.exchange().sendResponseHeaders(503, -1);
                return true;
            }
            return false;
        }).start(); ObjectStorageClient client = Sdk.client(emu)) {
            BmcException e = assertThrows(BmcException.class,
                    () -> client.getNamespace(GetNamespaceRequest.builder().build()));
            assertEquals(503, e.getStatusCode());
            Sdk.createBucket(client, emu, "unaffected");
        }
    }
}
