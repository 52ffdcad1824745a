package io.lakeshift.source;

import io.lakeshift.secrets.SecretResolver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.cli.Main;
import io.lakeshift.config.ConfigLoader;
import io.lakeshift.log.MigrationRecord;
import io.lakeshift.log.Status;
import io.lakeshift.model.SourceFile;
import io.lakeshift.io.Retry;
import io.lakeshift.testing.EmulatorFixture;
import io.lakeshift.testing.JobRuns;
import io.lakeshift.testing.Lakes;
import io.lakeshift.testing.S3Fixture;
import io.lakeshift.testing.S3ProxyServer;
import io.lakeshift.testing.SparkTestSession;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An S3 server that serves some objects without an ETag (s3proxy's filesystem store, for files written straight
 * into its folder), read through S3A 3.3.4 with its change detection as it comes (it requires an ETag). S3A
 * refuses each such read, and each refusal used to keep one pooled connection: with lakeshift's retries a few
 * files emptied the pool and the run hung. Now such a file fails once, with the setting to change, and the
 * connection goes back.
 */
class S3NoEtagIT {
    private static final String BUCKET = "lake";
    /** A small pool, so a leak of a connection per refused read shows within a few files. */
    private static final Map<String, String> SMALL_POOL = Map.of("fs.s3a.connection.maximum", "2");
    /** A liveness guard: these runs take seconds; the pool drained, they never end. */
    private static final Duration HANG = Duration.ofMinutes(3);

    @RegisterExtension
    static final S3Fixture s3 = S3Fixture.onFolders("512m", BUCKET);
    @RegisterExtension
    static final EmulatorFixture oci = EmulatorFixture.perClass();
    private static final JobRuns jobs = new JobRuns(oci);

    @BeforeAll
    static void spark() {
        SparkTestSession.get();
    }

    /** A file the server serves with an ETag. */
    private static byte[] put(String key, int size, long seed) {
        byte[] body = SourceContract.bytes(size, seed);
        s3.put(BUCKET, key, body);
        assertTrue(s3.client().getObjectMetadata(BUCKET, key).getETag() != null, key + " is served with an ETag");
        return body;
    }

    /** A file the server serves without an ETag. */
    private static void write(String key, int size, long seed) throws Exception {
        Path file = s3.baseDir().resolve(BUCKET).resolve(key);
        Files.createDirectories(file.getParent());
        Files.write(file, SourceContract.bytes(size, seed));
        assertEquals(null, s3.client().getObjectMetadata(BUCKET, key).getETag(), key + " is served without an ETag");
    }

    private static String uri(String key) {
        return "s3a://" + BUCKET + "/" + key;
    }

    /** The error of a file served without an ETag names it, what happened and the setting that reads it. */
    private static void assertNamesTheFix(String error, String key) {
        assertTrue(error.contains(uri(key)), error);
        assertTrue(error.contains("without an ETag"), error);
        assertTrue(error.contains("spark.hadoop.fs.s3a.change.detection.version.required=false"), error);
    }

    private static <T> T guarded(Callable<T> run) {
        try {
            return assertTimeoutPreemptively(HANG, run::call,
                    "the run did not end: are S3A's connections leaking (jstack: getPoolEntryBlocking)?");
        } finally {
            SparkTestSession.get().sparkContext().cancelAllJobs();
        }
    }

    private static List<String> args(String prefix, String targetBucket, String runId) {
        List<String> args = new ArrayList<>(List.of("migrate", "--source", uri(prefix), "--target",
                "oci://" + targetBucket + "@" + oci.namespace() + "/", "--run-id", runId, "--max-attempts", "3"));
        args.addAll(s3.s3Args());
        return args;
    }

    @Test
    void aReadRefusedForWantOfAnEtagFailsOnceNamingTheSettingAndGivesItsConnectionBack() throws Exception {
        for (int i = 0; i < 5; i++) {
            write("one-pool/bare-" + i + ".bin", 2000 + i, i);
        }
        byte[] tagged = put("one-pool/tagged.bin", 3000, 9);
        List<String> args = new ArrayList<>(List.of("--source", uri("one-pool"), "--target", "oci://b@ns/"));
        args.addAll(s3.s3Args());
        Source source = Sources.open(uri("one-pool"), ConfigLoader.load(args).sources(),
                Map.of("fs.s3a.connection.maximum", "1"), new SecretResolver(Map.of(), ocid -> null), null);
        Map<String, SourceFile> files = SourceContract.list(source);
        assertEquals(6, files.size(), files.keySet().toString());

        guarded(() -> {
            for (int i = 0; i < 5; i++) {
                SourceFile bare = files.get("bare-" + i + ".bin");
                SourceException e = assertThrows(SourceException.class, () -> {
                    try (InputStream in = source.open(bare)) {
                        in.readAllBytes();
                    }
                });
                assertNamesTheFix(e.getMessage(), "one-pool/bare-" + i + ".bin");
                assertFalse(Retry.isTransient(e), "trying again gets the same answer: " + e);
            }
            // One connection in the pool: had any refusal kept it, this read would wait for ever.
            try (InputStream in = source.open(files.get("tagged.bin"))) {
                assertEquals(Lakes.sha256(tagged), Lakes.sha256(in.readAllBytes()));
            }
            return null;
        });
    }

    @Test
    void filesServedWithoutAnEtagFailOnceWithTheFixAndTheRestIsCopied() throws Exception {
        Map<String, byte[]> tagged = new TreeMap<>();
        tagged.put("a-small.bin", put("mixed/a-small.bin", 100, 1)); // the smallest file
        for (int i = 0; i < 3; i++) {
            tagged.put("tagged-" + i + ".bin", put("mixed/tagged-" + i + ".bin", 5000 + i, 10 + i));
        }
        List<String> bare = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            write("mixed/bare-" + i + ".bin", 3000 + i, 20 + i);
            bare.add("bare-" + i + ".bin");
        }
        oci.createBucket("mixed-target");

        JobRuns.Outcome o = guarded(() -> SparkTestSession.withHadoopSettings(SMALL_POOL,
                () -> jobs.main(args("mixed", "mixed-target", "m1").toArray(String[]::new))));

        assertEquals(Main.FILES_FAILED, o.code(), o.err() + o.out());
        Map<String, MigrationRecord> log = jobs.log("mixed-target", "m1");
        assertEquals(10, log.size(), log.keySet().toString());
        for (String name : bare) {
            MigrationRecord r = log.get(name);
            assertEquals(Status.FAILED, r.status(), name + ": " + r);
            assertNamesTheFix(r.error(), "mixed/" + name);
            assertEquals(1, r.attempts(), name + " was tried again: " + r);
        }
        for (Map.Entry<String, byte[]> f : tagged.entrySet()) {
            assertEquals(Status.NEW, log.get(f.getKey()).status(), f.getKey() + ": " + log.get(f.getKey()));
            assertEquals(Lakes.sha256(f.getValue()), Lakes.sha256(oci.get("mixed-target", f.getKey())), f.getKey());
        }
        assertTrue(o.err().contains("6 of 10 files failed"), o.err());
        assertFalse(o.err().contains(S3ProxyServer.SECRET_KEY) || o.out().contains(S3ProxyServer.SECRET_KEY));
    }

    @Test
    void aLakeServedWithoutEtagsStopsBeforeTheCopyAndTheSettingItNamesCopiesIt() throws Exception {
        Map<String, byte[]> lake = new TreeMap<>();
        for (int i = 0; i < 5; i++) {
            write("bare/f-" + i + ".bin", 1000 + i, 30 + i);
            lake.put("f-" + i + ".bin", SourceContract.bytes(1000 + i, 30 + i));
        }
        oci.createBucket("bare-target");

        JobRuns.Outcome plan = guarded(() -> SparkTestSession.withHadoopSettings(SMALL_POOL, () -> jobs.main(
                args("bare", "bare-target", "p1").stream().map(a -> a.equals("migrate") ? "plan" : a)
                        .toArray(String[]::new))));
        assertEquals(Main.OK, plan.code(), "a dry run reads no file: " + plan.err());

        JobRuns.Outcome o = guarded(() -> SparkTestSession.withHadoopSettings(SMALL_POOL,
                () -> jobs.main(args("bare", "bare-target", "b1").toArray(String[]::new))));
        assertEquals(Main.CANNOT_RUN, o.code(), o.err() + o.out());
        String line = o.err().strip();
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.startsWith("lakeshift: the source cannot be read, nothing was copied: "), line);
        assertNamesTheFix(line, "bare/f-0.bin");
        List<String> written = oci.list("bare-target", "");
        assertTrue(written.stream().allMatch(n -> n.startsWith("_lakeshift/logs/run_id=p1/")),
                "nothing but the dry run's plan was written: " + written);

        Map<String, String> fixed = new HashMap<>(SMALL_POOL);
        fixed.put("fs.s3a.change.detection.version.required", "false");
        JobRuns.Outcome again = guarded(() -> SparkTestSession.withHadoopSettings(fixed,
                () -> jobs.main(args("bare", "bare-target", "b2").toArray(String[]::new))));
        assertEquals(Main.OK, again.code(), again.err() + again.out());
        for (Map.Entry<String, byte[]> f : lake.entrySet()) {
            assertEquals(Lakes.sha256(f.getValue()), Lakes.sha256(oci.get("bare-target", f.getKey())), f.getKey());
        }
    }
}
