package io.lakeshift.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.bmc.objectstorage.responses.HeadObjectResponse;
import io.lakeshift.cli.Main;
import io.lakeshift.config.ConfigLoader;
import io.lakeshift.log.LogFormat;
import io.lakeshift.log.MigrationRecord;
import io.lakeshift.log.RunSummary;
import io.lakeshift.log.Status;
import io.lakeshift.testing.EmulatorFixture;
import io.lakeshift.testing.Lakes;
import io.lakeshift.testing.SparkTestSession;
import io.lakeshift.verify.Md5;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The real job, Spark local[2], from a local lake into the OCI emulator; everything read back through the SDK. */
class MigrationJobIT {
    @RegisterExtension
    static final EmulatorFixture oci = EmulatorFixture.perClass();

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        SparkTestSession.get();
    }

    @Test
    void migratesEveryFileByteForByteAndLogsIt() throws Exception {
        oci.createBucket("lake");
        Path lake = dir.resolve("lake");
        Map<String, Path> files = new TreeMap<>();
        files.put("big/multipart.bin", Lakes.write(lake, "big/multipart.bin", (int) (5.5 * (1 << 20)), 1));
        files.put("big/exact-3-parts.bin", Lakes.write(lake, "big/exact-3-parts.bin", 3 << 20, 2));
        files.put("empty/zero.bin", Lakes.write(lake, "empty/zero.bin", 0, 3));
        for (String name : List.of("with space/a b.txt", "unicode/données-ü-日本.dat", "chars/a#b%c+d.txt",
                "chars/100%25 + #1.txt", "a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/deep.dat")) {
            files.put(name, Lakes.write(lake, name, 1000 + name.length(), name.hashCode()));
        }
        for (int i = 0; i < 1000; i++) {
            String name = String.format("small/%02d/part-%04d.bin", i % 10, i);
            files.put(name, Lakes.write(lake, name, 100 + (i * 37) % 2000, i));
        }
        Lakes.write(lake, "small/_SUCCESS", 0, 0);
        Lakes.write(lake, "small/part-0000.bin.crc", 12, 0);
        Lakes.write(lake, "small/_temporary/0/task/part-9.bin", 50, 0);

        RunSummary summary = run(lake.toUri().toString(), "oci://lake@" + oci.namespace() + "/imported/",
                "--multipart-threshold", "2MiB", "--part-size", "1MiB", "--parallel-parts", "3",
                "--run-id", "full-1", "--progress-interval", "1");

        assertEquals(files.size(), summary.filesTotal());
        assertEquals(Map.of("new", (long) files.size()), summary.files());
        assertEquals(0, summary.failedCount());
        assertEquals(3, summary.skipped());

        List<String> objects = oci.list("lake", "imported/");
        TreeSet<String> expectedNames = new TreeSet<>();
        files.keySet().forEach(k -> expectedNames.add("imported/" + k));
        assertEquals(expectedNames, new TreeSet<>(objects));
        for (Map.Entry<String, Path> f : files.entrySet()) {
            assertEquals(Lakes.sha256(f.getValue()), Lakes.sha256(oci.get("lake", "imported/" + f.getKey())),
                    f.getKey());
        }

        HeadObjectResponse multipart = oci.head("lake", "imported/big/multipart.bin");
        assertNotNull(multipart.getOpcMultipartMd5());
        assertTrue(multipart.getOpcMultipartMd5().endsWith("-6"), multipart.getOpcMultipartMd5());
        assertEquals(String.valueOf(Files.size(files.get("big/multipart.bin"))),
                multipart.getOpcMeta().get("lakeshift-source-size"));
        HeadObjectResponse exact = oci.head("lake", "imported/big/exact-3-parts.bin");
        assertTrue(exact.getOpcMultipartMd5().endsWith("-3"), exact.getOpcMultipartMd5());
        HeadObjectResponse single = oci.head("lake", "imported/chars/a#b%c+d.txt");
        assertEquals(single.getContentMd5(), single.getOpcMeta().get("lakeshift-md5"));

        Map<String, MigrationRecord> log = readLog("_lakeshift/logs/run_id=full-1/");
        assertEquals(files.keySet(), log.keySet());
        for (Map.Entry<String, Path> f : files.entrySet()) {
            MigrationRecord r = log.get(f.getKey());
            byte[] content = Files.readAllBytes(f.getValue());
            assertEquals(Status.NEW, r.status());
            assertEquals("imported/" + f.getKey(), r.targetName());
            assertEquals(content.length, r.sourceSize());
            assertEquals(Long.valueOf(content.length), r.targetSize());
            assertEquals(Md5.base64(Md5.of(content, 0, content.length)), r.md5(), f.getKey());
            assertEquals("full-1", r.runId());
            assertNull(r.error());
        }
        assertEquals(6, log.get("big/multipart.bin").parts());
        assertEquals(1, log.get("empty/zero.bin").parts());
        RunSummary written = LogFormat.parseSummary(oci.get("lake", "_lakeshift/logs/run_id=full-1/summary.json"));
        assertEquals(summary.files(), written.files());
        assertEquals(summary.bytesTotal(), written.bytesTotal());
        assertTrue(oci.openUploads("lake").isEmpty());
    }

    @Test
    void aFileFailingMidwayIsLoggedFailedLeavesNothingAndTheOthersLand() throws Exception {
        oci.createBucket("faults");
        Path lake = dir.resolve("lake");
        List<String> good = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            good.add("ok/file-" + i + ".bin");
            Lakes.write(lake, "ok/file-" + i + ".bin", 3000 + i, i);
        }
        good.add("ok/big-fine.bin");
        Lakes.write(lake, "ok/big-fine.bin", 4 << 20, 99);
        Lakes.write(lake, "bad/broken-big.bin", 4 << 20, 7);
        Lakes.write(lake, "bad/broken-small.bin", 100_000, 8);
        Path logDir = dir.resolve("logs");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("migrate", "--source", lake.toUri().toString(),
                "--target", "oci://faults@" + oci.namespace() + "/", "--multipart-threshold", "1MiB",
                "--part-size", "1MiB", "--run-id", "faults-1", "--log", logDir.toUri().toString(),
                "--progress-interval", "0"));
        args.addAll(oci.ociArgs());
        int code = Main.run(args.toArray(String[]::new), new PrintStream(out), new PrintStream(err));

        String stderr = err.toString(StandardCharsets.UTF_8);
        assertEquals(Main.FILES_FAILED, code, stderr);
        assertTrue(stderr.contains("2 of 23 files failed"), stderr);
        assertEquals(new TreeSet<>(good), new TreeSet<>(oci.list("faults", "ok/")));
        assertTrue(oci.list("faults", "bad/").isEmpty(), "a failed file never becomes an object");
        assertTrue(oci.openUploads("faults").isEmpty(), "the multipart upload was aborted");

        Path runLog = logDir.resolve("run_id=faults-1");
        Map<String, MigrationRecord> log = new HashMap<>();
        try (Stream<Path> parts = Files.list(runLog)) {
            for (Path p : parts.filter(p -> p.getFileName().toString().endsWith(".jsonl")).toList()) {
                LogFormat.parseLines(Files.readAllBytes(p)).forEach(r -> log.put(r.sourceName(), r));
            }
        }
        assertEquals(23, log.size());
        for (String bad : List.of("bad/broken-big.bin", "bad/broken-small.bin")) {
            MigrationRecord r = log.get(bad);
            assertEquals(Status.FAILED, r.status(), bad);
            assertNull(r.targetSize(), bad);
            assertTrue(r.error().contains("simulated disk error"), r.error());
        }
        good.forEach(g -> assertEquals(Status.NEW, log.get(g).status(), g));
        RunSummary summary = LogFormat.parseSummary(Files.readAllBytes(runLog.resolve("summary.json")));
        assertEquals(2, summary.failedCount());
        assertEquals(2, summary.failedFiles().size());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("FAILED   bad/broken-"), out.toString());
    }

    @Test
    void unknownBucketIsOneLineNamingItAndNothingRuns() throws Exception {
        Path lake = dir.resolve("lake");
        Lakes.write(lake, "x.bin", 10, 1);
        String stderr = runExpecting(Main.CANNOT_RUN, "--source", lake.toUri().toString(),
                "--target", "oci://no-such-bucket@" + oci.namespace() + "/");
        assertEquals(1, stderr.strip().lines().count(), stderr);
        assertTrue(stderr.contains("bucket 'no-such-bucket' not found in namespace '" + oci.namespace() + "'"),
                stderr);
    }

    @Test
    void namesOciCannotStoreStopTheRunBeforeAnyUpload() throws Exception {
        oci.createBucket("names");
        Path lake = dir.resolve("lake");
        Lakes.write(lake, "fine.bin", 10, 1);
        String longPath = String.join("/", "x".repeat(250), "y".repeat(250), "z".repeat(250), "w".repeat(250),
                "v".repeat(60) + ".bin");
        Lakes.write(lake, longPath, 10, 2);
        String stderr = runExpecting(Main.CANNOT_RUN, "--source", lake.toUri().toString(),
                "--target", "oci://names@" + oci.namespace() + "/");
        assertTrue(stderr.contains("1 source file(s) have names OCI Object Storage cannot store"), stderr);
        assertTrue(stderr.contains("1068 bytes of UTF-8; OCI allows 1024"), stderr);
        assertTrue(oci.list("names", "").isEmpty(), "nothing is uploaded when the plan is rejected");
    }

    @Test
    void missingOrEmptySourceIsNamed() throws Exception {
        oci.createBucket("empty");
        Path missing = dir.resolve("nope");
        String stderr = runExpecting(Main.CANNOT_RUN, "--source", missing.toUri().toString(),
                "--target", "oci://empty@" + oci.namespace() + "/");
        assertTrue(stderr.contains("source " + missing.toUri() + " does not exist; check --source"), stderr);
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Lakes.write(empty, "_SUCCESS", 0, 0);
        stderr = runExpecting(Main.CANNOT_RUN, "--source", empty.toUri().toString(),
                "--target", "oci://empty@" + oci.namespace() + "/");
        assertTrue(stderr.contains("holds no files to migrate (1 bookkeeping files skipped"), stderr);
    }

    private static String runExpecting(int expectedCode, String... args) {
        List<String> all = new ArrayList<>(List.of("migrate"));
        all.addAll(List.of(args));
        all.addAll(oci.ociArgs());
        all.addAll(List.of("--progress-interval", "0"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(all.toArray(String[]::new), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err));
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertEquals(expectedCode, code, stderr);
        assertFalse(stderr.contains("\tat "), "no stack trace: " + stderr);
        return stderr;
    }

    private static RunSummary run(String source, String target, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("--source", source, "--target", target));
        args.addAll(List.of(options));
        args.addAll(oci.ociArgs());
        return new MigrationJob(SparkTestSession.get(), System.out).run(ConfigLoader.load(args));
    }

    private static Map<String, MigrationRecord> readLog(String prefix) throws Exception {
        Map<String, MigrationRecord> records = new TreeMap<>();
        for (String name : oci.list("lake", prefix)) {
            if (name.endsWith(".jsonl")) {
                for (MigrationRecord r : LogFormat.parseLines(oci.get("lake", name))) {
                    assertNull(records.put(r.sourceName(), r), "one line per file: " + r.sourceName());
                }
            }
        }
        return records;
    }
}
