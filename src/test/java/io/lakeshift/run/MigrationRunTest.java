package io.lakeshift.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.config.ConfigLoader;
import io.lakeshift.log.RunSummary;
import io.lakeshift.log.TableSummary;
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
        return new MigrationRun(cluster, reader, new PrintStream(console, true, StandardCharsets.UTF_8))
                .run(ConfigLoader.load(args));
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
        assertEquals(List.of(new TableSummary("delta", "t/", 0L, 2, 1)), summary.tables());
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
