package io.lakeshift.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.bmc.model.BmcException;
import com.oracle.bmc.objectstorage.model.ArchivalState;
import com.oracle.bmc.objectstorage.model.StorageTier;
import com.oracle.bmc.objectstorage.requests.DeleteObjectRequest;
import com.oracle.bmc.objectstorage.requests.GetObjectRequest;
import com.oracle.bmc.objectstorage.requests.HeadObjectRequest;
import com.oracle.bmc.objectstorage.responses.HeadObjectResponse;
import io.lakeshift.log.LogRoots;
import io.lakeshift.log.RunSummary;
import io.lakeshift.testing.EmulatorFixture;
import io.lakeshift.testing.JobRuns;
import io.lakeshift.testing.Lakes;
import io.lakeshift.testing.SparkTestSession;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Objects encrypted with a Vault key id or a key of the customer's (SSE-C), and objects landed in Archive, through
 * the OCI SDK against the emulator: what is stored, what a read without the key gets, and that a second run (the
 * SSE-C one through the HEAD check, its logs removed) copies nothing.
 */
class ObjectEncryptionIT {
    /** 32 bytes, base64: a test key (openssl rand -base64 32 makes real ones). */
    private static final String KEY = Base64.getEncoder().encodeToString(
            "lakeshift-sse-c-test-key-32byte!".getBytes(StandardCharsets.US_ASCII));
    private static final String KMS = "ocid1.key.oc1.iad.emulator.lakeshift-test";
    @RegisterExtension
    static final EmulatorFixture oci = EmulatorFixture.perClass();
    private static final JobRuns jobs = new JobRuns(oci);

    @TempDir
    Path dir;
    private Path lake;
    private String bucket;

    @BeforeAll
    static void spark() {
        SparkTestSession.get();
    }

    @BeforeEach
    void lake() throws Exception {
        bucket = oci.newBucket("enc");
        lake = dir.resolve("lake");
        Lakes.write(lake, "t/year=2018/small.bin", 2000, 1);
        Lakes.write(lake, "t/year=2024/big.bin", (2 << 20) + 7, 2); // multipart (threshold 1MiB)
    }

    private RunSummary run(String runId, String... more) throws Exception {
        return jobs.run(List.of("--source", lake.toUri().toString(), "--target",
            oci.target(bucket, ""), "--run-id", runId, "--multipart-threshold", "1MiB",
            "--part-size", "1MiB"), more);
    }

    private static String sha256(String base64Key) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(Base64.getDecoder().decode(base64Key)));
    }

    private byte[] getWithKey(String name) throws Exception {
        try (InputStream in = oci.client().getObject(GetObjectRequest.builder().namespaceName(oci.namespace())
                .bucketName(bucket).objectName(name).opcSseCustomerAlgorithm("AES256").opcSseCustomerKey(KEY)
                .opcSseCustomerKeySha256(sha256(KEY)).build()).getInputStream()) {
            return in.readAllBytes();
        }
    }

    private void deleteLogs() {
        for (String name : oci.list(bucket, LogRoots.DEFAULT_PREFIX)) {
            oci.client().deleteObject(DeleteObjectRequest.builder().namespaceName(oci.namespace()).bucketName(bucket)
                    .objectName(name).build());
        }
    }

    @Test
    void anSseCObjectIsReadOnlyWithItsKeyAndTheHeadCheckSendsIt() throws Exception {
        assertEquals(Map.of("new", 2L), run("c1", "--sse-c-key", KEY, "--verify").files(),
                "--verify reads back with the key");

        for (String name : List.of("t/year=2018/small.bin", "t/year=2024/big.bin")) {
            BmcException without = assertThrows(BmcException.class, () -> oci.get(bucket, name));
            assertEquals(400, without.getStatusCode(), name + ": " + without.getMessage());
            assertArrayEquals(Files.readAllBytes(lake.resolve(name)), getWithKey(name), name);
        }
        for (String name : oci.list(bucket, LogRoots.DEFAULT_PREFIX)) {
            assertFalse(new String(oci.get(bucket, name), StandardCharsets.UTF_8).contains(KEY), name + " holds the key");
        }

        deleteLogs(); // no record left: the executors HEAD each object, with the key
        Map<String, String> etags = oci.etags(bucket, "t/");
        RunSummary second = run("c2", "--sse-c-key", KEY);
        assertEquals(Map.of("equal", 2L), second.files());
        assertEquals(etags, oci.etags(bucket, "t/"), "nothing was written again");
    }

    @Test
    void aBadSseCKeyStopsTheRunBeforeAnyWriteNamingTheOptionNotTheKey() {
        String notAKey = "bm90LWEta2V5"; // base64 of 9 bytes
        JobRuns.Outcome r = jobs.main("migrate", "--source", lake.toUri().toString(), "--target",
                oci.target(bucket, ""), "--sse-c-key", notAKey);
        assertEquals(io.lakeshift.cli.Main.USAGE, r.code(), r.err() + r.out());
        assertTrue(r.err().contains("--sse-c-key: the key is not base64 of 32 bytes (AES-256)"), r.err());
        assertFalse((r.err() + r.out()).contains(notAKey), "the value is never printed");
        assertTrue(oci.list(bucket, "t/").isEmpty());
    }

    @Test
    void theVaultKeyIdGoesWithEveryWriteAndIsEchoed() throws Exception {
        assertEquals(Map.of("new", 2L), run("k1", "--kms-key-id", KMS).files());
        for (String name : List.of("t/year=2018/small.bin", "t/year=2024/big.bin")) {
            HeadObjectResponse h = oci.head(bucket, name);
            String echoed = h.getHeaders().entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase("opc-sse-kms-key-id"))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
            assertEquals(KMS, echoed, name + ": " + h.getHeaders());
        }
        assertEquals(Map.of("equal", 2L), run("k2", "--kms-key-id", KMS).files());
    }

    @Test
    void archivedObjectsAreComparedWithoutBeingRead() throws Exception {
        assertEquals(Map.of("new", 2L), run("a1", "--storage-tier-archive", "**/year=201*/**").files());
        HeadObjectResponse old = oci.head(bucket, "t/year=2018/small.bin");
        assertEquals(StorageTier.Archive, old.getStorageTier());
        assertEquals(ArchivalState.Archived, old.getArchivalState());
        assertEquals(StorageTier.Standard, oci.head(bucket, "t/year=2024/big.bin").getStorageTier());
        BmcException read = assertThrows(BmcException.class, () -> oci.get(bucket, "t/year=2018/small.bin"));
        assertEquals(409, read.getStatusCode(), read.getMessage());

        deleteLogs(); // the HEAD check works on an archived object
        assertEquals(Map.of("equal", 2L), run("a2", "--storage-tier-archive", "**/year=201*/**").files());
    }
}
