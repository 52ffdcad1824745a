package io.lakeshift.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta.tables.DeltaTable;
import io.lakeshift.log.LogRoots;
import io.lakeshift.log.MigrationRecord;
import io.lakeshift.log.RunSummary;
import io.lakeshift.log.Status;
import io.lakeshift.log.TableSummary;
import io.lakeshift.testing.EmulatorFixture;
import io.lakeshift.testing.FaultyFileSystem;
import io.lakeshift.testing.JobRuns;
import io.lakeshift.testing.SparkTestSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Delta tables written with Delta Lake 3.1.0 (several commits, a delete, a schema change, partitions) migrate
 * into the emulator and read back as the same table; the log lands last, so a failed data file leaves the target
 * at its previous version, and a later run copies only what the new commits added.
 */
class DeltaTableIT {
    private static final AtomicInteger BUCKETS = new AtomicInteger();
    @RegisterExtension
    static final EmulatorFixture oci = EmulatorFixture.perClass();
    private static final JobRuns jobs = new JobRuns(oci);

    @TempDir
    static Path written;
    @TempDir
    Path dir;
    private SparkSession spark;
    private String table;
    private String bucket;

    /** The table's four versions, written once; each test works on its own copy of the folder. */
    @BeforeAll
    static void write() {
        SparkSession spark = SparkTestSession.get();
        String table = written.resolve("orders").toUri().toString();
        append(spark, table, 0, 40, false); // version 0
        append(spark, table, 40, 30, false); // 1
        DeltaTable.forPath(spark, table).delete("id % 7 = 0"); // 2: rewrites files, the old ones unreferenced
        append(spark, table, 70, 20, true); // 3: a new column
    }

    @BeforeEach
    void table() throws Exception {
        spark = SparkTestSession.get();
        bucket = "delta-" + BUCKETS.incrementAndGet();
        oci.createBucket(bucket);
        Path folder = dir.resolve("lake/sales/orders");
        Path from = written.resolve("orders");
        try (var files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path to = folder.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        table = folder.toUri().toString();
    }

    @AfterEach
    void clean() {
        FaultyFileSystem.reset();
    }

    /** Rows {@code from .. from+n-1}, partitioned by {@code p}; with {@code note}, a column added (mergeSchema). */
    private void append(int from, int n, boolean note) {
        append(spark, table, from, n, note);
    }

    private static void append(SparkSession spark, String table, int from, int n, boolean note) {
        Dataset<Row> rows = spark.range(from, from + n).toDF("id")
                .withColumn("p", functions.expr("id % 3"))
                .withColumn("name", functions.expr("concat('order-', id)"));
        if (note) {
            rows = rows.withColumn("note", functions.expr("concat('n', id * 2)"));
        }
        rows.repartition(2).write().format("delta").mode(SaveMode.Append).option("mergeSchema", "true")
                .partitionBy("p").save(table);
    }

    private RunSummary run(String runId, String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("--source", dir.resolve("lake").toUri().toString(),
                "--target", "oci://" + bucket + "@" + oci.namespace() + "/lake/", "--run-id", runId,
                "--max-attempts", "1"));
        args.addAll(List.of(more));
        return jobs.run(args.toArray(String[]::new));
    }

    /** The table as the target holds it, copied down to a local folder and opened with Delta. */
    private Dataset<Row> target(String name) throws Exception {
        Path local = dir.resolve("target-" + name);
        for (String object : oci.list(bucket, "lake/")) {
            Path file = local.resolve(object);
            Files.createDirectories(file.getParent());
            Files.write(file, oci.get(bucket, object));
        }
        return spark.read().format("delta").load(local.resolve("lake/sales/orders").toUri().toString());
    }

    private Dataset<Row> source(long version) {
        return spark.read().format("delta").option("versionAsOf", version).load(table);
    }

    /** Row count and an order-independent checksum of every column. */
    private static String fingerprint(Dataset<Row> t) {
        Row r = t.selectExpr("count(*)", "sum(xxhash64(*))").first();
        return r.getLong(0) + " rows, checksum " + r.get(1) + ", columns " + String.join(",", t.columns());
    }

    private Set<String> targetObjects() {
        return new TreeSet<>(oci.list(bucket, "lake/sales/orders/")).stream()
                .filter(n -> !n.startsWith(LogRoots.DEFAULT_PREFIX)).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void theLatestVersionArrivesReadableWithoutTheFilesNoVersionReferences() throws Exception {
        RunSummary summary = run("d1");

        assertTrue(summary.succeeded(), summary.failedFiles().toString());
        TableSummary t = summary.tables().get(0);
        assertEquals("delta", t.format());
        assertEquals("sales/orders/", t.path());
        assertEquals(3L, t.version());
        assertTrue(t.unreferenced() > 0, "the delete left files no version 3 references: " + t);
        assertEquals(fingerprint(source(3)), fingerprint(target("d1")));

        Map<String, MigrationRecord> log = jobs.log(bucket, "d1");
        List<MigrationRecord> left = log.values().stream().filter(r -> r.status() == Status.EXCLUDED).toList();
        assertEquals(t.unreferenced(), left.size());
        for (MigrationRecord r : left) {
            assertTrue(r.note().contains("not referenced by version 3"), r.note());
            assertFalse(targetObjects().contains(r.targetName()), "not copied: " + r.targetName());
        }
    }

    @Test
    void anEarlierVersionIsCopiedWithItsLogUpToThatVersion() throws Exception {
        RunSummary summary = run("d1", "--table-version", "1");

        assertEquals(1L, summary.tables().get(0).version());
        assertEquals(fingerprint(source(1)), fingerprint(target("d1")));
        assertFalse(targetObjects().contains("lake/sales/orders/_delta_log/00000000000000000002.json"));
    }

    /** The source table's data files, as object names. */
    private Set<String> dataFiles() throws Exception {
        Path folder = Path.of(java.net.URI.create(table));
        try (var files = Files.walk(folder)) {
            return files.filter(f -> f.toString().endsWith(".parquet") && !f.getFileName().toString().startsWith(".")
                            && !f.toString().contains("_delta_log"))
                    .map(f -> "lake/sales/orders/" + folder.relativize(f))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void aFailedDataFileHoldsBackTheLogAndTheNextRunCopiesOnlyWhatNewCommitsAdded() throws Exception {
        assertTrue(run("d1").succeeded());
        Set<String> before = dataFiles();
        append(90, 10, true); // 4
        append(100, 10, true); // 5
        Set<String> added = dataFiles();
        added.removeAll(before);
        FaultyFileSystem.breakFile(Path.of(added.iterator().next()).getFileName().toString());

        RunSummary failed = run("d2");
        assertFalse(failed.succeeded());
        Map<String, MigrationRecord> log = jobs.log(bucket, "d2");
        MigrationRecord commit4 = log.values().stream()
                .filter(r -> r.targetName().endsWith("_delta_log/00000000000000000004.json")).findFirst().orElseThrow();
        assertEquals(Status.EXCLUDED, commit4.status());
        assertTrue(commit4.note().contains("held back"), commit4.note());
        assertEquals(fingerprint(source(3)), fingerprint(target("d2")), "the target is still at version 3");

        FaultyFileSystem.reset();
        RunSummary third = run("d3");
        assertTrue(third.succeeded(), third.failedFiles().toString());
        assertEquals(fingerprint(source(5)), fingerprint(target("d3")));
        Set<String> sent = jobs.log(bucket, "d3").values().stream().filter(r -> r.status() == Status.NEW)
                .map(MigrationRecord::targetName).collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = new TreeSet<>(added);
        expected.add("lake/sales/orders/_delta_log/00000000000000000004.json");
        expected.add("lake/sales/orders/_delta_log/00000000000000000005.json");
        // the first failed run sent all but one new data file: only that one and the held-back log are new now
        assertTrue(expected.containsAll(sent), "only what commits 4 and 5 added: " + sent);
        assertTrue(sent.containsAll(List.of("lake/sales/orders/_delta_log/00000000000000000004.json",
                "lake/sales/orders/_delta_log/00000000000000000005.json")), sent.toString());
    }
}
