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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Iceberg table written with Iceberg 1.10.0's Spark runtime (format 2, a merge-on-read delete that writes
 * position deletes, a schema change, partitions) migrates into the emulator with its paths rewritten by Iceberg's
 * RewriteTablePath, and opens at the target by the oci:// paths its metadata names; copied as plain files it does
 * not, once the source is gone; a later run copies only what new commits added. The table is written once for the
 * class (three commits); the test that commits more runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IcebergTableIT {
    private static final AtomicInteger BUCKETS = new AtomicInteger();
    private static final String NAME = "lsice.sales.orders";
    @RegisterExtension
    static final EmulatorFixture oci = EmulatorFixture.perClass();
    private static final JobRuns jobs = new JobRuns(oci);

    @TempDir
    static Path dir;
    private static SparkSession spark;
    /** The source table by path, as Hadoop spells it. */
    private static String table;
    private String bucket;

    /**
     * A Hadoop catalog on local disk whose warehouse is the lake (the table is dir/lake/sales/orders); tables opened
     * by path through Iceberg's default_iceberg catalog, a Hadoop one (its default, Hive, is not on the classpath);
     * oci:// opened from the test's mirror of a bucket. For this class only.
     */
    @BeforeAll
    static void write() {
        spark = SparkTestSession.get();
        spark.sessionState().catalogManager().reset(); // an earlier class's catalogs hold its Hadoop settings
        spark.conf().set("spark.sql.catalog.default_iceberg", "org.apache.iceberg.spark.SparkCatalog");
        spark.conf().set("spark.sql.catalog.default_iceberg.type", "hadoop");
        spark.conf().set("spark.sql.catalog.default_iceberg.warehouse", "file:" + dir.resolve("default-warehouse"));
        spark.sparkContext().hadoopConfiguration().set("fs.oci.impl", OciMirrorFileSystem.class.getName());
        spark.sparkContext().hadoopConfiguration().set("fs.oci.impl.disable.cache", "true");
        // Before any Iceberg catalog starts: each keeps a copy of the Hadoop settings it started with.
        spark.sparkContext().hadoopConfiguration().set(OciMirrorFileSystem.ROOT, dir.resolve("mirror").toString());
        spark.conf().set("spark.sql.catalog.default_iceberg.cache-enabled", "false");
        spark.conf().set("spark.sql.catalog.lsice", "org.apache.iceberg.spark.SparkCatalog");
        spark.conf().set("spark.sql.catalog.lsice.type", "hadoop");
        // file:/path, as Hadoop spells paths: Iceberg writes the table's location as given and the metadata log's
        // paths as Hadoop spells them, and RewriteTablePath wants both under one prefix.
        spark.conf().set("spark.sql.catalog.lsice.warehouse", "file:" + dir.resolve("lake"));
        spark.sql("CREATE TABLE " + NAME + " (id BIGINT, p INT, name STRING) USING iceberg PARTITIONED BY (p)"
                + " TBLPROPERTIES ('format-version'='2', 'write.delete.mode'='merge-on-read')");
        spark.sql("INSERT INTO " + NAME + " SELECT id, CAST(id % 3 AS INT), concat('order-', id) FROM range(0, 40)");
        spark.sql("DELETE FROM " + NAME + " WHERE id % 7 = 0"); // position deletes, in each partition
        spark.sql("ALTER TABLE " + NAME + " ADD COLUMN note STRING");
        insert(40, 20);
        table = "file:" + dir.resolve("lake/sales/orders");
    }

    @AfterAll
    static void clean() {
        spark.sparkContext().hadoopConfiguration().unset("fs.oci.impl");
        spark.sparkContext().hadoopConfiguration().unset(OciMirrorFileSystem.ROOT);
        spark.sparkContext().hadoopConfiguration().unset("fs.oci.impl.disable.cache");
        for (String c : List.of("default_iceberg", "lsice")) { // the session is shared with other classes
            for (String key : List.of("", ".type", ".warehouse", ".cache-enabled")) {
                spark.conf().unset("spark.sql.catalog." + c + key);
            }
        }
        spark.sessionState().catalogManager().reset(); // the next class's catalogs start with its settings
    }

    @BeforeEach
    void bucket() {
        bucket = newBucket();
    }

    private static String newBucket() {
        String b = "ice-" + BUCKETS.incrementAndGet();
        oci.createBucket(b);
        return b;
    }

    private static void insert(int from, int n) {
        spark.sql("INSERT INTO " + NAME + " SELECT id, CAST(id % 3 AS INT), concat('order-', id), concat('n', id * 2)"
                + " FROM range(" + from + ", " + (from + n) + ")");
    }

    private RunSummary run(String runId, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("--source", dir.resolve("lake").toUri().toString(),
                "--target", "oci://" + bucket + "@" + oci.namespace() + "/lake/", "--run-id", runId,
                "--log", dir.resolve("log-" + bucket).toUri().toString(), "--max-attempts", "1",
                // The oci:// mirror holds the target only once target() fills it: the connector reads back in
                // IcebergVerifyIT, which verifies the table.
                "--table-verify", "off"));
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
    private Dataset<Row> target() throws Exception {
        Path mirror = dir.resolve("mirror").resolve(bucket + "@" + oci.namespace());
        for (String object : oci.list(bucket, "lake/")) {
            Path file = mirror.resolve(object);
            Files.createDirectories(file.getParent());
            Files.write(file, oci.get(bucket, object));
        }
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

    /** The messages of an exception and its causes. */
    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t).append('\n');
        }
        return all.toString();
    }

    @Test
    @Order(1)
    void theCurrentSnapshotArrivesReadableAtItsOciLocationWithTheMetadataLast() throws Exception {
        String expected = fingerprint(source());
        assertTrue(expected.startsWith("54 rows"), expected); // 60 written, 6 deleted by position deletes
        assertTrue(sourceFiles().stream().anyMatch(f -> f.contains("-deletes")), "position deletes written");

        RunSummary summary = run("i1");

        assertTrue(summary.succeeded(), summary.failedFiles().toString());
        TableSummary t = summary.tables().get(0);
        assertEquals("iceberg", t.format());
        assertEquals("sales/orders/", t.path());
        // Read by the oci:// paths: the deletes apply only if the copied delete files name the copied data files.
        assertEquals(expected, fingerprint(target()));
        String metadata = new String(oci.get(bucket, "lake/sales/orders/metadata/v5.metadata.json"));
        assertTrue(metadata.contains("oci://" + bucket + "@" + oci.namespace() + "/lake/sales/orders"), metadata);
        assertFalse(metadata.contains(dir.toString()), "no source path left: " + metadata);
        assertEquals("5", new String(oci.get(bucket, "lake/sales/orders/metadata/version-hint.text")));
    }

    @Test
    @Order(2)
    void copiedAsPlainFilesTheTableIsUnreadableOnceTheSourceIsGoneAndReadableAsATable() throws Exception {
        String expected = fingerprint(source());
        String plain = bucket;
        assertTrue(run("plain", "--tables", "off").succeeded());
        String asTable = newBucket();
        bucket = asTable;
        assertTrue(run("table").succeeded());

        Path orders = dir.resolve("lake/sales/orders");
        Path away = dir.resolve("moved-orders");
        Files.move(orders, away); // the source is gone
        try {
            bucket = plain;
            Exception e = assertThrows(Exception.class, () -> fingerprint(target()));
            assertTrue(messages(e).contains(orders.toString()), "fails on a source path: " + messages(e));
            bucket = asTable;
            assertEquals(expected, fingerprint(target()));
        } finally {
            Files.move(away, orders);
        }
    }

    /** Last: it commits to the class's table. */
    @Test
    @Order(3)
    void anEarlierSnapshotAndALaterRunThatCopiesOnlyWhatNewCommitsAdded() throws Exception {
        // The second snapshot: the delete's, before the schema change.
        long second = spark.sql("SELECT snapshot_id FROM " + NAME + ".snapshots ORDER BY committed_at")
                .collectAsList().get(1).getLong(0);
        RunSummary early = run("i1", "--table-snapshot", String.valueOf(second));
        assertTrue(early.succeeded(), early.failedFiles().toString());
        assertEquals(second, early.tables().get(0).version());
        String then = fingerprint(spark.read().option("snapshot-id", second).format("iceberg").load(table));
        assertTrue(then.startsWith("34 rows") && then.endsWith("columns id,p,name"), then);
        // The latest metadata in which it was current is the schema change's (docs/tables.md): its rows, and the
        // column the change added, empty.
        Dataset<Row> copied = target();
        assertEquals("id,p,name,note", String.join(",", copied.columns()));
        assertEquals(0, copied.where("note IS NOT NULL").count());
        assertEquals(then, fingerprint(copied.select("id", "p", "name")));

        assertTrue(run("i2").succeeded());
        Set<String> before = sourceFiles();
        insert(60, 10);
        Set<String> added = sourceFiles();
        added.removeAll(before);

        RunSummary third = run("i3");
        assertTrue(third.succeeded(), third.failedFiles().toString());
        assertEquals(fingerprint(source()), fingerprint(target()));
        Map<String, MigrationRecord> log = log("i3");
        Set<String> sent = log.values().stream().filter(r -> r.status() == Status.NEW || r.status() == Status.UPDATED)
                .map(MigrationRecord::targetName).collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = new TreeSet<>(added);
        expected.add("lake/sales/orders/metadata/version-hint.text");
        assertEquals(expected, sent, "only what the commit added, and the new version hint");
        assertTrue(log.values().stream().filter(r -> r.status() == Status.EQUAL).count() > 10, log.toString());
    }
}
