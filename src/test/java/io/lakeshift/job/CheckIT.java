package io.lakeshift.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.bmc.objectstorage.requests.PutObjectRequest;
import com.oracle.bmc.objectstorage.transfer.UploadConfiguration;
import com.oracle.bmc.objectstorage.transfer.UploadManager;
import io.lakeshift.cli.Main;
import io.lakeshift.log.CheckLog;
import io.lakeshift.log.CheckRecord;
import io.lakeshift.log.CheckResult;
import io.lakeshift.log.CheckSummary;
import io.lakeshift.log.LogFormat;
import io.lakeshift.log.LogRoots;
import io.lakeshift.testing.EmulatorFixture;
import io.lakeshift.testing.JobRuns;
import io.lakeshift.testing.Lakes;
import io.lakeshift.testing.SparkTestSession;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lakeshift check} against a bucket another tool filled: objects uploaded raw through the OCI SDK, as the
 * OCI CLI does (no lakeshift metadata; large ones multipart through the SDK's UploadManager, in part sizes check
 * must find), with one planted difference of each kind; then against what a real migrate wrote.
 */
class CheckIT {
    private static final int MIB = 1 << 20;
    private static final String BUCKET = "checked";
    @RegisterExtension
    static final EmulatorFixture oci = EmulatorFixture.perClass(BUCKET);
    private static final JobRuns jobs = new JobRuns(oci);

    @TempDir
    static Path dir;
    private static Path lake;
    private static String target;

    @BeforeAll
    static void fill() throws Exception {
        SparkTestSession.get();
        lake = dir.resolve("lake");
        target = "oci://" + BUCKET + "@" + oci.namespace() + "/raw/";
        // Uploaded as they are: single PUTs, and multipart in 3 MiB parts (found by the range of part sizes that
        // give 4 parts) and in 2 MiB parts (a power of two).
        put("a.bin", Lakes.random(2000, 1));
        put("sub/b.bin", Lakes.random(5000, 2));
        multipart("big/three.bin", Lakes.random(10 * MIB + 123, 3), 3);
        multipart("big/two.bin", Lakes.random(5 * MIB + 7, 4), 2);
        // Planted: missing (no object), another size, same size other bytes (single PUT and multipart), extra.
        Lakes.write(lake, "gone.bin", 3000, 5);
        Lakes.write(lake, "short.bin", Lakes.random(4000, 6));
        oci.put(BUCKET, "raw/short.bin", Lakes.random(3999, 6));
        Lakes.write(lake, "same.bin", Lakes.random(6000, 7));
        oci.put(BUCKET, "raw/same.bin", Lakes.random(6000, 8));
        byte[] big = Lakes.random(3 * MIB + 5, 9);
        Lakes.write(lake, "big/same.bin", big);
        byte[] other = big.clone();
        other[MIB + 17] ^= 1;
        upload("raw/big/same.bin", other, 2);
        oci.put(BUCKET, "raw/extra.bin", Lakes.random(100, 10));
        // Bookkeeping on both sides is left out, as migrate leaves it out.
        Lakes.write(lake, "_SUCCESS", new byte[0]);
        oci.put(BUCKET, "raw/_SUCCESS", new byte[0]);
    }

    private static void put(String relative, byte[] body) throws Exception {
        Lakes.write(lake, relative, body);
        oci.put(BUCKET, "raw/" + relative, body);
    }

    private static void multipart(String relative, byte[] body, int partMib) throws Exception {
        Lakes.write(lake, relative, body);
        upload("raw/" + relative, body, partMib);
    }

    /** As the OCI CLI uploads a large file: the SDK's UploadManager, parts of partMib MiB. */
    private static void upload(String name, byte[] body, int partMib) {
        UploadConfiguration conf = UploadConfiguration.builder().allowMultipartUploads(true)
                .allowParallelUploads(false).minimumLengthForMultipartUpload(1).lengthPerUploadPart(partMib).build();
        UploadManager.UploadResponse r = new UploadManager(oci.client(), conf).upload(UploadManager.UploadRequest
                .builder(new ByteArrayInputStream(body), body.length).build(PutObjectRequest.builder()
                        .namespaceName(oci.namespace()).bucketName(BUCKET).objectName(name).build()));
        assertTrue(r.getMultipartMd5() != null, name + " went up multipart");
    }

    @Test
    void findsEachPlantedDifferenceAndMatchesTheRest() throws Exception {
        JobRuns.Outcome o = jobs.main("check", "--source", lake.toUri().toString(), "--target", target,
                "--run-id", "c1");
        assertEquals(Main.MISMATCH, o.code(), o.err());
        assertTrue(o.out().contains("differences found"), o.out());
        Map<String, CheckRecord> r = lists("c1");
        assertEquals(9, r.size(), r.toString());
        assertEquals(CheckResult.MISSING, r.get("raw/gone.bin").result());
        assertEquals(CheckResult.EXTRA, r.get("raw/extra.bin").result());
        assertResult(r, "raw/short.bin", CheckResult.DIFFER, CheckRecord.BY_SIZE);
        assertResult(r, "raw/same.bin", CheckResult.DIFFER, CheckRecord.BY_MD5);
        assertResult(r, "raw/big/same.bin", CheckResult.DIFFER, CheckRecord.BY_MD5);
        assertResult(r, "raw/a.bin", CheckResult.MATCH, CheckRecord.BY_MD5);
        assertResult(r, "raw/sub/b.bin", CheckResult.MATCH, CheckRecord.BY_MD5);
        assertResult(r, "raw/big/three.bin", CheckResult.MATCH, CheckRecord.BY_MULTIPART_MD5);
        assertTrue(r.get("raw/big/three.bin").note().contains("4 parts of " + 3 * MIB + " bytes"),
                r.get("raw/big/three.bin").note());
        assertResult(r, "raw/big/two.bin", CheckResult.MATCH, CheckRecord.BY_MULTIPART_MD5);
        assertFalse(r.containsKey("raw/_SUCCESS"), "bookkeeping is neither compared nor extra");

        CheckSummary s = summary("c1");
        assertFalse(s.allMatch());
        assertEquals(Map.of("match", 4L, "differ", 3L, "missing", 1L, "extra", 1L), s.files());
        assertEquals(Map.of("md5", 2L, "multipart_md5", 2L), s.matchedBy());
    }

    @Test
    void downloadReadsBothSides() throws Exception {
        JobRuns.Outcome o = jobs.main("check", "--source", lake.toUri().toString(), "--target", target,
                "--run-id", "c2", "--download", "--include", "*same.bin,a.bin");
        assertEquals(Main.MISMATCH, o.code(), o.err());
        Map<String, CheckRecord> r = lists("c2");
        assertResult(r, "raw/a.bin", CheckResult.MATCH, CheckRecord.BY_DOWNLOAD);
        assertResult(r, "raw/same.bin", CheckResult.DIFFER, CheckRecord.BY_DOWNLOAD);
        assertResult(r, "raw/big/same.bin", CheckResult.DIFFER, CheckRecord.BY_DOWNLOAD);
        // Filtered-out files are not compared, and their objects are not extra.
        assertNull(r.get("raw/big/two.bin"));
        // raw/extra.bin is not named by --include either: what a filter leaves out is not extra.
        assertEquals(Map.of("match", 1L, "differ", 2L), summary("c2").files());
    }

    @Test
    void everythingMatchesAfterAMigration() throws Exception {
        Path clean = dir.resolve("clean");
        Lakes.write(clean, "x/small.bin", 7000, 11);
        Lakes.write(clean, "x/large.bin", 3 * MIB + 3, 12);
        String to = "oci://" + BUCKET + "@" + oci.namespace() + "/migrated/";
        assertEquals(Main.OK, jobs.main("migrate", "--source", clean.toUri().toString(), "--target", to,
                "--multipart-threshold", "1MiB", "--part-size", "1MiB").code());
        JobRuns.Outcome o = jobs.main("check", "--source", clean.toUri().toString(), "--target", to,
                "--run-id", "c3");
        assertEquals(Main.OK, o.code(), o.out() + o.err());
        assertTrue(o.out().contains("everything matches"), o.out());
        CheckSummary s = summary("c3");
        assertTrue(s.allMatch());
        assertEquals(Map.of("match", 2L), s.files());
        assertEquals(Map.of("md5", 1L, "multipart_md5", 1L), s.matchedBy());
    }

    @Test
    void aHadoopTargetWithoutMd5sIsComparedBySizeUnlessDownloaded() throws Exception {
        Path copy = dir.resolve("copy");
        Lakes.write(copy, "a.bin", Files.readAllBytes(lake.resolve("a.bin")));
        Lakes.write(copy, "same.bin", Lakes.random(6000, 8));
        String args = "--include a.bin,same.bin --exclude big/** --log " + dir.resolve("hadoop-log").toUri();
        String[] base = ("check --source " + lake.toUri() + " --target " + copy.toUri() + " --run-id h1 " + args)
                .split(" ");
        JobRuns.Outcome bySize = jobs.exec(base);
        assertEquals(Main.OK, bySize.code(), bySize.out() + bySize.err());
        assertTrue(bySize.out().contains("2 size"), bySize.out());
        String[] download = (String.join(" ", base).replace("h1", "h2") + " --download").split(" ");
        JobRuns.Outcome read = jobs.exec(download);
        assertEquals(Main.MISMATCH, read.code(), read.out());
        assertTrue(read.out().contains("DIFFER   same.bin"), read.out());
    }

    private static void assertResult(Map<String, CheckRecord> r, String name, CheckResult result, String by) {
        CheckRecord c = r.get(name);
        assertEquals(result, c.result(), name + ": " + c);
        assertEquals(by, c.by(), name + ": " + c);
    }

    /** Every line of one check's lists, by object name; each name once. */
    private static Map<String, CheckRecord> lists(String runId) throws Exception {
        Map<String, CheckRecord> records = new TreeMap<>();
        String folder = LogRoots.DEFAULT_PREFIX + CheckLog.folder(runId);
        for (String name : oci.list(BUCKET, folder)) {
            if (name.endsWith(".jsonl")) {
                String kind = name.substring(folder.length(), name.lastIndexOf('-'));
                for (CheckRecord c : CheckLog.parseLines(oci.get(BUCKET, name))) {
                    assertEquals(kind, c.result().label(), "each list holds its own result");
                    assertNull(records.put(c.targetName(), c), "one line per file: " + c.targetName());
                }
            }
        }
        return records;
    }

    private static CheckSummary summary(String runId) throws Exception {
        return CheckLog.parseSummary(oci.get(BUCKET, LogRoots.DEFAULT_PREFIX + CheckLog.folder(runId)
                + LogFormat.SUMMARY));
    }
}
