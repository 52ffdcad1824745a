package io.lakeshift.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.emulator.Faults;
import io.lakeshift.log.MigrationRecord;
import io.lakeshift.log.RunSummary;
import io.lakeshift.testing.EmulatorFixture;
import io.lakeshift.testing.FaultyFileSystem;
import io.lakeshift.testing.JobRuns;
import io.lakeshift.testing.Lakes;
import io.lakeshift.testing.Reconciliation;
import io.lakeshift.testing.SparkTestSession;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs under injected faults: whatever happens, the source, the log and the bucket agree file by file. */
class FaultsIT {
    @TempDir
    Path dir;

    @BeforeAll
    static void spark() {
        SparkTestSession.get();
    }

    private Map<String, Path> lake(Path lake, int small, int big) throws Exception {
        Map<String, Path> files = new TreeMap<>();
        for (int i = 0; i < small; i++) {
            files.put("s/f-" + i + ".bin", Lakes.write(lake, "s/f-" + i + ".bin", 3000 + 17 * i, i));
        }
        for (int i = 0; i < big; i++) {
            files.put("b/big-" + i + ".bin", Lakes.write(lake, "b/big-" + i + ".bin", (3 << 20) + i, 500 + i));
        }
        return files;
    }

    @Test
    void throttlingUnavailabilityResetsSlownessAndFailingCommitsLoseNothing() throws Exception {
        Faults faults = Faults.builder().seed(7).throttle(0.08).unavailable(0.08).reset(0.08)
                .slow(0.1, Duration.ofMillis(50)).failCommits(2).build();
        faults.enable(false); // the test's own set-up and checks go through cleanly
        try (EmulatorFixture oci = new EmulatorFixture(faults)) {
            oci.createBucket("faults");
            Path lake = dir.resolve("lake");
            Map<String, Path> files = lake(lake, 60, 3);
            JobRuns jobs = new JobRuns(oci);
            faults.enable(true);
            RunSummary first = jobs.run("--source", lake.toUri().toString(), "--target",
                    "oci://faults@" + oci.namespace() + "/", "--run-id", "under-faults", "--multipart-threshold",
                    "1MiB", "--part-size", "1MiB", "--max-attempts", "6");
            faults.enable(false);
            for (Faults.Kind k : Faults.Kind.values()) {
                if (k != Faults.Kind.ABORT_FAILED) {
                    assertTrue(faults.injected(k) > 0, "no " + k + " was injected");
                }
            }
            Map<String, MigrationRecord> log = jobs.log("faults", "under-faults");
            Reconciliation.assertAgree(files, oci, "faults", "", log);
            assertTrue(log.values().stream().anyMatch(r -> r.attempts() > 1), "retries are recorded");
            assertEquals(files.size(), first.filesTotal());

            RunSummary again = jobs.run("--source", lake.toUri().toString(), "--target",
                    "oci://faults@" + oci.namespace() + "/", "--run-id", "after-faults");
            assertEquals(0, again.failedCount());
            Reconciliation.assertAgree(files, oci, "faults", "", jobs.log("faults", "after-faults"));
        }
    }

    @Test
    void tasksLostMidFileAreRunAgainAndLeaveOneRecordPerFileAndNoUpload() throws Exception {
        FaultyFileSystem.reset();
        Faults faults = Faults.builder().failAborts(5).build();
        try (EmulatorFixture oci = new EmulatorFixture(faults)) {
            oci.createBucket("lost");
            Path lake = dir.resolve("lake2");
            Map<String, Path> files = lake(lake, 10, 1);
            files.put("b/crash-once-big.bin", Lakes.write(lake, "b/crash-once-big.bin", 4 << 20, 9));
            files.put("s/crash-once-small.bin", Lakes.write(lake, "s/crash-once-small.bin", 40_000, 10));
            JobRuns jobs = new JobRuns(oci);
            RunSummary run = jobs.run("--source", lake.toUri().toString(), "--target",
                    "oci://lost@" + oci.namespace() + "/", "--run-id", "lost-1", "--multipart-threshold", "1MiB",
                    "--part-size", "1MiB");
            assertEquals(0, run.failedCount(), "Spark ran the lost tasks again");
            assertEquals(5, faults.injected(Faults.Kind.ABORT_FAILED), "the lost task could not abort its upload");
            assertTrue(run.abortedUploads() >= 1, "the orphaned upload was aborted at the end of the run");
            Reconciliation.assertAgree(files, oci, "lost", "", jobs.log("lost", "lost-1"));
        }
    }
}
