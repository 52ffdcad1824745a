package io.lakeshift.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.s3.model.ObjectMetadata;
import com.amazonaws.services.s3.model.PutObjectRequest;
import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.AccessTier;
import io.lakeshift.cli.Main;
import io.lakeshift.log.MigrationRecord;
import io.lakeshift.log.Status;
import io.lakeshift.testing.AzuriteServer;
import io.lakeshift.testing.EmulatorFixture;
import io.lakeshift.testing.JobRuns;
import io.lakeshift.testing.Lakes;
import io.lakeshift.testing.S3Fixture;
import io.lakeshift.testing.SparkTestSession;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Archived source files, from real stores: s3proxy 4.1.0 keeps the storage class of a PUT and lists it
 * (ListObjectsV2 StorageClass), but serves a GLACIER object's GET at once and answers RestoreObject with 501
 * NotImplemented; Azurite 3.37.0 keeps a blob's Archive tier, refuses its download (409 BlobArchived) and, asked
 * to set it back to Hot, does so at once (202; Azure itself takes hours, during which the listing shows the
 * rehydration pending: {@code AdlsArchiveTest}). The plan and the log say "archived" with the tier; nothing is
 * attempted; with --restore the source is asked to restore; the run after the restore copies the file.
 */
class ArchivedSourcesIT {
    @RegisterExtension
    static final S3Fixture s3 = S3Fixture.perClass("cold-lake");
    @RegisterExtension
    static final EmulatorFixture oci = EmulatorFixture.perClass();
    private static AzuriteServer azurite;
    private static BlobContainerClient container;
    private static final byte[] WARM = StoreMigration.bytes(3000, 1);
    private static final byte[] COLD = StoreMigration.bytes(2000, 2);

    @BeforeAll
    static void start() throws Exception {
        put("t/warm.bin", WARM, null);
        put("t/instant.bin", WARM, "GLACIER_IR"); // Glacier Instant Retrieval reads at once
        put("t/cold/a.bin", COLD, "GLACIER");
        put("t/cold/b.bin", COLD, "DEEP_ARCHIVE");
        azurite = AzuriteServer.start();
        container = azurite.client().createBlobContainer("coldlake");
        container.getBlobClient("t/warm.bin").upload(BinaryData.fromBytes(WARM), true);
        container.getBlobClient("t/cold.bin").upload(BinaryData.fromBytes(COLD), true);
        container.getBlobClient("t/cold.bin").setAccessTier(AccessTier.ARCHIVE);
        SparkTestSession.get();
    }

    @AfterAll
    static void stop() {
        azurite.close();
    }

    private static void put(String key, byte[] body, String storageClass) {
        ObjectMetadata m = new ObjectMetadata();
        m.setContentLength(body.length);
        PutObjectRequest r = new PutObjectRequest("cold-lake", key, new ByteArrayInputStream(body), m);
        if (storageClass != null) {
            r.setStorageClass(storageClass);
        }
        s3.client().putObject(r);
    }

    private static StoreMigration.Result s3Run(String bucket, String runId, String... more) {
        List<String> args = new ArrayList<>(s3.s3Args());
        args.addAll(List.of("--run-id", runId));
        args.addAll(List.of(more));
        return StoreMigration.migrate(oci, "s3a://cold-lake/t", "oci://" + bucket + "@" + oci.namespace() + "/", args);
    }

    @Test
    void theS3PlanReportsArchivedObjectsWithTheirClassAndTheCostLines() throws Exception {
        oci.createBucket("s3-plan");
        StoreMigration.Result r = s3Run("s3-plan", "s3-plan-1", "--dry-run", "--egress-price", "0.09");

        assertEquals(Main.OK, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("2 to copy") && r.out().contains("2 archived (not attempted)"), r.out());
        assertTrue(r.out().contains("  archived (GLACIER): not copied; --restore asks the source to restore it 1 files"),
                r.out());
        assertTrue(r.out().contains("archived (DEEP_ARCHIVE): not copied"), r.out());
        Map<String, MigrationRecord> log = new JobRuns(oci).log("s3-plan", "s3-plan-1");
        assertEquals(Status.PLANNED, log.get("cold/a.bin").status());
        assertEquals("archived (GLACIER): not copied; --restore asks the source to restore it",
                log.get("cold/a.bin").note());
        assertEquals("new", log.get("instant.bin").note());
        // The cost lines: 4 objects are one LIST, two small files two PUTs, the 6,000 bytes stored in each tier.
        for (String line : List.of("    source LIST                  1", "    source GET                   2",
                "    OCI PUT                      2", "  storage  5.9 KiB in OCI, per month (--storage-price):",
                "    Standard          ", "<- the tier the objects land in", "    Archive           ",
                "  OCI requests ", "  source egress ", "    source reads: ")) {
            assertTrue(r.out().contains(line), line + " in:\n" + r.out());
        }
        assertTrue(oci.list("s3-plan", "").stream().allMatch(n -> n.startsWith("_lakeshift/")), "a plan writes no"
                + " object but its log");
    }

    @Test
    void anS3RunCopiesTheRestAndLeavesArchivedObjectsUnattemptedThenRestoreIsAskedFor() throws Exception {
        oci.createBucket("s3-run");
        StoreMigration.Result r = s3Run("s3-run", "s3-run-1");

        assertEquals(Main.OK, r.code(), "archived is not failed: " + r.err() + r.out());
        Map<String, MigrationRecord> log = new JobRuns(oci).log("s3-run", "s3-run-1");
        assertEquals(Status.NEW, log.get("warm.bin").status());
        assertEquals(Status.NEW, log.get("instant.bin").status());
        assertEquals(Status.ARCHIVED, log.get("cold/a.bin").status());
        assertEquals("archived (GLACIER); not copied; --restore asks the source to restore it",
                log.get("cold/a.bin").note());
        assertEquals(Status.ARCHIVED, log.get("cold/b.bin").status());
        assertEquals(null, log.get("cold/b.bin").error());
        assertEquals(List.of("instant.bin", "warm.bin"), oci.list("s3-run", "").stream()
                .filter(n -> !n.startsWith("_lakeshift/")).sorted().toList());
        assertTrue(r.out().contains("  ARCHIVED 2 source file(s) in an archive tier, not attempted"), r.out());

        // s3proxy cannot restore (501 NotImplemented): asked for, that is a failure of those files, not silence.
        StoreMigration.Result restore = s3Run("s3-run", "s3-run-2", "--restore");
        assertEquals(Main.FILES_FAILED, restore.code(), restore.out());
        MigrationRecord a = new JobRuns(oci).log("s3-run", "s3-run-2").get("cold/a.bin");
        assertEquals(Status.FAILED, a.status());
        assertTrue(a.error().contains("501") || a.error().contains("NotImplemented"), a.error());
        assertEquals(Status.EQUAL, new JobRuns(oci).log("s3-run", "s3-run-2").get("warm.bin").status());
    }

    @Test
    void anAzureArchiveBlobIsReportedThenRehydratedThenCopiedByTheNextRun() throws Exception {
        oci.createBucket("az-run");
        String target = "oci://az-run@" + oci.namespace() + "/";
        String source = AzuriteServer.uri("coldlake", "t");
        List<String> args = new ArrayList<>(azurite.azureArgs());

        StoreMigration.Result first = StoreMigration.migrate(oci, source, target, plus(args, "--run-id", "az-1"));
        assertEquals(Main.OK, first.code(), first.err() + first.out());
        Map<String, MigrationRecord> log = new JobRuns(oci).log("az-run", "az-1");
        assertEquals(Status.NEW, log.get("warm.bin").status());
        assertEquals(Status.ARCHIVED, log.get("cold.bin").status());
        assertEquals("archived (Archive); not copied; --restore asks the source to restore it",
                log.get("cold.bin").note());
        assertFalse(oci.list("az-run", "").contains("cold.bin"));

        StoreMigration.Result restore = StoreMigration.migrate(oci, source, target,
                plus(args, "--run-id", "az-2", "--restore"));
        assertEquals(Main.OK, restore.code(), restore.err() + restore.out());
        MigrationRecord asked = new JobRuns(oci).log("az-run", "az-2").get("cold.bin");
        assertEquals(Status.ARCHIVED, asked.status());
        assertTrue(asked.note().startsWith("archived (Archive); restore requested"), asked.note());
        assertEquals(AccessTier.HOT, container.getBlobClient("t/cold.bin").getProperties().getAccessTier());

        StoreMigration.Result after = StoreMigration.migrate(oci, source, target, plus(args, "--run-id", "az-3"));
        assertEquals(Main.OK, after.code(), after.err() + after.out());
        assertEquals(Status.NEW, new JobRuns(oci).log("az-run", "az-3").get("cold.bin").status());
        assertEquals(Lakes.sha256(COLD), Lakes.sha256(oci.get("az-run", "cold.bin")));
    }

    private static List<String> plus(List<String> args, String... more) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return all;
    }
}
