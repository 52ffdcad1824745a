package io.lakeshift.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.cli.Main;
import io.lakeshift.log.LogFormat;
import io.lakeshift.log.LogRoots;
import io.lakeshift.log.MigrationRecord;
import io.lakeshift.log.RunSummary;
import io.lakeshift.testing.EmulatorFixture;
import io.lakeshift.testing.JobRuns;
import io.lakeshift.testing.Lakes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * --max-transfer and --max-duration stop a run cleanly (no file half-written, each landed file logged, what is
 * left counted, exit code 4), and the next run, without them, completes the migration.
 */
class LimitsIT {
    @RegisterExtension
    static final EmulatorFixture OCI = EmulatorFixture.perClass("budget", "deadline");

    @TempDir
    Path dir;

    @Test
    void maxTransferStopsBeforeTheBudgetAndTheNextRunSendsTheRest() throws Exception {
        Path lake = dir.resolve("lake");
        for (int i = 0; i < 5; i++) {
            Lakes.write(lake, "t/f" + i + ".bin", 100 * 1024, i);
        }
        JobRuns jobs = new JobRuns(OCI);
        String target = "oci://budget@" + OCI.namespace() + "/";
        JobRuns.Outcome first = jobs.main("migrate", "--source", lake.toUri().toString(), "--target", target,
                "--run-id", "budget-1", "--max-transfer", "250KiB");
        assertEquals(Main.STOPPED, first.code(), first.err());
        assertTrue(first.err().contains("stopped by --max-transfer: 3 files (300 KiB) not started; run again"),
                first.err());
        RunSummary s1 = summary("budget", "budget-1");
        assertEquals("max-transfer", s1.stoppedBy());
        assertEquals(3, s1.notStarted());
        assertEquals(2L, s1.files().get("new"));
        Map<String, MigrationRecord> log1 = jobs.log("budget", "budget-1");
        assertEquals(2, log1.size(), "only the files sent are logged: " + log1.keySet());
        List<String> landed = objects("budget");
        assertEquals(log1.keySet().stream().sorted().toList(), landed);
        assertLandedWhole(lake, "budget", landed);

        RunSummary s2 = jobs.run("--source", lake.toUri().toString(), "--target", target, "--run-id", "budget-2");
        assertEquals(3L, s2.files().get("new"));
        assertEquals(2L, s2.files().get("equal"), "what the first run landed is not sent again");
        assertEquals(0, s2.notStarted());
        assertNull(s2.stoppedBy());
        assertEquals(5, objects("budget").size());
        assertLandedWhole(lake, "budget", objects("budget"));
    }

    @Test
    void maxDurationStartsNoFileAfterTheDeadlineAndTheNextRunContinues() throws Exception {
        Path lake = dir.resolve("lake");
        for (int i = 0; i < 3; i++) {
            Lakes.write(lake, "d/f" + i + ".bin", 256 * 1024, 10 + i);
        }
        JobRuns jobs = new JobRuns(OCI);
        String target = "oci://deadline@" + OCI.namespace() + "/";
        // At 128 KiB/s a file takes 2 s: whatever the start-up costs, the 1 s deadline has passed when the first
        // file ends, so at least one file is left.
        RunSummary s1 = jobs.run("--source", lake.toUri().toString(), "--target", target, "--run-id", "deadline-1",
                "--max-duration", "1s", "--bwlimit", "128KiB/s", "--partitions", "1", "--parallel-files", "1");
        assertEquals("max-duration", s1.stoppedBy());
        assertEquals(0, s1.failedCount());
        long sent = s1.files().getOrDefault("new", 0L);
        assertTrue(s1.notStarted() >= 1, String.valueOf(s1));
        assertEquals(3, sent + s1.notStarted());
        assertEquals(sent, jobs.log("deadline", "deadline-1").size(), "each landed file logged, nothing else");
        assertEquals(sent, objects("deadline").size(), "no object of a file not started");
        assertLandedWhole(lake, "deadline", objects("deadline"));
        assertEquals(List.of(), OCI.openUploads("deadline"), "no upload left open");

        RunSummary s2 = jobs.run("--source", lake.toUri().toString(), "--target", target, "--run-id", "deadline-2");
        assertEquals(s1.notStarted(), s2.files().getOrDefault("new", 0L));
        assertEquals(sent, s2.files().getOrDefault("equal", 0L));
        assertEquals(0, s2.notStarted());
        assertEquals(3, objects("deadline").size());
        assertLandedWhole(lake, "deadline", objects("deadline"));
    }

    private static RunSummary summary(String bucket, String runId) throws Exception {
        return LogFormat.parseSummary(OCI.get(bucket, LogRoots.DEFAULT_PREFIX + LogFormat.runFolder(runId)
                + LogFormat.SUMMARY));
    }

    /** The migrated objects, the log left out. */
    private static List<String> objects(String bucket) {
        return OCI.list(bucket, "").stream().filter(n -> !n.startsWith(LogRoots.DEFAULT_PREFIX)).sorted().toList();
    }

    private static void assertLandedWhole(Path lake, String bucket, List<String> names) throws Exception {
        for (String name : names) {
            assertArrayEquals(Files.readAllBytes(lake.resolve(name)), OCI.get(bucket, name), name);
        }
    }
}
