package io.lakeshift.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta.tables.DeltaTable;
import io.lakeshift.cli.Main;
import io.lakeshift.log.LogFormat;
import io.lakeshift.log.MigrationRecord;
import io.lakeshift.log.Status;
import io.lakeshift.table.Table;
import io.lakeshift.table.TableCheck;
import io.lakeshift.table.TableCopy;
import io.lakeshift.table.TableFormat;
import io.lakeshift.testing.ChildJvm;
import io.lakeshift.testing.DeltaReadBack;
import io.lakeshift.testing.EmulatorFixture;
import io.lakeshift.testing.JobRuns;
import io.lakeshift.testing.PeerClasspath;
import io.lakeshift.testing.S3Fixture;
import io.lakeshift.testing.SparkTestSession;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A copied Delta table verified as a table (docs/tables.md, "Verify as a table"). The table has four versions
 * (two appends, a delete, a schema change) and partitions. On a Data-Flow-like runtime (the Data Flow jar under
 * spark-submit on Spark 3.5.0, Delta Lake 3.1.0 and Oracle's oci-hdfs-connector: bench/peers/dataflow-delta) the
 * job opens the copy at oci:// and finds it equal; the test reads it back through the connector in another JVM
 * with the same rows and content checksum as the source. Without the connector the table is "not verified", with
 * the reason. A table in S3 (s3proxy) migrated to a Hadoop folder is verified in this JVM; a data object deleted
 * at the target, or a corrupted one, is a mismatch.
 */
class DeltaVerifyIT {
    private static final String PEER = DataflowSubmit.PEER;
    @RegisterExtension
    static final EmulatorFixture oci = EmulatorFixture.perClass("verify", "nofs", "logs");
    @RegisterExtension
    static final S3Fixture s3 = S3Fixture.perClass("lake");
    private static final JobRuns jobs = new JobRuns(oci);

    @TempDir
    static Path dir;
    static String table;

    @BeforeAll
    static void write() throws Exception {
        SparkSession spark = SparkTestSession.get();
        table = dir.resolve("lake/sales/orders").toUri().toString();
        append(spark, 0, 40, false); // version 0
        append(spark, 40, 30, false); // 1
        DeltaTable.forPath(spark, table).delete("id % 7 = 0"); // 2
        append(spark, 70, 20, true); // 3: a new column
        try (var files = Files.walk(dir.resolve("lake"))) { // the same lake in S3
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                s3.put("lake", "tables/" + dir.resolve("lake").relativize(f).toString().replace(File.separatorChar, '/'),
                        Files.readAllBytes(f));
            }
        }
    }

    private static void append(SparkSession spark, int from, int n, boolean note) {
        Dataset<Row> rows = spark.range(from, from + n).toDF("id")
                .withColumn("p", functions.expr("id % 3"))
                .withColumn("name", functions.expr("concat('order-', id)"));
        if (note) {
            rows = rows.withColumn("note", functions.expr("concat('n', id * 2)"));
        }
        rows.repartition(2).write().format("delta").mode(SaveMode.Append).option("mergeSchema", "true")
                .partitionBy("p").save(table);
    }

    private static String sourceFingerprint() {
        return DeltaReadBack.fingerprint(SparkTestSession.get().read().format("delta").option("versionAsOf", 3)
                .load(table));
    }

    private static MigrationRecord tableRecord(List<MigrationRecord> records) {
        List<MigrationRecord> tables = records.stream().filter(r -> r.status() == Status.TABLE).toList();
        assertEquals(1, tables.size(), records.toString());
        return tables.get(0);
    }

    @Test
    void onADataFlowRuntimeTheCopyIsOpenedThroughOciHdfsConnectorAndFoundEqual() throws Exception {
        String target = "oci://verify@" + oci.namespace() + "/lake/";
        // Delta Lake 3.1.0's DeltaLog refuses a session without its extension and catalog
        // (DeltaLog.checkRequiredConfigurations, spark.databricks.delta.requiredSparkConfsCheck.enabled);
        // spark-submit must give them, as Data Flow does for a run with spark.oracle.deltalake.version.
        String out = DataflowSubmit.run(oci, dir, Map.of("source", dir.resolve("lake").toUri().toString(), "target",
                target, "log", "oci://logs@" + oci.namespace() + "/lakeshift/"),
                List.of("--run-id", "df1", "--table-verify", "rows"),
                Map.of("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension",
                        "spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog"));

        List<MigrationRecord> log = new ArrayList<>();
        for (String name : oci.list("logs", "lakeshift/" + LogFormat.runFolder("df1"))) {
            if (name.endsWith(".jsonl")) {
                log.addAll(LogFormat.parseLines(oci.get("logs", name)));
            }
        }
        MigrationRecord t = tableRecord(log);
        assertEquals("equal", t.tableCheck(), t + "\n" + out);
        assertEquals("sales/orders/", t.sourceName());
        assertEquals("delta", t.tableFormat());
        assertEquals(3L, t.tableVersion());
        assertEquals(t.sourceRows(), t.targetRows());
        assertEquals(sourceFingerprint().split(" ")[0], String.valueOf(t.targetRows()), "rows counted with Spark");
        assertEquals(t.sourceFiles(), t.targetFiles());
        assertEquals("yes", t.schemaEqual());
        assertTrue(t.note().contains("rows counted with Spark"), t.note());

        // The same table from S3 (s3proxy) into the emulator, by the tests' JVM (no connector here: not verified).
        String fromS3 = "oci://verify@" + oci.namespace() + "/from-s3/";
        List<String> s3Run = new ArrayList<>(List.of("migrate", "--source", "s3a://lake/tables", "--target", fromS3,
                "--run-id", "s3df"));
        s3Run.addAll(s3.s3Args());
        JobRuns.Outcome copied = jobs.main(s3Run.toArray(String[]::new));
        assertEquals(Main.OK, copied.code(), copied.toString());

        // Both read back by another reader through the connector: the same rows, content and columns.
        List<String> read = ChildJvm.java();
        read.addAll(List.of("-cp", PeerClasspath.resolve(PEER, "dataflow-delta") + File.pathSeparator
                + Path.of("target/test-classes").toAbsolutePath()));
        oci.connectorConf().forEach((k, v) -> read.add("-D" + k + "=" + v));
        read.addAll(List.of(DeltaReadBack.class.getName(), "3", target + "sales/orders/", fromS3 + "sales/orders/"));
        String back = ChildJvm.runToEnd(dir, read, "read back");
        for (String copy : List.of(target, fromS3)) {
            assertTrue(back.contains("FINGERPRINT " + copy + "sales/orders/ " + sourceFingerprint()),
                    copy + ": " + sourceFingerprint() + "\n" + back);
        }
    }

    @Test
    void withoutTheConnectorTheTableIsReportedNotVerifiedWithTheReason() throws Exception {
        JobRuns.Outcome run = jobs.main("migrate", "--source", dir.resolve("lake").toUri().toString(),
                "--target", "oci://nofs@" + oci.namespace() + "/lake/", "--run-id", "n1");
        assertEquals(Main.OK, run.code(), run.toString()); // the copy stands; the table is only not verified
        MigrationRecord t = tableRecord(new ArrayList<>(jobs.log("nofs", "n1").values()));
        assertEquals("not verified", t.tableCheck());
        assertTrue(t.note().contains("no Hadoop file system for oci://"), t.note());
        assertTrue(run.out().contains("verified as a table: NOT VERIFIED"), run.out());
    }

    @Test
    void aTableInS3IsMigratedAndVerifiedAndAMissingOrCorruptedDataObjectIsAMismatch() throws Exception {
        Path folder = dir.resolve("from-s3");
        List<String> args = new ArrayList<>(List.of("migrate", "--source", "s3a://lake/tables",
                "--target", folder.toUri().toString(), "--run-id", "s1"));
        args.addAll(s3.s3Args());
        JobRuns.Outcome run = jobs.exec(args.toArray(String[]::new));
        assertEquals(Main.OK, run.code(), run.toString());
        MigrationRecord t = tableRecord(localLog(folder, "s1"));
        assertEquals("equal", t.tableCheck(), t.toString());
        assertEquals(t.sourceRows(), t.targetRows());
        assertNotNull(t.sourceRows(), "from the log's numRecords stats");
        assertTrue(t.note().contains("numRecords"), t.note());
        String copied = folder.resolve("sales/orders").toUri().toString();
        assertEquals(sourceFingerprint(), DeltaReadBack.fingerprint(SparkTestSession.get().read().format("delta")
                .load(copied)));

        // A data object lost at the target after the copy: the metadata check finds it by its listing.
        DeltaVerifier verifier = new DeltaVerifier(SparkTestSession.get());
        TableCopy copy = new TableCopy(new Table(TableFormat.DELTA, "sales/orders/"), 3, table, copied, false);
        Path lost;
        try (var files = Files.walk(folder.resolve("sales/orders"))) {
            lost = files.filter(f -> f.toString().endsWith(".parquet") && f.toString().contains("p=1")
                    && !f.toString().contains("_delta_log")).findFirst().orElseThrow();
        }
        byte[] kept = Files.readAllBytes(lost);
        Files.delete(lost);
        TableCheck missing = verifier.verify(copy, Map.of());
        assertEquals(TableCheck.Outcome.MISMATCH, missing.outcome(), missing.toString());
        assertTrue(missing.note().contains("missing at the target"), missing.note());
        assertEquals(missing.sourceFiles() - 1, missing.targetFiles());

        // A corrupted object of the same size: counting the rows reads it, and fails to.
        byte[] bad = kept.clone();
        java.util.Arrays.fill(bad, 4, bad.length - 8, (byte) 0);
        Files.write(lost, bad);
        TableCheck corrupt = verifier.verify(new TableCopy(copy.table(), 3, table, copied, true), Map.of());
        assertEquals(TableCheck.Outcome.MISMATCH, corrupt.outcome(), corrupt.toString());
        assertTrue(corrupt.note().contains("cannot read the target"), corrupt.note());
    }

    private static List<MigrationRecord> localLog(Path target, String runId) throws Exception {
        List<MigrationRecord> records = new ArrayList<>();
        try (var files = Files.walk(target)) {
            for (Path f : files.filter(f -> f.toString().contains(LogFormat.runFolder(runId))
                    && f.toString().endsWith(".jsonl")).toList()) {
                records.addAll(LogFormat.parseLines(Files.readAllBytes(f)));
            }
        }
        assertTrue(records.stream().allMatch(r -> r.runId().equals(runId)));
        return records;
    }
}
