package io.lakeshift.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.log.LogFormat;
import io.lakeshift.log.MigrationRecord;
import io.lakeshift.log.RunSummary;
import io.lakeshift.log.Status;
import io.lakeshift.log.TableSummary;
import io.lakeshift.testing.EmulatorFixture;
import io.lakeshift.testing.JobRuns;
import io.lakeshift.testing.OciMirrorFileSystem;
import io.lakeshift.testing.SparkTestSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Iceberg tables written with Iceberg 1.10.0's Spark runtime (format 2, several commits, a merge-on-read
 * delete that writes position deletes, a schema change, partitions) migrate into the emulator with their paths
 * rewritten by Iceberg's RewriteTablePath, and open at the target by the oci:// paths their metadata names; copied
 * as plain files they do not, once the source is gone; a later run copies only what new commits added.
 */
@Disabled("unfinished (iceberg branch, see the report): the staged position-delete files the file list names are"
        + " not found where it names them, and OciMirrorFileSystem does not open the target yet")
class IcebergTableIT {
    private static final AtomicInteger BUCKETS = new AtomicInteger();
    /** A catalog per test (Spark keeps a catalog once loaded, with its warehouse). */
    private static final AtomicInteger CATALOGS = new AtomicInteger();
    @RegisterExtension
    static final EmulatorFixture oci = EmulatorFixture.perClass();
    private static final JobRuns jobs = new JobRuns(oci);

    @TempDir
    Path dir;
    private SparkSession spark;
    private String bucket;
    private String table;
    private String name;

    @TempDir
    static Path defaultWarehouse;

    /**
     * oci:// opened from the test's mirror of a bucket, for this class only; tables opened by path through
     * Iceberg's default_iceberg catalog, a Hadoop one (its default, Hive, is not on the classpath).
     */
    @BeforeAll
    static void mirror() {
        SparkSession spark = SparkTestSession.get();
        spark.conf().set("spark.sql.catalog.default_iceberg", "org.apache.iceberg.spark.SparkCatalog");
        spark.conf().set("spark.sql.catalog.default_iceberg.type", "hadoop");
        spark.conf().set("spark.sql.catalog.default_iceberg.warehouse", "file:" + defaultWarehouse);
        spark.sparkContext().hadoopConfiguration().set("fs.oci.impl", OciMirrorFileSystem.class.getName());
        spark.sparkContext().hadoopConfiguration().set("fs.oci.impl.disable.cache", "true");
    }

    @AfterAll
    static void clean() {
        SparkTestSession.get().sparkContext().hadoopConfiguration().unset("fs.oci.impl");
    }

    @BeforeEach
    void write() throws Exception {
        spark = SparkTestSession.get();
        bucket = "ice-" + BUCKETS.incrementAndGet();
        oci.createBucket(bucket);
        Path warehouse = dir.resolve("lake");
        // A Hadoop catalog on local disk whose warehouse is this test's lake: the table is dir/lake/sales/orders.
        String catalog = "lsice" + CATALOGS.incrementAndGet();
        spark.conf().set("spark.sql.catalog." + catalog, "org.apache.iceberg.spark.SparkCatalog");
        spark.conf().set("spark.sql.catalog." + catalog + ".type", "hadoop");
        // file:/path, as Hadoop spells paths: Iceberg writes the table's location as given and the metadata log's
        // paths as Hadoop spells them, and RewriteTablePath wants both under one prefix.
        spark.conf().set("spark.sql.catalog." + catalog + ".warehouse", "file:" + warehouse);
        name = catalog + ".sales.orders";
        spark.sql("CREATE TABLE " + name + " (id BIGINT, p INT, name STRING) USING iceberg PARTITIONED BY (p)"
                + " TBLPROPERTIES ('format-version'='2', 'write.delete.mode'='merge-on-read')");
        insert(0, 40);
        insert(40, 30);
        spark.sql("DELETE FROM " + name + " WHERE id % 7 = 0"); // position deletes
        spark.sql("ALTER TABLE " + name + " ADD COLUMN note STRING");
        spark.sql("INSERT INTO " + name + " SELECT id, CAST(id % 3 AS INT), concat('order-', id),"
                + " concat('n', id * 2) FROM range(70, 90)");
        table = "file:" + warehouse.resolve("sales/orders");
        spark.sql("REFRESH TABLE " + name);
    }

    private void insert(int from, int n) {
        spark.sql("INSERT INTO " + name + " SELECT id, CAST(id % 3 AS INT), concat('order-', id)"
                + (spark.table("" + name).columns().length > 3 ? ", concat('n', id * 2)" : "")
                + " FROM range(" + from + ", " + (from + n) + ")");
    }

    private RunSummary run(String runId, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("--source", dir.resolve("lake").toUri().toString(),
                "--target", "oci://" + bucket + "@" + oci.namespace() + "/lake/", "--run-id", runId,
                "--log", dir.resolve("log-" + bucket).toUri().toString(), "--max-attempts", "1"));
        args.addAll(List.of(more));
        return jobs.run(args.toArray(String[]::new));
    }

    /** The run's records, by object name. */
    private Map<String, MigrationRecord> log(String runId) throws Exception {
        Map<String, MigrationRecord> records = new TreeMap<>();
        try (var files = Files.walk(dir.resolve("log-" + bucket).resolve(LogFormat.runFolder(runId)), 1)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
                LogFormat.parseLines(Files.readAllBytes(f)).forEach(r -> records.put(r.targetName(), r));
            }
        }
        return records;
    }

    /** The bucket's objects downloaded to the mirror, then the table opened at its OCI location. */
    private Dataset<Row> target(String name) throws Exception {
        Path mirror = dir.resolve("mirror-" + name);
        for (String object : oci.list(bucket, "lake/")) {
            Path file = mirror.resolve(bucket + "@" + oci.namespace()).resolve(object);
            Files.createDirectories(file.getParent());
            Files.write(file, oci.get(bucket, object));
        }
        spark.sparkContext().hadoopConfiguration().set(OciMirrorFileSystem.ROOT, mirror.toString());
        return spark.read().format("iceberg")
                .load("oci://" + bucket + "@" + oci.namespace() + "/lake/sales/orders");
    }

    private Dataset<Row> source() {
        return spark.read().format("iceberg").load(table);
    }

    /** Row count and an order-independent checksum of every column. */
    private static String fingerprint(Dataset<Row> t) {
        Row r = t.selectExpr("count(*)", "sum(xxhash64(*))").first();
        return r.getLong(0) + " rows, checksum " + r.get(1) + ", columns " + String.join(",", t.columns());
    }

    private Set<String> sourceFiles() throws Exception {
        Path folder = dir.resolve("lake/sales/orders");
        try (var files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                    .map(f -> "lake/sales/orders/" + folder.relativize(f))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void theCurrentSnapshotArrivesReadableAtItsOciLocationWithTheMetadataLast() throws Exception {
        String expected = fingerprint(source());
        assertTrue(expected.startsWith("80 rows"), expected); // 90 written, 10 deleted

        RunSummary summary = run("i1");

        assertTrue(summary.succeeded(), summary.failedFiles().toString());
        TableSummary t = summary.tables().get(0);
        assertEquals("iceberg", t.format());
        assertEquals("sales/orders/", t.path());
        assertEquals(fingerprint(source()), fingerprint(target("i1")));
        String metadata = new String(oci.get(bucket, "lake/sales/orders/metadata/v6.metadata.json"));
        assertTrue(metadata.contains("oci://" + bucket + "@" + oci.namespace() + "/lake/sales/orders"), metadata);
        assertFalse(metadata.contains(dir.toString()), "no source path left: " + metadata);
        assertTrue(sourceFiles().stream().anyMatch(f -> f.contains("-deletes")), "position deletes written");
    }

    @Test
    void copiedAsPlainFilesTheTableIsUnreadableOnceTheSourceIsGoneAndReadableAsATable() throws Exception {
        String expected = fingerprint(source());
        String tableBucket = bucket;
        assertTrue(run("plain", "--tables", "off").succeeded());
        bucket = "ice-" + BUCKETS.incrementAndGet();
        oci.createBucket(bucket);
        assertTrue(run("table").succeeded());
        String asTable = bucket;

        spark.sql("DROP TABLE " + name + " PURGE"); // the source is gone
        assertFalse(Files.exists(dir.resolve("lake/sales/orders/data")));

        bucket = tableBucket;
        Exception e = assertThrows(Exception.class, () -> fingerprint(target("plain")));
        assertTrue(String.valueOf(e.getMessage()).contains(dir.toString()) || e.getCause() != null, e.toString());
        bucket = asTable;
        assertEquals(expected, fingerprint(target("table")));
    }

    @Test
    void anEarlierSnapshotAndALaterRunThatCopiesOnlyWhatNewCommitsAdded() throws Exception {
        long second = spark.sql("SELECT snapshot_id FROM " + name + ".snapshots ORDER BY committed_at")
                .collectAsList().get(1).getLong(0);
        RunSummary early = run("i1", "--table-snapshot", String.valueOf(second));
        assertTrue(early.succeeded(), early.failedFiles().toString());
        assertEquals(second, early.tables().get(0).version());
        assertEquals(fingerprint(spark.read().option("snapshot-id", second).format("iceberg").load(table)),
                fingerprint(target("i1")));

        assertTrue(run("i2").succeeded());
        Set<String> before = sourceFiles();
        insert(90, 10);
        insert(100, 10);
        Set<String> added = sourceFiles();
        added.removeAll(before);

        RunSummary third = run("i3");
        assertTrue(third.succeeded(), third.failedFiles().toString());
        assertEquals(fingerprint(source()), fingerprint(target("i3")));
        Map<String, MigrationRecord> log = log("i3");
        Set<String> sent = log.values().stream().filter(r -> r.status() == Status.NEW || r.status() == Status.UPDATED)
                .map(MigrationRecord::targetName).collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = new TreeSet<>(added);
        expected.add("lake/sales/orders/metadata/version-hint.text");
        assertEquals(expected, sent, "only what the two commits added, and the new version hint");
        assertTrue(log.values().stream().filter(r -> r.status() == Status.EQUAL).count() > 10, log.toString());
    }
}
