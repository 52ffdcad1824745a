package io.lakeshift.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.config.ConfigException;
import io.lakeshift.config.ConfigLoader;
import io.lakeshift.config.MigrationConfig;
import io.lakeshift.io.Retry;
import io.lakeshift.run.JobException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The target check runs beside Spark's start; what it throws reaches the caller as the check threw it. */
class TargetCheckThreadTest {
    @TempDir
    Path dir;

    private MigrationConfig config(String keyFile) throws Exception {
        Path config = dir.resolve("config");
        Files.writeString(config, "[DEFAULT]\nuser=ocid1.user.oc1..u\nfingerprint=aa:bb\ntenancy=ocid1.tenancy.oc1..t\n"
                + "region=us-ashburn-1\nkey_file=" + keyFile + "\n");
        // Nothing listens on port 1 of the loopback: the bucket check cannot reach OCI.
        return ConfigLoader.load(List.of("--source", dir.toUri().toString(), "--target", "oci://b@ns/",
                "--oci-config", config.toString(), "--oci-endpoint", "http://127.0.0.1:1"));
    }

    @Test
    void aSettingAtFaultArrivesAsTheConfigExceptionItWas() throws Exception {
        TargetCheckThread check = TargetCheckThread.start(config(dir.resolve("missing.pem").toString()),
                Retry.attempts(1));
        ConfigException e = assertThrows(ConfigException.class, check::await);
        assertTrue(e.getMessage().contains("missing.pem"), e.getMessage());
    }

    @Test
    void anUnreachableTargetArrivesAsTheJobExceptionItWas() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        Path key = dir.resolve("key.pem");
        Files.writeString(key, "-----BEGIN " + "PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(g.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END " + "PRIVATE KEY-----\n");
        TargetCheckThread check = TargetCheckThread.start(config(key.toString()), Retry.attempts(1));
        JobException e = assertThrows(JobException.class, check::await);
        assertTrue(e.getMessage().contains("bucket 'b'") && e.getMessage().contains("Connection refused"),
                e.getMessage());
        assertEquals(JobException.class, e.getClass(), "not wrapped");
    }
}
