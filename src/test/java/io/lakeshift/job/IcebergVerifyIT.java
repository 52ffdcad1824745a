package io.lakeshift.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.cli.Main;
import io.lakeshift.log.LogFormat;
import io.lakeshift.log.MigrationRecord;
import io.lakeshift.log.Status;
import io.lakeshift.testing.ChildJvm;
import io.lakeshift.testing.DeltaReadBack;
import io.lakeshift.testing.EmulatorFixture;
import io.lakeshift.testing.IcebergReadBack;
import io.lakeshift.testing.JobRuns;
import io.lakeshift.testing.PeerClasspath;
import io.lakeshift.testing.S3Fixture;
import io.lakeshift.testing.SparkTestSession;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A copied Iceberg table verified as a table (docs/tables.md, "Verify as a table"), and read back through Oracle's
 * oci-hdfs-connector. Two real tables written with Iceberg 1.10.0's Spark runtime (format 2, partitioned, a
 * merge-on-read delete, a schema change, four commits, three snapshots): one in a local lake, one in S3 (s3proxy) with s3a:// paths.
 * The S3 one migrates into the emulator in this JVM (no connector here: "not verified", with the reason), as a table
 * and, to another bucket, as plain files; the local one migrates under spark-submit with the Data Flow jar on a
 * Data-Flow-like runtime (bench/peers/dataflow-delta: Spark 3.5.0, Iceberg 1.10.0, oci-hdfs-connector), which finds
 * it equal by counting its rows through the connector, and deletes its staged metadata; then one more JVM reads all
 * three copies through the connector: the two tables with their source's rows and checksum, the plain copy not at
 * all (its metadata names s3a://). Last, a copy altered at the target behind lakeshift's back makes Main exit 5.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IcebergVerifyIT {
    private static final String PEER = DataflowSubmit.PEER;
    @RegisterExtension
    static final EmulatorFixture oci = EmulatorFixture.perClass("verify", "s3ice", "s3off", "logs");
    /** A bucket of its own: S3A's cached file system for an earlier class's bucket names that class's s3proxy, gone. */
    @RegisterExtension
    static final S3Fixture s3 = S3Fixture.perClass("icelake");
    private static final JobRuns jobs = new JobRuns(oci);

    @TempDir
    static Path dir;
    private static SparkSession spark;
    private static String localTable;
    private static String s3Table;

    /** Two Hadoop catalogs, one per lake (local disk, s3a:// on s3proxy), for this class only. */
    @BeforeAll
    static void write() {
        spark = SparkTestSession.get();
        // Spark keeps each catalog it started, with the Hadoop settings it started with: start this class's afresh.
        spark.sessionState().catalogManager().reset();
        s3.s3aProperties().forEach(spark.sparkContext().hadoopConfiguration()::set);
        spark.conf().set("spark.sql.catalog.default_iceberg", "org.apache.iceberg.spark.SparkCatalog");
        spark.conf().set("spark.sql.catalog.default_iceberg.type", "hadoop");
        spark.conf().set("spark.sql.catalog.default_iceberg.warehouse", "file:" + dir.resolve("default-warehouse"));
        spark.conf().set("spark.sql.catalog.default_iceberg.cache-enabled", "false");
        catalog("lsvlocal", "file:" + dir.resolve("lake"));
        catalog("lsvs3", "s3a://icelake/wh");
        localTable = "file:" + dir.resolve("lake/sales/orders");
        s3Table = "s3a://icelake/wh/sales/orders";
    }

    private static void catalog(String name, String warehouse) {
        spark.conf().set("spark.sql.catalog." + name, "org.apache.iceberg.spark.SparkCatalog");
        spark.conf().set("spark.sql.catalog." + name + ".type", "hadoop");
        spark.conf().set("spark.sql.catalog." + name + ".warehouse", warehouse);
        String t = name + ".sales.orders";
        spark.sql("CREATE TABLE " + t + " (id BIGINT, p INT, name STRING) USING iceberg PARTITIONED BY (p)"
                + " TBLPROPERTIES ('format-version'='2', 'write.delete.mode'='merge-on-read')");
        spark.sql("INSERT INTO " + t + " SELECT id, CAST(id % 3 AS INT), concat('order-', id) FROM range(0, 40)");
        spark.sql("DELETE FROM " + t + " WHERE id % 7 = 0"); // position deletes
        spark.sql("ALTER TABLE " + t + " ADD COLUMN note STRING");
        spark.sql("INSERT INTO " + t + " SELECT id, CAST(id % 3 AS INT), concat('order-', id), concat('n', id)"
                + " FROM range(40, 60)");
    }

    @AfterAll
    static void clean() {
        s3.s3aProperties().keySet().forEach(spark.sparkContext().hadoopConfiguration()::unset);
        for (String c : List.of("default_iceberg", "lsvlocal", "lsvs3")) { // the session is shared
            for (String key : List.of("", ".type", ".warehouse", ".cache-enabled")) {
                spark.conf().unset("spark.sql.catalog." + c + key);
            }
        }
        spark.sessionState().catalogManager().reset(); // the next class's catalogs start with its settings
    }

    private static String fingerprint(String table) {
        return DeltaReadBack.fingerprint(spark.read().format("iceberg").load(table));
    }

    private static MigrationRecord tableRecord(Iterable<MigrationRecord> records) {
        List<MigrationRecord> tables = new ArrayList<>();
        records.forEach(r -> {
            if (r.status() == Status.TABLE) {
                tables.add(r);
            }
        });
        assertEquals(1, tables.size(), records.toString());
        return tables.get(0);
    }

    @Test
    @Order(1)
    void aTableInS3MigratesIntoTheEmulatorAsATableAndNotWithoutTheConnector() throws Exception {
        assertTrue(fingerprint(s3Table).startsWith("54 rows"), fingerprint(s3Table));
        for (String[] run : List.of(new String[] {"s3ice", "auto"}, new String[] {"s3off", "off"})) {
            List<String> args = new ArrayList<>(List.of("migrate", "--source", "s3a://icelake/wh",
                    "--target", "oci://" + run[0] + "@" + oci.namespace() + "/lake/", "--run-id", run[0],
                    "--log", dir.resolve("log-" + run[0]).toUri().toString(), "--tables", run[1]));
            args.addAll(s3.s3Args());
            JobRuns.Outcome outcome = jobs.main(args.toArray(String[]::new));
            assertEquals(Main.OK, outcome.code(), outcome.toString());
        }
        String copied = new String(oci.get("s3ice", "lake/sales/orders/metadata/v5.metadata.json"));
        assertTrue(copied.contains("\"oci://s3ice@" + oci.namespace() + "/lake/sales/orders\""), copied);
        assertFalse(copied.contains("s3a://"), "no source path left: " + copied);
        assertTrue(new String(oci.get("s3off", "lake/sales/orders/metadata/v5.metadata.json")).contains(s3Table));

        // No connector in this JVM: the copy stands, the table is not verified, and says why.
        MigrationRecord t = tableRecord(localLog(dir.resolve("log-s3ice"), "s3ice"));
        assertEquals("not verified", t.tableCheck(), t.toString());
        assertEquals("iceberg", t.tableFormat());
        assertTrue(t.note().contains("no Hadoop file system for oci://"), t.note());
    }

    @Test
    @Order(2)
    void onADataFlowRuntimeTheCopyIsFoundEqualAndEveryTableReadsBackThroughOciHdfsConnector() throws Exception {
        String target = "oci://verify@" + oci.namespace() + "/lake/";
        String out = DataflowSubmit.run(oci, dir, Map.of("source", dir.resolve("lake").toUri().toString(), "target",
                target, "log", "oci://logs@" + oci.namespace() + "/lakeshift/"),
                List.of("--run-id", "df1", "--table-verify", "rows"), Map.of());

        List<MigrationRecord> log = new ArrayList<>();
        for (String name : oci.list("logs", "lakeshift/" + LogFormat.runFolder("df1"))) {
            if (name.endsWith(".jsonl")) {
                log.addAll(LogFormat.parseLines(oci.get("logs", name)));
            }
        }
        MigrationRecord t = tableRecord(log);
        String expected = fingerprint(localTable);
        long snapshot = spark.sql("SELECT snapshot_id FROM lsvlocal.sales.orders.snapshots ORDER BY committed_at DESC")
                .first().getLong(0); // the current one (of three: the schema change made none)
        assertEquals("equal", t.tableCheck(), t + "\n" + out);
        assertEquals("iceberg", t.tableFormat());
        assertEquals("sales/orders/", t.sourceName());
        assertEquals(snapshot, t.tableVersion());
        assertEquals(expected.split(" ")[0], String.valueOf(t.targetRows()), "rows counted with Spark");
        assertEquals(t.sourceRows(), t.targetRows());
        assertEquals(t.sourceFiles(), t.targetFiles());
        assertEquals("yes", t.schemaEqual());
        assertTrue(t.note().contains("rows counted with Spark") && t.note().contains("3 delete files"), t.note());
        // Found by this check: the rewritten manifests keep the position deletes' source sizes (Iceberg 1.10.0).
        assertTrue(t.note().contains("3 position-delete file(s) at the target differ in size")
                && t.note().contains("apache/iceberg#12554"), t.note());
        assertTrue(out.contains("Iceberg metadata rewritten for the target deleted"), out);
        assertEquals(List.of(), oci.list("logs", "lakeshift/" + LogFormat.runFolder("df1") + "iceberg-staging/"),
                "the staged metadata is deleted once the table landed");

        // Another reader, through the connector: both tables as their sources, the plain copy not at all.
        List<String> read = ChildJvm.java();
        read.addAll(List.of("-cp", PeerClasspath.resolve(PEER, "dataflow-delta") + File.pathSeparator
                + Path.of("target/test-classes").toAbsolutePath()));
        oci.connectorConf().forEach((k, v) -> read.add("-D" + k + "=" + v));
        String ns = oci.namespace();
        read.addAll(List.of(IcebergReadBack.class.getName(), target + "sales/orders",
                "oci://s3ice@" + ns + "/lake/sales/orders", "oci://s3off@" + ns + "/lake/sales/orders"));
        String back = ChildJvm.runToEnd(dir, read, "read back");
        assertTrue(back.contains("FINGERPRINT " + target + "sales/orders " + expected), expected + "\n" + back);
        assertTrue(back.contains("FINGERPRINT oci://s3ice@" + ns + "/lake/sales/orders " + fingerprint(s3Table)),
                fingerprint(s3Table) + "\n" + back);
        assertTrue(back.contains("UNREADABLE oci://s3off@" + ns + "/lake/sales/orders") && back.contains("s3a"),
                back);
    }

    @Test
    @Order(3)
    void aCopyAlteredAtTheTargetMakesTheRunExitWithFiveAndTheRecordSaysWhat() throws Exception {
        Path folder = dir.resolve("copy");
        Path logs = dir.resolve("log-copy");
        String[] args = {"migrate", "--source", dir.resolve("lake").toUri().toString(), "--target",
                folder.toUri().toString(), "--log", logs.toUri().toString(), "--table-verify", "rows", "--run-id"};
        JobRuns.Outcome first = jobs.exec(with(args, "c1"));
        assertEquals(Main.OK, first.code(), first.toString());
        assertEquals("equal", tableRecord(localLog(logs, "c1")).tableCheck());
        assertFalse(hasFiles(logs.resolve(LogFormat.runFolder("c1")).resolve("iceberg-staging")),
                "the staged metadata is deleted once the table landed");

        // A data object the current snapshot names, garbled at the target, its size and time kept: the next run takes
        // it as copied. Named from the table, not the folder: a folder can also hold files no snapshot names (a failed
        // write task's), which no table check reads, and a walk's order is the file system's.
        String live = spark.sql("SELECT file_path FROM lsvlocal.sales.orders.files WHERE content = 0"
                + " ORDER BY file_path").first().getString(0);
        String below = live.substring(live.indexOf("/sales/orders/") + "/sales/orders/".length());
        Path data = folder.resolve("sales/orders").resolve(below);
        assertTrue(Files.isRegularFile(data), data + " was copied");
        FileTime time = Files.getLastModifiedTime(data);
        byte[] bad = Files.readAllBytes(data);
        java.util.Arrays.fill(bad, 4, bad.length - 8, (byte) 0);
        Files.write(data, bad);
        Files.setLastModifiedTime(data, time);

        JobRuns.Outcome second = jobs.exec(with(args, "c2"));
        List<MigrationRecord> c2 = localLog(logs, "c2");
        MigrationRecord garbled = c2.stream().filter(r -> ("sales/orders/" + below).equals(r.sourceName()))
                .findFirst().orElseThrow(() -> new AssertionError("no record of " + below + " in " + c2));
        assertEquals(Status.EQUAL, garbled.status(), "taken as copied: " + garbled);
        assertEquals(Main.TABLE_MISMATCH, second.code(), second.toString());
        MigrationRecord t = tableRecord(c2);
        assertEquals("mismatch", t.tableCheck(), t.toString());
        assertTrue(t.error().contains("cannot read the target at snapshot " + t.tableVersion()), t.error());
        assertTrue(second.out().contains("Iceberg metadata rewritten for the target kept at"), second.out());
        assertTrue(hasFiles(logs.resolve(LogFormat.runFolder("c2")).resolve("iceberg-staging")),
                "kept when a table differs");
    }

    private static String[] with(String[] args, String runId) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = runId;
        return all;
    }

    private static boolean hasFiles(Path folder) throws Exception {
        if (!Files.exists(folder)) {
            return false;
        }
        try (var files = Files.walk(folder)) {
            return files.anyMatch(Files::isRegularFile);
        }
    }

    private static List<MigrationRecord> localLog(Path logs, String runId) throws Exception {
        List<MigrationRecord> records = new ArrayList<>();
        try (var files = Files.walk(logs.resolve(LogFormat.runFolder(runId)), 1)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
                records.addAll(LogFormat.parseLines(Files.readAllBytes(f)));
            }
        }
        return records;
    }
}
