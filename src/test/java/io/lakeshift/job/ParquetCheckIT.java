package io.lakeshift.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.log.LogFormat;
import io.lakeshift.log.LogRoots;
import io.lakeshift.log.MigrationRecord;
import io.lakeshift.log.RunSummary;
import io.lakeshift.log.RunTotals;
import io.lakeshift.log.Status;
import io.lakeshift.testing.EmulatorFixture;
import io.lakeshift.testing.JobRuns;
import io.lakeshift.testing.Lakes;
import io.lakeshift.testing.SparkTestSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parquet files are checked from the streamed bytes: a corrupt one is copied byte for byte and reported (the
 * default, warn), or refused with --parquet-check fail; a sound one logs rows and columns.
 */
class ParquetCheckIT {
    @TempDir
    Path dir;

    @Test
    void corruptParquetIsCopiedWithAWarningByDefaultOrFailedWhenAsked() throws Exception {
        Path lake = dir.resolve("lake");
        byte[] good = sampleParquet(dir.resolve("spark-out"), 1000, "cast(id * 1.5 as double) as x");
        byte[] large = sampleParquet(dir.resolve("spark-out-2"), 100_000, "rand(7) as x");
        Lakes.write(lake, "good.parquet", good);
        Lakes.write(lake, "truncated.parquet", Arrays.copyOf(good, good.length - 100));
        Lakes.write(lake, "not-parquet.parquet", 5000, 3);
        Lakes.write(lake, "big-good.parquet", large);
        assertTrue(large.length > (1 << 20), "large enough for more than one 1 MiB part: " + large.length);
        try (EmulatorFixture oci = new EmulatorFixture()) {
            oci.createBucket("pq");
            JobRuns jobs = new JobRuns(oci);
            String target = "oci://pq@" + oci.namespace() + "/";
            jobs.run("--source", lake.toUri().toString(), "--target", target, "--run-id", "fail-mode",
                    "--multipart-threshold", "1MiB", "--part-size", "1MiB", "--parquet-check", "fail");
            Map<String, MigrationRecord> log = jobs.log("pq", "fail-mode");
            assertEquals(Status.NEW, log.get("good.parquet").status());
            assertEquals(1000L, log.get("good.parquet").rowCount());
            assertEquals(3, log.get("good.parquet").columns());
            assertEquals(Status.FAILED, log.get("truncated.parquet").status());
            assertTrue(log.get("truncated.parquet").error().contains("corrupt Parquet file"), log.toString());
            assertTrue(log.get("not-parquet.parquet").error().contains("no PAR1 magic"), log.toString());
            assertFalse(oci.list("pq", "").contains("truncated.parquet"), "a corrupt file is not uploaded");
            MigrationRecord big = log.get("big-good.parquet");
            assertEquals(Status.NEW, big.status(), String.valueOf(big));
            assertTrue(big.parts() > 1, "multipart, checked from the streamed tail");
            assertEquals(100_000L, big.rowCount());
            assertEquals(3, big.columns());

            // The default: every file migrates byte for byte; the corrupt ones are reported, and the exit code is 0.
            JobRuns.Outcome run = jobs.main("migrate", "--source", lake.toUri().toString(), "--target", target,
                    "--run-id", "default-mode");
            assertEquals(0, run.code(), run.err());
            assertTrue(run.out().contains("WARNING  truncated.parquet: corrupt Parquet file"), run.out());
            Map<String, MigrationRecord> warned = jobs.log("pq", "default-mode");
            MigrationRecord truncated = warned.get("truncated.parquet");
            assertEquals(Status.NEW, truncated.status());
            assertTrue(truncated.note().startsWith("warning: corrupt Parquet file"), truncated.note());
            assertNull(truncated.rowCount());
            assertEquals(Status.NEW, warned.get("not-parquet.parquet").status());
            assertTrue(warned.get("not-parquet.parquet").note().contains("no PAR1 magic"), warned.toString());
            RunSummary summary = LogFormat.parseSummary(oci.get("pq", LogRoots.DEFAULT_PREFIX
                    + LogFormat.runFolder("default-mode") + LogFormat.SUMMARY));
            assertEquals(0, summary.failedCount());
            assertEquals(2, summary.warnedCount(), String.valueOf(summary.warnedFiles()));
            assertEquals(Set.of("truncated.parquet", "not-parquet.parquet"), summary.warnedFiles().stream()
                    .map(RunTotals.Failure::sourceName).collect(Collectors.toSet()));
            assertEquals(Lakes.sha256(Arrays.copyOf(good, good.length - 100)),
                    Lakes.sha256(oci.get("pq", "truncated.parquet")), "copied byte for byte");
        }
    }

    /** A real Parquet file of 3 columns, written by Spark. */
    private static byte[] sampleParquet(Path out, long rows, String x) throws Exception {
        SparkSession spark = SparkTestSession.get();
        spark.range(rows).selectExpr("id", x, "rand(3) as y")
                .coalesce(1).write().parquet(out.toUri().toString());
        try (Stream<Path> files = Files.list(out)) {
            return Files.readAllBytes(files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow());
        }
    }
}
