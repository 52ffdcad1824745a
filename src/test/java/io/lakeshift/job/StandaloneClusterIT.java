package io.lakeshift.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.cli.Main;
import io.lakeshift.log.LogFormat;
import io.lakeshift.log.LogRoots;
import io.lakeshift.log.MigrationRecord;
import io.lakeshift.log.RunSummary;
import io.lakeshift.log.Status;
import io.lakeshift.source.HadoopSource;
import io.lakeshift.testing.EmulatorFixture;
import io.lakeshift.testing.JobRuns;
import io.lakeshift.testing.Lakes;
import io.lakeshift.testing.Reconciliation;
import io.lakeshift.testing.S3Fixture;
import io.lakeshift.testing.S3ProxyServer;
import io.lakeshift.testing.StandaloneCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * lakeshift on a real Spark cluster (standalone master and two workers, each in its own JVM) with the driver in
 * another JVM, as on OCI Data Flow: nothing may work only because the driver and the executors share a JVM, its
 * system properties or its environment. The local lake's tests build on one another in order (a migrate, then an
 * incremental run, a sync and a dry run of what that left), to start as few applications as possible.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterIT {
    private static final String BUCKET = "cluster";
    @RegisterExtension
    static final StandaloneCluster cluster = StandaloneCluster.perClass();
    @RegisterExtension
    static final EmulatorFixture oci = EmulatorFixture.perClass(BUCKET);
    @RegisterExtension
    static final S3Fixture s3 = S3Fixture.perClass("s3lake");
    private static final JobRuns logs = new JobRuns(oci);

    @TempDir
    static Path dir;
    private static Path lake;
    private static String target;

    @BeforeAll
    static void lake() throws IOException {
        lake = dir.resolve("lake");
        for (int i = 0; i < 12; i++) {
            Lakes.write(lake, "t/p=" + (i % 3) + "/f-" + i + ".bin", 2000 + i, i);
        }
        Lakes.write(lake, "t/big.bin", 3 << 20, 99); // above the threshold: a multipart upload
        target = "oci://" + BUCKET + "@" + oci.namespace() + "/data/";
    }

    private static List<String> args(String command, String source, String target, String runId, String... more) {
        List<String> args = new ArrayList<>(List.of(command, "--source", source, "--target", target,
                "--run-id", runId, "--multipart-threshold", "1MiB", "--part-size", "1MiB", "--progress-interval", "0"));
        args.addAll(oci.ociArgs());
        args.addAll(List.of(more));
        return args;
    }

    private static StandaloneCluster.Submission submit(List<String> args) throws Exception {
        return submit(Map.of(), args);
    }

    private static StandaloneCluster.Submission submit(Map<String, String> driverEnv, List<String> args)
            throws Exception {
        return onTheCluster(() -> cluster.submit(driverEnv, Map.of(), args));
    }

    private interface Driver {
        StandaloneCluster.Submission run() throws Exception;
    }

    private static StandaloneCluster.Submission onTheCluster(Driver driver) throws Exception {
        int before = cluster.completedApps();
        StandaloneCluster.Submission run = driver.run();
        assertEquals(before + 1, cluster.completedApps(), "the run was an application of the cluster:\n"
                + run.output());
        return run;
    }

    private static RunSummary summary(String runId) throws IOException {
        return LogFormat.parseSummary(oci.get(BUCKET,
                LogRoots.DEFAULT_PREFIX + LogFormat.runFolder(runId) + LogFormat.SUMMARY));
    }

    private static Map<String, Path> lakeFiles() throws IOException {
        Map<String, Path> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(lake)) {
            walk.filter(Files::isRegularFile).forEach(f -> files.put(lake.relativize(f).toString(), f));
        }
        return files;
    }

    @Test
    @Order(1)
    void migratesALocalLake() throws Exception {
        StandaloneCluster.Submission run = submit(args("migrate", lake.toUri().toString(), target, "c1"));
        assertEquals(Main.OK, run.code(), run.output());
        assertTrue(run.output().contains("13: 13 new"), run.output());

        RunSummary summary = summary("c1");
        assertEquals(Map.of("new", 13L), summary.files());
        assertEquals(lakeFiles().values().stream().mapToLong(f -> f.toFile().length()).sum(), summary.bytesSent());
        Map<String, MigrationRecord> log = logs.log(BUCKET, "c1");
        Reconciliation.assertAgree(lakeFiles(), oci, BUCKET, "data/", log);
        log.values().forEach(r -> assertEquals(Status.NEW, r.status(), r.sourceName()));
        assertEquals(3, log.get("t/big.bin").parts(), "the large file went in parts");
    }

    @Test
    @Order(2)
    void anIncrementalRunCopiesOnlyTheChangedAndNewFiles() throws Exception {
        Map<String, String> etags = oci.etags(BUCKET, "data/");
        Path changed = lake.resolve("t/p=1/f-4.bin");
        byte[] after = Files.readAllBytes(changed);
        after[10] ^= 0x55; // same size, other content
        Files.write(changed, after);
        Files.setLastModifiedTime(changed, FileTime.fromMillis(System.currentTimeMillis() + 5000));
        Lakes.write(lake, "t/p=9/added.bin", 4321, 5);

        StandaloneCluster.Submission run = submit(args("migrate", lake.toUri().toString(), target, "c2"));
        assertEquals(Main.OK, run.code(), run.output());
        RunSummary summary = summary("c2");
        assertEquals(Map.of("equal", 12L, "updated", 1L, "new", 1L), summary.files());
        assertEquals(after.length + 4321, summary.bytesSent(), "only the changed and the new file were sent");

        Map<String, MigrationRecord> log = logs.log(BUCKET, "c2");
        Reconciliation.assertAgree(lakeFiles(), oci, BUCKET, "data/", log);
        assertEquals(Status.UPDATED, log.get("t/p=1/f-4.bin").status());
        assertEquals(Status.NEW, log.get("t/p=9/added.bin").status());
        Map<String, String> now = oci.etags(BUCKET, "data/");
        etags.forEach((name, etag) -> {
            if (!name.equals("data/t/p=1/f-4.bin")) {
                assertEquals(etag, now.get(name), "written again: " + name);
            }
        });
    }

    @Test
    @Order(3)
    void aSyncDeletesTheObjectsWithoutASourceFile() throws Exception {
        Files.delete(lake.resolve("t/p=2/f-2.bin"));
        oci.put(BUCKET, "data/extra/stray.bin", new byte[77]);

        StandaloneCluster.Submission run = submit(args("migrate", lake.toUri().toString(), target, "c3",
                "--mode", "sync", "--max-delete", "2"));
        assertEquals(Main.OK, run.code(), run.output());
        assertEquals(Map.of("equal", 13L, "deleted", 2L), summary("c3").files());
        Map<String, MigrationRecord> log = logs.log(BUCKET, "c3");
        assertEquals(Status.DELETED, log.get("t/p=2/f-2.bin").status());
        assertEquals(Status.DELETED, log.get("extra/stray.bin").status());
        log.keySet().removeAll(List.of("t/p=2/f-2.bin", "extra/stray.bin"));
        Reconciliation.assertAgree(lakeFiles(), oci, BUCKET, "data/", log);
    }

    /**
     * Without spark-submit: lakeshift as a plain program connecting to the master itself ({@code --master}), as
     * {@code bin/lakeshift} runs it. Its executors get lakeshift's jar only because the session ships it.
     */
    @Test
    @Order(4)
    void aDryRunWritesOnlyItsPlan() throws Exception {
        Files.write(lake.resolve("t/p=0/f-0.bin"), new byte[] {9});
        Lakes.write(lake, "t/new-one.bin", 500, 77);
        oci.put(BUCKET, "data/extra.bin", new byte[3]);
        Map<String, String> before = oci.etags(BUCKET, "");

        StandaloneCluster.Submission run = onTheCluster(() -> cluster.runMain(Map.of(),
                args("plan", lake.toUri().toString(), target, "p1", "--mode", "sync")));
        assertEquals(Main.OK, run.code(), run.output());
        assertTrue(run.output().contains("dry run: nothing was copied or deleted"), run.output());

        Map<String, String> after = oci.etags(BUCKET, "");
        String planFolder = LogRoots.DEFAULT_PREFIX + LogFormat.runFolder("p1");
        assertTrue(after.containsKey(planFolder + LogFormat.PLAN), after.keySet().toString());
        after.keySet().removeIf(n -> n.startsWith(planFolder));
        assertEquals(before, after, "nothing but the plan was written");
        Map<String, MigrationRecord> log = logs.log(BUCKET, "p1");
        assertEquals("new", log.get("t/new-one.bin").note());
        assertEquals("updated", log.get("t/p=0/f-0.bin").note());
        assertEquals("equal", log.get("t/big.bin").note());
        assertEquals("deleted", log.get("extra.bin").note());
        log.values().forEach(r -> assertEquals(Status.PLANNED, r.status(), r.sourceName()));
    }

    /** The S3 keys reach the driver only, as environment variables: executors must get them from the driver. */
    @Test
    @Order(5)
    void migratesAnS3LakeWithKeysOnlyTheDriverHas() throws Exception {
        Map<String, byte[]> objects = new TreeMap<>();
        for (int i = 0; i < 6; i++) {
            objects.put("t/year=2024/part-" + i + ".bin", Lakes.random(1500 * (i + 1), 40 + i));
        }
        objects.put("t/large.bin", Lakes.random(5 << 19, 50));
        objects.forEach((key, body) -> s3.put("s3lake", key, body));

        List<String> args = args("migrate", "s3a://s3lake/t/", "oci://" + BUCKET + "@" + oci.namespace() + "/s3/",
                "s1", "--s3-endpoint", s3.endpoint(), "--s3-path-style", "--s3-access-key", "env:IT_S3_ACCESS",
                "--s3-secret-key", "env:IT_S3_SECRET");
        StandaloneCluster.Submission run = submit(Map.of("IT_S3_ACCESS", S3ProxyServer.ACCESS_KEY,
                "IT_S3_SECRET", S3ProxyServer.SECRET_KEY), args);
        assertEquals(Main.OK, run.code(), run.output());
        assertFalse(run.output().contains(S3ProxyServer.SECRET_KEY), "the secret key was printed");

        assertEquals(Map.of("new", 7L), summary("s1").files());
        Map<String, MigrationRecord> log = logs.log(BUCKET, "s1");
        assertEquals(7, log.size());
        for (Map.Entry<String, byte[]> o : objects.entrySet()) {
            String name = o.getKey().substring("t/".length());
            assertEquals(Status.NEW, log.get(name).status(), name);
            assertEquals(Lakes.sha256(o.getValue()), Lakes.sha256(oci.get(BUCKET, "s3/" + name)), name);
        }
        assertEquals(objects.keySet().stream().map(k -> "s3/" + k.substring(2)).sorted().toList(),
                oci.list(BUCKET, "s3/"));
    }
    /**
     * The S3 lake with a folder too big for one listing task (past 20 direct entries here, by the setting): the
     * executors list it by key range in their own JVMs, and the dry run's plan holds every object the server
     * lists, once, with its size and ETag (PlanningEquivalenceIT compares the two ways on a split folder).
     */
    @Test
    @Order(6)
    void anS3FolderListedByKeyRangeOnTheExecutorsPlansEveryObjectOnce() throws Exception {
        for (int i = 0; i < 45; i++) {
            s3.put("s3lake", String.format("t/big/part-%05d.bin", i), Lakes.random(100 + i, 60 + i));
        }
        s3.put("s3lake", "t/big/part-01", Lakes.random(10, 1));
        s3.put("s3lake", "t/big/z/deep.bin", Lakes.random(10, 2));
        List<String> args = args("plan", "s3a://s3lake/t/", "oci://" + BUCKET + "@" + oci.namespace() + "/s3/",
                "k1", "--planning", "distributed", "--s3-list-split", "20");
        args.addAll(s3.s3Args());
        StandaloneCluster.Submission run = onTheCluster(() -> cluster.submit(Map.of(), Map.of(), args));
        assertEquals(Main.OK, run.code(), run.output());
        assertTrue(run.output().contains("listing s3a://s3lake/t/ on the cluster"), run.output());

        Map<String, String> listed = new TreeMap<>();
        s3.client().listObjectsV2("s3lake", "t/").getObjectSummaries().forEach(o -> listed.put(
                o.getKey().substring(2), o.getSize() + "|" + o.getETag().replace("\"", "")));
        Map<String, String> planned = new TreeMap<>();
        Map<String, String> notes = new TreeMap<>();
        logs.log(BUCKET, "k1").forEach((name, r) -> {
            planned.put(name, r.sourceSize() + "|" + String.valueOf(r.sourceEtag()).replace("\"", ""));
            notes.merge(r.note(), name, (a, b) -> a + "," + b);
        });
        assertEquals(54, listed.size(), listed.keySet().toString());
        assertEquals(listed, planned);
        assertEquals(7, notes.get("equal").split(",").length, notes.toString());
        assertEquals(47, notes.get("new").split(",").length, notes.toString());
    }

    /**
     * --keep-markers to OCI planned on the workers: the empty folders are found in the executors' JVMs (a level's
     * empty folder, those below the subtrees, none below {@code _temporary/}) and planned as zero-byte markers.
     */
    @Test
    @Order(7)
    void emptyFoldersAreFoundOnTheExecutorsWithKeepMarkers() throws Exception {
        Path markers = dir.resolve("markers");
        for (int i = 0; i < 10; i++) {
            Lakes.write(markers, "a/d" + i + "/f-" + i + ".bin", 100 + i, 80 + i);
        }
        for (String empty : List.of("empty-top", "a/d2/x/empty", "a/only-empties/p", "_temporary/0")) {
            Files.createDirectories(markers.resolve(empty));
        }
        StandaloneCluster.Submission run = onTheCluster(() -> cluster.runMain(Map.of(), args("plan",
                markers.toUri().toString(), "oci://" + BUCKET + "@" + oci.namespace() + "/mk/", "m1",
                "--planning", "distributed", "--keep-markers")));
        assertEquals(Main.OK, run.code(), run.output());
        assertTrue(run.output().contains(" on the cluster\n"), run.output());
        assertFalse(run.output().contains("planned on the driver"), run.output());

        Map<String, String> notes = new TreeMap<>();
        logs.log(BUCKET, "m1").forEach((name, r) -> notes.put(name, r.note()));
        assertEquals(Map.of("a/d2/x/empty/", "new", "a/only-empties/p/", "new", "empty-top/", "new"),
                notes.entrySet().stream().filter(e -> e.getKey().endsWith("/"))
                        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        assertEquals(13, notes.size(), notes.toString());
    }
}
