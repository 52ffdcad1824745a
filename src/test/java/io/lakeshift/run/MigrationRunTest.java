package io.lakeshift.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.config.ConfigLoader;
import io.lakeshift.log.RunSummary;
import io.lakeshift.log.TableSummary;
import io.lakeshift.log.LogFormat;
import io.lakeshift.log.MigrationRecord;
import io.lakeshift.log.Status;
import io.lakeshift.table.TableCheck;
import io.lakeshift.table.TableCopy;
import io.lakeshift.table.TableVerifier;
import io.lakeshift.table.TableReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole driver flow, without Spark: a file:// lake into a file:// target through {@link InThreadCluster}. */
class MigrationRunTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final InThreadCluster cluster = new InThreadCluster();

    private RunSummary run(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("--source", tmp.resolve("lake").toUri().toString(),
                "--target", tmp.resolve("target").toUri().toString(), "--progress-interval", "0"));
        args.addAll(List.of(extra));
        return new MigrationRun(cluster, new PrintStream(console, true, StandardCharsets.UTF_8))
                .run(ConfigLoader.load(args));
    }

    private void lake(String name, String content) throws Exception {
        Path f = tmp.resolve("lake").resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, content);
    }

    @Test
    void copiesEveryFileAndLogsTheRunThenFindsThemEqual() throws Exception {
        lake("a/one.txt", "one");
        lake("b/two.txt", "two!");
        RunSummary first = run("--run-id", "r1");
        assertTrue(first.succeeded(), first.toString());
        assertEquals(2, first.filesTotal());
        assertArrayEquals("two!".getBytes(), Files.readAllBytes(tmp.resolve("target/b/two.txt")));
        assertEquals(2, cluster.filesDone.get(), "every file reported once to the progress line");
        Path runFolder = tmp.resolve("target/_lakeshift/logs");
        try (var files = Files.walk(runFolder)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.contains("summary.json"), names.toString());
            assertTrue(names.contains("started.json"), names.toString());
        }
        RunSummary second = run("--run-id", "r2");
        assertEquals(0, second.bytesSent(), "the second run finds both files equal and sends nothing");
    }

    @Test
    void aBudgetLeavesFilesForTheNextRunWhichContinues() throws Exception {
        lake("a/1.txt", "1".repeat(100));
        lake("a/2.txt", "2".repeat(100));
        lake("a/3.txt", "3".repeat(100));
        RunSummary first = run("--run-id", "b1", "--max-transfer", "250");
        assertTrue(first.succeeded(), first.toString());
        assertTrue(first.stopped());
        assertEquals("max-transfer", first.stoppedBy());
        assertEquals(1, first.notStarted());
        assertEquals(100, first.notStartedBytes());
        assertEquals(2L, first.files().get("new"));
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("--max-transfer 250 B: 1 files (100 B) left"
                + " for the next run"), console.toString(StandardCharsets.UTF_8));
        RunSummary second = run("--run-id", "b2", "--max-transfer", "250");
        assertEquals(1L, second.files().get("new"));
        assertEquals(2L, second.files().get("equal"), "equal files cost nothing from the budget");
        assertFalse(second.stopped());
    }

    @Test
    void keepMarkersOnAHadoopTargetKeepsTheSuccessFlagsOnly() throws Exception {
        lake("t/part-0.txt", "rows");
        lake("t/_SUCCESS", "");
        Files.createDirectories(tmp.resolve("lake/t/empty"));
        RunSummary s = run("--run-id", "m1", "--keep-markers");
        assertEquals(2L, s.files().get("new"));
        assertTrue(Files.isRegularFile(tmp.resolve("target/t/_SUCCESS")));
        assertFalse(Files.exists(tmp.resolve("target/t/empty")), "no folder markers on a file-system target");
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("empty folders are not kept on a Hadoop"
                + " file-system target"), console.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aDryRunWritesThePlanAndCopiesNothing() throws Exception {
        lake("x.txt", "x");
        run("--dry-run", "--run-id", "p1");
        assertFalse(Files.exists(tmp.resolve("target/x.txt")));
        try (var files = Files.walk(tmp.resolve("target"))) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().equals("plan.json")));
        }
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("x.txt"), console.toString());
    }

    @Test
    void anEmptySourceIsRefusedBeforeAnythingIsWritten() throws Exception {
        Files.createDirectories(tmp.resolve("lake"));
        JobException e = assertThrows(JobException.class, () -> run());
        assertTrue(e.getMessage().contains("holds no files to migrate"), e.getMessage());
        assertTrue(cluster.runs.isEmpty(), "nothing reached the cluster");
    }

    @Test
    void syncRefusesMoreDeletesThanMaxDeleteAndChangesNothing() throws Exception {
        lake("keep.txt", "k");
        Files.createDirectories(tmp.resolve("target"));
        Files.writeString(tmp.resolve("target/old1.txt"), "1");
        Files.writeString(tmp.resolve("target/old2.txt"), "2");
        JobException e = assertThrows(JobException.class, () -> run("--mode", "sync", "--max-delete", "1"));
        assertTrue(e.getMessage().startsWith("sync would delete 2 objects"), e.getMessage());
        assertTrue(Files.exists(tmp.resolve("target/old1.txt")));
        assertTrue(cluster.runs.isEmpty());
    }

    @Test
    void aTargetInsideTheSourceIsRefused() throws Exception {
        lake("f.txt", "f");
        List<String> args = List.of("--source", tmp.resolve("lake").toUri().toString(), "--target",
                tmp.resolve("lake/copy").toUri().toString());
        assertThrows(JobException.class, () -> new MigrationRun(cluster, new PrintStream(console))
                .run(ConfigLoader.load(args)));
        assertTrue(cluster.runs.isEmpty());
    }

    /** A Delta table's files, and a reader that says version 0 references only {@code a.parquet}. */
    private RunSummary runWithTable(String... extra) throws Exception {
        lake("t/_delta_log/00000000000000000000.json", "{}");
        lake("t/a.parquet", "data of version 0");
        lake("t/old.parquet", "no version references me");
        lake("plain.txt", "p");
        List<String> args = new ArrayList<>(List.of("--source", tmp.resolve("lake").toUri().toString(),
                "--target", tmp.resolve("target").toUri().toString(), "--progress-interval", "0"));
        args.addAll(List.of(extra));
        TableReader reader = (uri, version, time, hadoop) -> new TableReader.DeltaVersion(version,
                java.util.Set.of("a.parquet"));
        return new MigrationRun(cluster, reader, verifier, new PrintStream(console, true, StandardCharsets.UTF_8))
                .run(ConfigLoader.load(args));
    }

    private TableVerifier verifier = TableVerifier.NONE;

    /** The records of one run's log below the local target (JSON lines). */
    private List<MigrationRecord> logOf(String runId) throws Exception {
        List<MigrationRecord> records = new ArrayList<>();
        try (var files = Files.walk(tmp.resolve("target"))) {
            for (java.nio.file.Path f : files.filter(f -> f.toString().contains("run_id=" + runId + "/")
                    && f.toString().endsWith(".jsonl")).toList()) {
                records.addAll(LogFormat.parseLines(Files.readAllBytes(f)));
            }
        }
        return records;
    }

    @Test
    void eachCopiedTableIsVerifiedAfterItsLogAndAMismatchIsOneTableRecordAndInTheSummary() throws Exception {
        List<TableCopy> asked = new ArrayList<>();
        verifier = (copy, hadoop) -> {
            asked.add(copy);
            assertTrue(Files.exists(tmp.resolve("target/t/_delta_log/00000000000000000000.json")), "after the log");
            return new TableCheck(copy, TableCheck.Outcome.MISMATCH, 5L, 4L, 1L, 0L, true, "1 file missing");
        };
        RunSummary summary = runWithTable("--parquet-check", "off", "--run-id", "t3", "--table-verify", "rows");

        assertEquals(1, asked.size());
        assertEquals(0L, asked.get(0).version());
        assertTrue(asked.get(0).countRows());
        assertTrue(asked.get(0).target().endsWith("/target/t/"), asked.get(0).target());
        assertTrue(summary.succeeded(), "every file landed");
        assertTrue(summary.tableMismatch());
        List<MigrationRecord> tables = logOf("t3").stream().filter(r -> r.status() == Status.TABLE).toList();
        assertEquals(1, tables.size());
        MigrationRecord t = tables.get(0);
        assertEquals("t/", t.sourceName());
        assertEquals("delta", t.tableFormat());
        assertEquals(0L, t.tableVersion());
        assertEquals(List.of(5L, 4L, 1L, 0L), List.of(t.sourceRows(), t.targetRows(), t.sourceFiles(),
                t.targetFiles()));
        assertEquals("yes", t.schemaEqual());
        assertEquals("mismatch", t.tableCheck());
        assertEquals("1 file missing", t.error());
        assertEquals(null, summary.files().get("table"), "a table is not counted as a file");
    }

    @Test
    void aFailedRunsTablesAreNotVerifiedAndTableVerifyOffWritesNoTableRecord() throws Exception {
        verifier = (copy, hadoop) -> {
            throw new AssertionError("not asked");
        };
        runWithTable("--parquet-check", "fail", "--run-id", "t4");
        MigrationRecord t = logOf("t4").stream().filter(r -> r.status() == Status.TABLE).findFirst().orElseThrow();
        assertEquals("not verified", t.tableCheck());
        assertTrue(t.note().contains("failed or were not started"), t.note());

        RunSummary off = runWithTable("--parquet-check", "off", "--run-id", "t5", "--table-verify", "off");
        assertTrue(logOf("t5").stream().noneMatch(r -> r.status() == Status.TABLE));
        assertEquals(null, off.tables().get(0).check());
    }

    @Test
    void aDeltaTablesLogIsCopiedInASecondPhaseAndUnreferencedFilesAreLeftOut() throws Exception {
        RunSummary summary = runWithTable("--parquet-check", "off", "--run-id", "t1");

        assertTrue(summary.succeeded(), summary.toString());
        assertEquals(2, cluster.runs.size(), "data, then the log");
        assertTrue(cluster.runs.get(0).partitions().stream().flatMap(List::stream)
                .noneMatch(f -> f.relativePath().contains("_delta_log")));
        assertEquals(List.of("t/_delta_log/00000000000000000000.json"), cluster.runs.get(1).partitions().stream()
                .flatMap(List::stream).map(f -> f.relativePath()).toList());
        assertTrue(Files.exists(tmp.resolve("target/t/_delta_log/00000000000000000000.json")));
        assertTrue(Files.exists(tmp.resolve("target/t/a.parquet")));
        assertFalse(Files.exists(tmp.resolve("target/t/old.parquet")), "unreferenced: reported, not copied");
        assertEquals(1L, summary.files().get("excluded"));
        assertEquals(List.of(TableSummary.found("delta", "t/", 0L, 2, 1)
                .checked("not verified", null, null, "no table reader in this run")), summary.tables());
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("table delta t/ version 0: 2 files, 1 left out"),
                console.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aFailedDataFileHoldsBackTheTablesLog() throws Exception {
        RunSummary summary = runWithTable("--parquet-check", "fail", "--run-id", "t2"); // a.parquet fails it

        assertFalse(summary.succeeded());
        assertEquals("t/a.parquet", summary.failedFiles().get(0).sourceName().replaceAll(".*/lake/", ""));
        assertFalse(Files.exists(tmp.resolve("target/t/_delta_log/00000000000000000000.json")),
                "no reader of the target sees a version whose files are missing");
        assertEquals(2L, summary.files().get("excluded"), "old.parquet, and the held-back log entry");
    }

    @Test
    void tablesOffCopiesATableAsPlainFilesInOnePhase() throws Exception {
        RunSummary summary = runWithTable("--parquet-check", "off", "--tables", "off");

        assertEquals(1, cluster.runs.size());
        assertTrue(Files.exists(tmp.resolve("target/t/old.parquet")));
        assertTrue(summary.tables().isEmpty());
    }
}
