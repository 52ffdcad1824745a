package io.lakeshift.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import io.lakeshift.log.LogFormat;
import io.lakeshift.log.MigrationRecord;
import io.lakeshift.log.RunSummary;
import io.lakeshift.plan.PlanException;
import io.lakeshift.source.HadoopSource;
import io.lakeshift.source.KeyRange;
import io.lakeshift.testing.AzuriteServer;
import io.lakeshift.testing.EmulatorFixture;
import io.lakeshift.testing.JobRuns;
import io.lakeshift.testing.Lakes;
import io.lakeshift.testing.S3Fixture;
import io.lakeshift.testing.SparkTestSession;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
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
 * subtrees, and the target by several key ranges; the sources are local, S3 (s3proxy, with a folder listed by key
 * range) and ADLS (Azurite), the targets OCI and a Hadoop file system.
 */
class PlanningEquivalenceIT {
    private static final AtomicInteger BUCKETS = new AtomicInteger();
    private static final String S3_BUCKET = "eq-lake";
    @RegisterExtension
    static final EmulatorFixture oci = EmulatorFixture.perClass();
    @RegisterExtension
    static final S3Fixture s3 = S3Fixture.perClass(S3_BUCKET);
    private static final JobRuns jobs = new JobRuns(oci);
    /** A folder or range of more than 20 entries is listed by key range (10,000 by default). */
    private static final int SPLIT = 20;

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

    /**
     * An S3 source (s3proxy) with one folder too big for one listing task: the executors list it by key range
     * (start-after and a stop key), and the plan is the same as the driver's flat listing gives, record for record.
     */
    @Test
    void anS3SourceWithAFolderListedByKeyRange() throws Exception {
        String root = "s3a://" + S3_BUCKET + "/lake/";
        for (int i = 0; i < 10; i++) {
            put("lake/d" + i + "/x/f-" + i + ".bin", 100 + i);
            put("lake/d" + i + "/g-" + i + ".bin", 50 + i);
        }
        put("lake/top.bin", 7);
        for (int i = 0; i < 75; i++) {
            put(String.format("lake/big/part-%05d.bin", i * 3), 10 + i);
        }
        for (String k : List.of("lake/big/_SUCCESS", "lake/big/part-01", "lake/big/part-02/x.bin",
                "lake/big/sub/deep/a.bin", "lake/big/q", "lake/big/\u00e9t\u00e9 1.bin", "lake/big/\u65e5/\u672c.bin",
                "lake/big/zz")) {
            put(k, k.length());
        }

        // The setting splits big/ into ranges; s3proxy lists them as the flat listing lists the folder.
        HadoopSource source = new HadoopSource(root, s3.s3aProperties(), SPLIT);
        List<KeyRange> ranges = new ArrayList<>();
        List<String> direct = new ArrayList<>();
        source.listFolder("big/", f -> direct.add(f.relativePath()), direct::add, ranges::add);
        assertEquals(List.of(), direct, "listed by range, not whole");
        assertTrue(ranges.size() > 2, ranges.toString());
        List<String> byRanges = new ArrayList<>();
        for (KeyRange r : ranges) {
            source.listRange(r, f -> byRanges.add(f.relativePath()));
        }
        List<String> whole = new ArrayList<>();
        source.listBelow("big/", f -> whole.add(f.relativePath()));
        assertEquals(83, whole.size(), whole.toString());
        assertEquals(new TreeSet<>(whole), new TreeSet<>(byRanges));
        assertEquals(whole.size(), byRanges.size(), "no key listed twice");

        String bucket = bucket();
        String target = "oci://" + bucket + "@" + oci.namespace() + "/s3/";
        runFrom(root, target, "s1", "distributed", s3.s3Args().toArray(String[]::new));
        put("lake/big/part-00030.bin", 999); // rewritten
        put("lake/big/part-00031.bin", 5); // new, between two bounds' neighbours
        s3.client().deleteObject(S3_BUCKET, "lake/big/part-00060.bin");
        oci.put(bucket, "s3/big/orphan.bin", new byte[4]);

        List<String> sync = new ArrayList<>(s3.s3Args());
        sync.addAll(List.of("--mode", "sync", "--dry-run", "--s3-list-split", String.valueOf(SPLIT)));
        RunSummary local = runFrom(root, target, "s-local", "local", sync.toArray(String[]::new));
        RunSummary distributed = runFrom(root, target, "s-dist", "distributed", sync.toArray(String[]::new));
        Map<String, String> a = records("s-local");
        assertEquals(a, records("s-dist"));
        assertEquals(local.files(), distributed.files());
        assertEquals(Map.of("equal", 101L, "updated", 1L, "new", 1L, "deleted", 2L), notes(a), "_SUCCESS is skipped");
    }

    /**
     * Names the first split cannot spread (numbers without leading zeros: the range after the first 20 holds
     * f-117 ... f-199 and f-12 ... f-19x), and a subtree below the levels listed one by one: every range or
     * subtree past 20 keys is split again while it is listed, no listing call takes more than 20 keys, every key
     * is listed once, and the cluster's plan is the driver's.
     */
    @Test
    void anS3RangeStillTooBigAfterTheSplitIsSplitAgain() throws Exception {
        String root = "s3a://" + S3_BUCKET + "/wide/";
        for (int i = 0; i < 300; i++) {
            put("wide/w/f-" + i + ".bin", 10 + i % 50);
        }
        for (int i = 0; i < 60; i++) {
            put(String.format("wide/deep/a/b/c/d/g-%03d.bin", i), 20 + i);
        }
        HadoopSource source = new HadoopSource(root, s3.s3aProperties(), SPLIT);
        List<KeyRange> first = new ArrayList<>();
        source.listFolder("w/", f -> fail("listed by range, not whole: " + f), d -> fail(d), first::add);
        long biggest = 0;
        for (KeyRange r : first) {
            List<String> keys = new ArrayList<>();
            source.listRange(r, f -> keys.add(f.relativePath()));
            biggest = Math.max(biggest, keys.size());
        }
        assertTrue(biggest > 3 * SPLIT, "the first split leaves a range of " + biggest + " keys");

        for (String folder : List.of("w/", "deep/")) {
            java.util.ArrayDeque<KeyRange> queue = new java.util.ArrayDeque<>(folder.equals("w/") ? first
                    : List.of(KeyRange.below(folder)));
            List<String> byRanges = new ArrayList<>();
            int calls = 0;
            while (!queue.isEmpty()) {
                List<String> keys = new ArrayList<>();
                source.listRange(queue.poll(), f -> keys.add(f.relativePath()), queue::add);
                assertTrue(keys.size() <= SPLIT, keys.size() + " keys in one call: " + keys);
                byRanges.addAll(keys);
                calls++;
            }
            List<String> whole = new ArrayList<>();
            source.listBelow(folder, f -> whole.add(f.relativePath()));
            assertEquals(folder.equals("w/") ? 300 : 60, whole.size());
            assertEquals(new TreeSet<>(whole), new TreeSet<>(byRanges), folder);
            assertEquals(whole.size(), byRanges.size(), "no key listed twice below " + folder);
            assertTrue(calls >= whole.size() / SPLIT, calls + " calls below " + folder);
        }

        String target = "oci://" + bucket() + "@" + oci.namespace() + "/wide/";
        List<String> args = new ArrayList<>(s3.s3Args());
        args.addAll(List.of("--dry-run", "--s3-list-split", String.valueOf(SPLIT)));
        RunSummary local = runFrom(root, target, "w-local", "local", args.toArray(String[]::new));
        RunSummary distributed = runFrom(root, target, "w-dist", "distributed", args.toArray(String[]::new));
        assertEquals(records("w-local"), records("w-dist"));
        assertEquals(360, distributed.filesTotal());
        assertEquals(local.files(), distributed.files());
    }

    /**
     * An ADLS source (Azurite, the native reader) into a Hadoop target: the top folders listed by level with the
     * delimiter, the subtrees flat on the executors, the same plan as the driver's.
     */
    @Test
    void anAdlsSourceListedBySubtreesToAHadoopTarget() throws Exception {
        try (AzuriteServer azurite = AzuriteServer.start()) {
            BlobContainerClient container = azurite.client().getBlobContainerClient("eqlake");
            container.create();
            for (int i = 0; i < 10; i++) {
                upload(container, "lake/d" + i + "/x/y/f-" + i + ".bin", 100 + i);
                upload(container, "lake/d" + i + "/g-" + i + ".bin", 50 + i);
            }
            upload(container, "lake/top.bin", 9);
            upload(container, "lake/t/p=0/\u00e9t\u00e9.bin", 11);
            String root = AzuriteServer.uri("eqlake", "lake");
            String target = dir.resolve("adls-target").toUri().toString();
            runFrom(root, target, "a1", "distributed", azurite.azureArgs().toArray(String[]::new));
            upload(container, "lake/d2/g-2.bin", 80); // rewritten
            upload(container, "lake/d9/x/z/new.bin", 3);
            container.getBlobClient("lake/d5/g-5.bin").delete();
            Files.write(dir.resolve("adls-target/d0/x/orphan.bin"), new byte[3]);

            List<String> sync = new ArrayList<>(azurite.azureArgs());
            sync.addAll(List.of("--mode", "sync", "--dry-run"));
            RunSummary local = runFrom(root, target, "a-local", "local", sync.toArray(String[]::new));
            RunSummary distributed = runFrom(root, target, "a-dist", "distributed", sync.toArray(String[]::new));
            Map<String, String> a = records("a-local");
            assertEquals(a, records("a-dist"));
            assertEquals(local.files(), distributed.files());
            assertEquals(Map.of("equal", 20L, "updated", 1L, "new", 1L, "deleted", 2L), notes(a));
        }
    }

    /**
     * --keep-markers to OCI, planned on the cluster too: empty folders at several depths (one listed empty by a
     * level, others found below the subtrees, a folder holding only empty folders, one inside a skipped
     * {@code _temporary/}) become the same marker records both ways; after a change, sync's plans (a new empty
     * folder, a marker whose folder filled up) agree too, and the copies of both ways compare as equal.
     */
    @Test
    void keepMarkersToOciArePlannedOnTheClusterAsOnTheDriver() throws Exception {
        Path markers = markersLake();
        String source = markers.toUri().toString();
        String bucket = bucket();
        String target = "oci://" + bucket + "@" + oci.namespace() + "/m/";
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        runFrom(print(console), source, target, "k1", "distributed", "--keep-markers");
        String cluster = console.toString(StandardCharsets.UTF_8);
        assertTrue(cluster.contains("on the cluster\n"), cluster);
        assertFalse(cluster.contains("planned on the driver"), cluster);
        assertEquals(List.of("m/a/d3/x/y/empty-deep/", "m/a/empty-mid/", "m/a/only-empties/p/",
                "m/a/only-empties/q/r/", "m/b/e1/", "m/b/e2/", "m/empty-top/"),
                oci.list(bucket, "m/").stream().filter(n -> n.endsWith("/")).sorted().toList(),
                "every empty folder and only those, nothing below _temporary/");
        assertEquals(0, oci.get(bucket, "m/empty-top/").length);

        Files.createDirectories(markers.resolve("a/d5/new-empty"));
        Lakes.write(markers, "a/empty-mid/now-a-file.bin", 12, 3);
        String[] sync = {"--keep-markers", "--mode", "sync", "--dry-run"};
        RunSummary local = runFrom(source, target, "kp-local", "local", sync);
        RunSummary distributed = runFrom(source, target, "kp-dist", "distributed", sync);
        Map<String, String> a = records("kp-local");
        assertEquals(a, records("kp-dist"));
        assertEquals(local.files(), distributed.files());
        assertEquals(local.skipped(), distributed.skipped());
        assertEquals("new", note(a, "m/a/d5/new-empty/"), a.toString());
        assertEquals("deleted", note(a, "m/a/empty-mid/"), a.toString());
        assertEquals("equal", note(a, "m/a/only-empties/q/r/"), a.toString());

        RunSummary again = runFrom(source, target, "k2", "local", "--keep-markers", "--mode", "sync");
        assertEquals(0, again.failedCount());
        RunSummary last = runFrom(source, target, "k3", "distributed", "--keep-markers", "--mode", "sync");
        assertEquals(Map.of("equal", last.filesTotal()), last.files(), "the markers compare as equal on the cluster");
    }

    /**
     * --keep-markers to a Hadoop file-system target keeps the _SUCCESS files only, and says so, either way; the
     * plans agree record for record.
     */
    @Test
    void keepMarkersToAHadoopTargetKeepOnlyTheSuccessFilesEitherWay() throws Exception {
        String source = markersLake().toUri().toString();
        String target = dir.resolve("marker-target").toUri().toString();
        String[] args = {"--keep-markers", "--dry-run"};
        ByteArrayOutputStream onDriver = new ByteArrayOutputStream();
        ByteArrayOutputStream onCluster = new ByteArrayOutputStream();
        runFrom(print(onDriver), source, target, "kh-local", "local", args);
        runFrom(print(onCluster), source, target, "kh-dist", "distributed", args);
        String driver = onDriver.toString(StandardCharsets.UTF_8);
        String cluster = onCluster.toString(StandardCharsets.UTF_8);
        Map<String, String> a = records("kh-local");
        assertEquals(a, records("kh-dist"));
        String line = "--keep-markers: empty folders are not kept on a Hadoop file-system target";
        assertTrue(driver.contains(line), driver);
        assertTrue(cluster.contains(line), cluster);
        assertTrue(cluster.contains("on the cluster\n"), cluster);
        assertFalse(cluster.contains("planned on the driver"), cluster);
        assertTrue(a.keySet().stream().anyMatch(k -> k.endsWith("t/_SUCCESS")), a.keySet().toString());
        assertTrue(a.keySet().stream().noneMatch(k -> k.endsWith("/")), a.keySet().toString());
    }

    /**
     * --keep-markers from S3 (s3proxy): a zero-byte {@code folder/} key with nothing below is an empty folder, found
     * by a level ({@code empty-top/}), below a subtree ({@code a/e/}) and inside a folder listed by key range, which
     * one task walks; the same markers both ways. S3A gives a folder the time it is asked about, so the markers'
     * times differ between any two runs and are left out of the comparison.
     */
    @Test
    void keepMarkersFromAnS3SourceWithASplitFolder() throws Exception {
        String root = "s3a://" + S3_BUCKET + "/mk/";
        put("mk/top.bin", 7);
        put("mk/empty-top/", 0);
        for (int i = 0; i < 10; i++) {
            put("mk/a/d" + i + "/f-" + i + ".bin", 20 + i);
        }
        put("mk/a/e/", 0);
        for (int i = 0; i < 30; i++) {
            put(String.format("mk/big/part-%05d.bin", i), 10 + i);
        }
        for (String k : List.of("mk/big/sub-empty/", "mk/big/deep/x.bin", "mk/big/deep/e/", "mk/big/full/",
                "mk/big/full/y.bin")) {
            put(k, k.endsWith("/") ? 0 : 5);
        }
        String target = "oci://" + bucket() + "@" + oci.namespace() + "/s3/";
        List<String> args = new ArrayList<>(s3.s3Args());
        args.addAll(List.of("--keep-markers", "--dry-run", "--s3-list-split", String.valueOf(SPLIT)));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        runFrom(root, target, "ks-local", "local", args.toArray(String[]::new));
        runFrom(print(console), root, target, "ks-dist", "distributed", args.toArray(String[]::new));
        String lines = console.toString(StandardCharsets.UTF_8);
        assertFalse(lines.contains("planned on the driver"), lines);
        Map<String, String> a = records("ks-local");
        assertEquals(a, records("ks-dist"), "the markers' times too: not S3A's time of asking");
        assertEquals(List.of("s3/a/e/", "s3/big/deep/e/", "s3/big/sub-empty/", "s3/empty-top/"),
                a.keySet().stream().filter(k -> k.endsWith("/")).map(k -> k.substring(k.indexOf("s3/"))).toList());
    }

    /**
     * Few top folders, so the executors list a level before the subtrees: {@code empty-top/} is found empty by that
     * level, the others by the walks below the subtrees.
     */
    private Path markersLake() throws Exception {
        Path m = dir.resolve("markers");
        Lakes.write(m, "top.bin", 100, 1);
        for (int i = 0; i < 10; i++) {
            Lakes.write(m, "a/d" + i + "/part-" + i + ".bin", 200 + i, 10 + i);
        }
        Lakes.write(m, "t/_SUCCESS", 0, 0);
        Lakes.write(m, "t/p=0/x.bin", 30, 2);
        for (String empty : List.of("empty-top", "a/empty-mid", "a/d3/x/y/empty-deep", "a/only-empties/p",
                "a/only-empties/q/r", "b/e1", "b/e2", "_temporary/0")) {
            Files.createDirectories(m.resolve(empty));
        }
        return m;
    }

    /** The note (the planned action) of the one record whose object name ends in {@code name}. */
    private static String note(Map<String, String> records, String name) {
        List<String> notes = records.entrySet().stream().filter(e -> e.getKey().endsWith(name))
                .map(e -> e.getValue().split("\\|", -1)[8]).toList();
        assertEquals(1, notes.size(), name + " in " + records.keySet());
        return notes.get(0);
    }

    /** How many records of each note (the planned action). */
    private static Map<String, Long> notes(Map<String, String> records) {
        Map<String, Long> notes = new TreeMap<>();
        records.values().forEach(line -> notes.merge(line.split("\\|", -1)[8], 1L, Long::sum));
        return notes;
    }

    private static void put(String key, int size) {
        s3.put(S3_BUCKET, key, Lakes.random(size, key.hashCode()));
    }

    private static void upload(BlobContainerClient container, String name, int size) {
        container.getBlobClient(name).upload(BinaryData.fromBytes(Lakes.random(size, name.hashCode())), true);
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
        return runFrom(lake.toUri().toString(), target, runId, planning, more);
    }

    private RunSummary runFrom(String source, String target, String runId, String planning, String... more)
            throws Exception {
        return runFrom(print(new ByteArrayOutputStream()), source, target, runId, planning, more);
    }

    /** {@link #runFrom(String, String, String, String, String...)} with the run's console lines on {@code out}. */
    private RunSummary runFrom(PrintStream out, String source, String target, String runId, String planning,
            String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("--source", source, "--target", target,
                "--run-id", runId, "--log", logs.toUri().toString(), "--planning", planning,
                "--multipart-threshold", "1MiB", "--part-size", "1MiB"));
        args.addAll(List.of(more));
        return jobs.run(out, args.toArray(String[]::new));
    }

    private static PrintStream print(ByteArrayOutputStream to) {
        return new PrintStream(to, true, StandardCharsets.UTF_8);
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
