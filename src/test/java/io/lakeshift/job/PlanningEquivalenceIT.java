package io.lakeshift.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.log.LogFormat;
import io.lakeshift.log.MigrationRecord;
import io.lakeshift.log.RunSummary;
import io.lakeshift.plan.PlanException;
import io.lakeshift.testing.EmulatorFixture;
import io.lakeshift.testing.JobRuns;
import io.lakeshift.testing.Lakes;
import io.lakeshift.testing.SparkTestSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same lakes planned both ways, --planning local and --planning distributed, through local[2] Spark: their
 * dry runs must log the same record for every file (action, note, sizes, ETags, MD5s), and the real runs the same
 * outcome. Each lake has more top folders than task slots, and deeper ones, so the executors list levels, then
 * subtrees, and the target by several key ranges.
 */
class PlanningEquivalenceIT {
    private static final AtomicInteger BUCKETS = new AtomicInteger();
    @RegisterExtension
    static final EmulatorFixture oci = EmulatorFixture.perClass();
    private static final JobRuns jobs = new JobRuns(oci);

    @TempDir
    Path dir;
    private Path lake;
    private Path logs;

    @BeforeAll
    static void spark() {
        SparkTestSession.get();
    }

    @BeforeEach
    void lake() throws Exception {
        lake = dir.resolve("lake");
        logs = dir.resolve("logs");
        for (int i = 0; i < 10; i++) {
            Lakes.write(lake, "d" + i + "/x/y/f-" + i + ".bin", 1000 + i, i);
            Lakes.write(lake, "d" + i + "/g-" + i + ".bin", 500 + i, 100 + i);
        }
        Lakes.write(lake, "top.bin", 3 << 20, 99);
        Lakes.write(lake, "t/p=0/deep/a.bin", 700, 7);
        Lakes.write(lake, "t/_SUCCESS", 0, 0);
        Lakes.write(lake, "t/p=1/part.crc", 10, 1);
    }

    /** After a first copy the lake changes; a sync's plan is then the same either way, record for record. */
    @Test
    void incrementalSyncWithFiltersToOci() throws Exception {
        String bucket = bucket();
        String target = "oci://" + bucket + "@" + oci.namespace() + "/data/";
        run(target, "r1", "local");
        change();
        oci.put(bucket, "data/orphan.bin", new byte[5]); // sync deletes it
        oci.put(bucket, "data/keep.tmp", new byte[5]); // filtered: kept
        Lakes.write(lake, "d4/new-same-size.bin", 9, 4);
        oci.put(bucket, "data/d4/new-same-size.bin", new byte[9]); // no record: checked

        String[] sync = {"--mode", "sync", "--exclude", "*.tmp", "--dry-run"};
        RunSummary local = run(target, "p-local", "local", sync);
        RunSummary distributed = run(target, "p-dist", "distributed", sync);
        Map<String, String> a = records("p-local");
        Map<String, String> b = records("p-dist");
        assertEquals(a, b);
        assertEquals(local.files(), distributed.files());
        assertTrue(a.keySet().stream().anyMatch(k -> k.endsWith("orphan.bin")), "a delete is planned: " + a.keySet());
        long notes = a.values().stream().map(line -> line.split("\\|", -1)[8]).distinct().count();
        assertTrue(notes >= 4, "the lake exercises several actions: " + a.values());
    }

    /** A Hadoop file-system target, listed by subtrees; then the real runs of both ways do the same. */
    @Test
    void incrementalToAHadoopTargetAndTheRealRuns() throws Exception {
        String target = dir.resolve("target").toUri().toString();
        run(target, "h1", "distributed");
        change();
        Files.createDirectories(dir.resolve("target/d0/extra"));
        Files.write(dir.resolve("target/d0/extra/orphan.bin"), new byte[3]);

        String[] sync = {"--mode", "sync", "--dry-run"};
        RunSummary local = run(target, "hp-local", "local", sync);
        RunSummary distributed = run(target, "hp-dist", "distributed", sync);
        assertEquals(records("hp-local"), records("hp-dist"));
        assertEquals(local.files(), distributed.files());

        RunSummary real = run(target, "h2", "distributed", "--mode", "sync");
        assertEquals(0, real.failedCount());
        assertFalse(Files.exists(dir.resolve("target/d0/extra/orphan.bin")), "sync deleted it");
        RunSummary again = run(target, "h3", "local", "--mode", "sync");
        assertEquals(Map.of("equal", again.filesTotal()), again.files(), "the distributed run's log is the history");
    }

    /** Names OCI cannot store stop both ways before any upload, with the same message. */
    @Test
    void badNamesAreRefusedTheSameWay() throws Exception {
        Lakes.write(lake, "d1/bad\u0001name.bin", 10, 1);
        String target = "oci://" + bucket() + "@" + oci.namespace() + "/data/";
        PlanException local = assertThrows(PlanException.class, () -> run(target, "b1", "local"));
        PlanException distributed = assertThrows(PlanException.class, () -> run(target, "b2", "distributed"));
        assertEquals(local.getMessage(), distributed.getMessage());
    }

    private String bucket() {
        String bucket = "eq-" + BUCKETS.incrementAndGet();
        oci.createBucket(bucket);
        return bucket;
    }

    /** A rewritten file (other size), a touched one (same size, other time), a new one and a removed one. */
    private void change() throws Exception {
        Lakes.write(lake, "d2/g-2.bin", 800, 42);
        Path touched = lake.resolve("d3/x/y/f-3.bin");
        Files.setLastModifiedTime(touched, FileTime.fromMillis(Files.getLastModifiedTime(touched).toMillis() + 60_000));
        Lakes.write(lake, "d9/x/z/new.bin", 321, 5);
        Files.delete(lake.resolve("d5/g-5.bin"));
    }

    private RunSummary run(String target, String runId, String planning, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("--source", lake.toUri().toString(), "--target", target,
                "--run-id", runId, "--log", logs.toUri().toString(), "--planning", planning,
                "--multipart-threshold", "1MiB", "--part-size", "1MiB"));
        args.addAll(List.of(more));
        return jobs.run(args.toArray(String[]::new));
    }

    /** Each record of a run by object name, without what differs between runs (ids, times, speeds). */
    private Map<String, String> records(String runId) throws Exception {
        Map<String, String> records = new TreeMap<>();
        try (Stream<Path> files = Files.list(logs.resolve(LogFormat.runFolder(runId)))) {
            for (Path part : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
                for (MigrationRecord r : LogFormat.parseLines(Files.readAllBytes(part))) {
                    String line = String.join("|", r.sourceName(), String.valueOf(r.sourceSize()),
                            String.valueOf(r.targetSize()), String.valueOf(r.status()), r.md5(), r.sourceEtag(),
                            r.sourceModified(), r.targetEtag(), r.note(), r.error());
                    assertEquals(null, records.put(r.targetName(), line), "one record per object: " + r.targetName());
                }
            }
        }
        assertFalse(records.isEmpty());
        return records;
    }
}
