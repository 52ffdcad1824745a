package io.lakeshift.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.cli.Main;
import io.lakeshift.log.MigrationRecord;
import io.lakeshift.log.RunSummary;
import io.lakeshift.log.Status;
import io.lakeshift.testing.EmulatorFixture;
import io.lakeshift.testing.JobRuns;
import io.lakeshift.testing.Lakes;
import io.lakeshift.testing.SparkTestSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Compare, then act: each rule of incremental runs against the emulator, one test each. */
class IncrementalIT {
    @RegisterExtension
    static final EmulatorFixture oci = EmulatorFixture.perClass();
    private static final JobRuns jobs = new JobRuns(oci);

    @TempDir
    Path dir;
    private Path lake;
    private String bucket;
    private String target;

    @BeforeAll
    static void spark() {
        SparkTestSession.get();
    }

    @BeforeEach
    void lake() throws Exception {
        bucket = oci.newBucket("inc");
        target = oci.target(bucket, "data/");
        lake = dir.resolve("lake");
        for (int i = 0; i < 12; i++) {
            Lakes.write(lake, "t/p=" + (i % 3) + "/f-" + i + ".bin", 2000 + i, i);
        }
        Lakes.write(lake, "t/big.bin", 3 << 20, 99);
    }

    private RunSummary run(String runId, String... more) throws Exception {
        return jobs.run(List.of("--source", lake.toUri().toString(), "--target", target, "--run-id", runId,
            "--multipart-threshold", "1MiB", "--part-size", "1MiB"), more);
    }

    @Test
    void rerunOfAnUnchangedLakeSendsNothingAndLogsEveryFileEqual() throws Exception {
        RunSummary first = run("r1");
        assertEquals(Map.of("new", 13L), first.files());
        Map<String, String> etags = oci.etags(bucket, "data/");

        RunSummary second = run("r2");
        assertEquals(Map.of("equal", 13L), second.files());
        assertEquals(0, second.bytesSent());
        assertEquals(etags, oci.etags(bucket, "data/"), "no object was written again");
        Map<String, MigrationRecord> log = jobs.log(bucket, "r2");
        assertEquals(13, log.size());
        for (MigrationRecord r : log.values()) {
            assertEquals(Status.EQUAL, r.status());
            assertEquals(0, r.parts());
            assertEquals(etags.get(r.targetName()), r.targetEtag());
            assertNotNull(r.md5(), "an equal file carries the MD5 recorded at its copy: " + r.sourceName());
        }
    }

    @Test
    void aSameSizeContentChangeIsUpdated() throws Exception {
        run("r1");
        Path changed = lake.resolve("t/p=1/f-4.bin");
        byte[] before = Files.readAllBytes(changed);
        byte[] after = before.clone();
        after[10] ^= 0x55;
        Files.write(changed, after);
        Files.setLastModifiedTime(changed, FileTime.fromMillis(System.currentTimeMillis() + 5000));

        RunSummary second = run("r2");
        assertEquals(Map.of("equal", 12L, "updated", 1L), second.files());
        assertEquals(Status.UPDATED, jobs.log(bucket, "r2").get("t/p=1/f-4.bin").status());
        assertEquals(Lakes.sha256(after), Lakes.sha256(oci.get(bucket, "data/t/p=1/f-4.bin")));
    }

    @Test
    void withoutEarlierLogsTheObjectsRecordedFingerprintDecides() throws Exception {
        run("r1", "--log", dir.resolve("log-a").toUri().toString());
        Path changed = lake.resolve("t/big.bin");
        byte[] after = Files.readAllBytes(changed);
        after[after.length - 1] ^= 0x01;
        Files.write(changed, after);
        Files.setLastModifiedTime(changed, FileTime.fromMillis(System.currentTimeMillis() + 5000));

        RunSummary second = run("r2", "--log", dir.resolve("log-b").toUri().toString());
        assertEquals(Map.of("equal", 12L, "updated", 1L), second.files(), "decided by each object's opc-meta");
        assertEquals(3 << 20, second.bytesSent());
        assertEquals(Lakes.sha256(after), Lakes.sha256(oci.get(bucket, "data/t/big.bin")));
    }

    @Test
    void overwriteNeverKeepsChangedTargetsAndAlwaysSendsEverything() throws Exception {
        run("r1");
        Path changed = lake.resolve("t/p=0/f-0.bin");
        Files.write(changed, new byte[] {1, 2, 3});
        RunSummary never = run("r2", "--overwrite", "never");
        assertEquals(Map.of("equal", 12L, "excluded", 1L), never.files());
        assertEquals(2000, oci.get(bucket, "data/t/p=0/f-0.bin").length, "the target was kept");
        assertTrue(jobs.log(bucket, "r2").get("t/p=0/f-0.bin").note().contains("--overwrite never"));

        Map<String, String> etags = oci.etags(bucket, "data/");
        RunSummary always = run("r3", "--overwrite", "always");
        assertEquals(Map.of("updated", 13L), always.files());
        Map<String, String> after = oci.etags(bucket, "data/");
        etags.forEach((name, etag) -> assertNotEquals(etag, after.get(name), name));
    }

    @Test
    void syncDeletesTargetsWithoutSourceAndRespectsMaxDelete() throws Exception {
        run("r1");
        oci.put(bucket, "data/old/gone-1.bin", new byte[10]);
        oci.put(bucket, "data/old/gone-2.bin", new byte[20]);
        oci.put(bucket, "elsewhere/keep.bin", new byte[5]);
        Files.delete(lake.resolve("t/p=2/f-2.bin"));

        JobRuns.Outcome refused = jobs.main("migrate", "--source", lake.toUri().toString(), "--target", target,
                "--mode", "sync", "--max-delete", "2", "--run-id", "r2");
        assertEquals(Main.CANNOT_RUN, refused.code(), refused.err());
        assertTrue(refused.err().contains("sync would delete 3 objects below " + target
                + ", more than --max-delete 2; nothing was changed"), refused.err());
        assertTrue(oci.list(bucket, "data/").contains("data/old/gone-1.bin"), "nothing deleted when refused");

        RunSummary sync = run("r3", "--mode", "sync", "--max-delete", "3");
        assertEquals(Map.of("equal", 12L, "deleted", 3L), sync.files());
        List<String> left = oci.list(bucket, "");
        assertFalse(left.contains("data/old/gone-1.bin"));
        assertFalse(left.contains("data/old/gone-2.bin"));
        assertFalse(left.contains("data/t/p=2/f-2.bin"));
        assertTrue(left.contains("elsewhere/keep.bin"), "outside the target prefix");
        assertTrue(left.stream().anyMatch(n -> n.startsWith("_lakeshift/logs/run_id=r1/")), "logs are kept");
        assertEquals(Status.DELETED, jobs.log(bucket, "r3").get("old/gone-1.bin").status());
    }

    @Test
    void moveDeletesOnlySourcesWhoseTargetIsVerified() throws Exception {
        Lakes.write(lake, "t/broken-file.bin", 200_000, 5);
        JobRuns.Outcome move = jobs.main("migrate", "--source", lake.toUri().toString(), "--target", target,
                "--mode", "move", "--run-id", "m1", "--max-attempts", "1");
        assertEquals(Main.FILES_FAILED, move.code(), move.err());
        Map<String, MigrationRecord> log = jobs.log(bucket, "m1");
        assertEquals(Status.FAILED, log.get("t/broken-file.bin").status());
        assertTrue(Files.exists(lake.resolve("t/broken-file.bin")), "a source whose copy failed is kept");
        assertFalse(oci.list(bucket, "data/").contains("data/t/broken-file.bin"));
        for (Map.Entry<String, MigrationRecord> e : log.entrySet()) {
            if (!e.getKey().equals("t/broken-file.bin")) {
                assertEquals(Status.MOVED, e.getValue().status(), e.getKey());
                assertFalse(Files.exists(lake.resolve(e.getKey())), "moved source deleted: " + e.getKey());
            }
        }
        assertEquals(13, oci.list(bucket, "data/").size());
    }

    @Test
    void moveOfAnAlreadyEqualFileChecksTheSourceBeforeDeletingIt() throws Exception {
        run("r1");
        RunSummary move = run("m1", "--mode", "move");
        assertEquals(Map.of("moved", 13L), move.files());
        assertEquals(0, move.bytesSent());
        assertFalse(Files.exists(lake.resolve("t/big.bin")));
    }

    @Test
    void filtersLeaveFilesOutAndLogThemExcluded() throws Exception {
        Path manifest = Files.writeString(dir.resolve("manifest.txt"), "# wanted\nt/p=0/f-0.bin\nt/p=0/f-3.bin\n"
                + "t/big.bin\nt/p=1/f-1.bin\n");
        RunSummary r = run("f1", "--files-from", manifest.toString(), "--exclude", "t/p=1/**",
                "--max-size", "2MiB");
        assertEquals(Map.of("new", 2L, "excluded", 11L), r.files());
        assertEquals(new TreeSet<>(List.of("data/t/p=0/f-0.bin", "data/t/p=0/f-3.bin")),
                new TreeSet<>(oci.list(bucket, "data/")));
        Map<String, MigrationRecord> log = jobs.log(bucket, "f1");
        assertEquals("larger than --max-size 2.0 MiB", log.get("t/big.bin").note());
        assertEquals("matches --exclude t/p=1/**", log.get("t/p=1/f-1.bin").note());
        assertEquals("not in --files-from", log.get("t/p=2/f-2.bin").note());

        RunSummary include = run("f2", "--include", "f-1*.bin,big.*", "--min-size", "2010");
        assertEquals(Map.of("new", 3L, "excluded", 10L), include.files(), "f-10, f-11 and big.bin");
    }

    @Test
    void aDryRunChangesNothingButWritesAndPrintsThePlan() throws Exception {
        run("r1");
        Files.write(lake.resolve("t/p=0/f-0.bin"), new byte[] {9});
        Lakes.write(lake, "t/new-one.bin", 500, 77);
        oci.put(bucket, "data/extra.bin", new byte[3]);
        Map<String, String> before = oci.etags(bucket, "");

        JobRuns.Outcome plan = jobs.main("plan", "--source", lake.toUri().toString(), "--target", target,
                "--mode", "sync", "--run-id", "p1");
        assertEquals(Main.OK, plan.code(), plan.err());
        assertTrue(plan.out().contains("dry run: nothing was copied or deleted"), plan.out());
        assertTrue(plan.out().contains("largest files to send"), plan.out());

        Map<String, String> after = oci.etags(bucket, "");
        Map<String, String> outsideLog = new TreeMap<>(after);
        outsideLog.keySet().removeIf(n -> n.startsWith("_lakeshift/logs/run_id=p1/"));
        assertEquals(before, outsideLog, "nothing but the plan was written");
        assertTrue(after.containsKey("_lakeshift/logs/run_id=p1/plan.json"));
        Map<String, MigrationRecord> log = jobs.log(bucket, "p1");
        assertEquals("new", log.get("t/new-one.bin").note());
        assertEquals("updated", log.get("t/p=0/f-0.bin").note());
        assertEquals("equal", log.get("t/big.bin").note());
        assertEquals("deleted", log.get("extra.bin").note());
        log.values().forEach(r -> assertEquals(Status.PLANNED, r.status()));
    }

    @Test
    void statusAndReportReadTheRunsBackFromTheBucket() throws Exception {
        run("r1");
        Lakes.write(lake, "t/broken-x.bin", 5000, 1);
        run("r2", "--max-attempts", "1");
        JobRuns.Outcome status = jobs.main("status", "--run-id", "r2", "--target", target);
        assertEquals(Main.FILES_FAILED, status.code(), status.err());
        assertTrue(status.out().contains("t/broken-x.bin: simulated disk error"), status.out());
        assertTrue(status.out().contains("{equal=13, failed=1}"), status.out());
        JobRuns.Outcome report = jobs.main("report", "--target", target);
        assertEquals(Main.OK, report.code(), report.err());
        assertTrue(report.out().lines().anyMatch(l -> l.startsWith("r1 ") && l.contains(" 13 ")), report.out());
        assertTrue(report.out().lines().anyMatch(l -> l.startsWith("r2 ")), report.out());
        JobRuns.Outcome missing = jobs.main("status", "--run-id", "nope", "--target", target);
        assertEquals(Main.USAGE, missing.code());
        assertTrue(missing.err().contains("no run nope in the log"), missing.err());
    }
}
