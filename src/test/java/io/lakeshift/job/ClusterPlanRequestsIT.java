package io.lakeshift.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lakeshift.emulator.FaultPolicy;
import io.lakeshift.log.LogFormat;
import io.lakeshift.log.RunSummary;
import io.lakeshift.testing.EmulatorFixture;
import io.lakeshift.testing.FaultyFileSystem;
import io.lakeshift.testing.JobRuns;
import io.lakeshift.testing.Lakes;
import io.lakeshift.testing.SparkTestSession;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: an incremental run planned on the cluster whose files are all {@code equal} makes no request per object
 * beyond the listings. The same lake layout at two sizes (4× the files, in the same folders, each target key range
 * within one page of ListObjects): every request the emulator saw, by OCI operation, and every per-file call on the
 * source (getFileStatus, open) must be the same count at both sizes, with no HeadObject or GetObject at all. And
 * a dry run's estimate of the requests (plan.json), which on the cluster streams only each read's size to the
 * driver, is the driver's estimate.
 */
class ClusterPlanRequestsIT {
    private static final Map<String, AtomicLong> REQUESTS = new ConcurrentHashMap<>();
    private static final FaultPolicy COUNT = request -> {
        REQUESTS.computeIfAbsent(request.operation(), k -> new AtomicLong()).incrementAndGet();
        return false;
    };
    @RegisterExtension
    static final EmulatorFixture oci = EmulatorFixture.perClass(COUNT);
    private static final JobRuns jobs = new JobRuns(oci);

    @TempDir
    Path dir;

    @BeforeAll
    static void spark() {
        SparkTestSession.get();
    }

    @Test
    void anAllEqualIncrementalPlanOnTheClusterMakesOnlyTheListingsWhateverTheNumberOfFiles() throws Exception {
        Counted small = incremental("small", 3);
        Counted large = incremental("large", 12);

        assertEquals(Map.of("equal", 36L), small.summary.files());
        assertEquals(Map.of("equal", 144L), large.summary.files());
        assertFalse(small.requests.containsKey("HeadObject"), small.requests.toString());
        assertFalse(small.requests.containsKey("GetObject"), small.requests.toString());
        assertTrue(small.requests.getOrDefault("ListObjects", 0L) > 0, small.requests.toString());
        assertEquals(small.requests, large.requests, "requests to the target by operation, 36 vs 144 files");
        assertEquals(small.sourceLookups, large.sourceLookups, "per-file calls on the source, 36 vs 144 files");
        assertEquals(small.sourceListings, large.sourceListings, "listings of the source, 36 vs 144 files");
    }

    @Test
    void aDryRunOnTheClusterEstimatesTheRequestsTheDriverDoes() throws Exception {
        Path lake = dir.resolve("estimate");
        for (int d = 0; d < 10; d++) {
            Lakes.write(lake, "d" + d + "/f.bin", 100 + d, d);
            Lakes.write(lake, "d" + d + "/y/g.bin", 0, 0);
        }
        Lakes.write(lake, "big.bin", (5 << 20) / 2, 9); // multipart at 1 MiB parts: 3 parts
        oci.createBucket("estimate");
        Map<String, JsonNode> requests = new TreeMap<>();
        for (String planning : List.of("local", "distributed")) {
            Path log = dir.resolve("estimate-log-" + planning);
            run(List.of("--source", lake.toUri().toString(), "--target", "oci://estimate@" + oci.namespace()
                    + "/data/", "--log", log.toUri().toString(), "--planning", planning, "--dry-run",
                    "--multipart-threshold", "1MiB", "--part-size", "1MiB"), "e-" + planning);
            JsonNode plan = new ObjectMapper().readTree(log.resolve(LogFormat.runFolder("e-" + planning))
                    .resolve(LogFormat.PLAN).toFile());
            requests.put(planning, plan.get("requests"));
        }
        assertEquals(3L, requests.get("local").path("OCI multipart parts").asLong(), requests.toString());
        assertEquals(requests.get("local"), requests.get("distributed"));
    }

    @Test
    void theCommandLineChecksTheBucketOnceAndTheRunDoesNotAskAgain() throws Exception {
        Path lake = dir.resolve("once");
        Lakes.write(lake, "a/f.bin", 100, 1);
        oci.createBucket("once");
        String target = "oci://once@" + oci.namespace() + "/data/";
        for (String command : List.of("migrate", "check")) {
            REQUESTS.clear();
            JobRuns.Outcome o = jobs.main(command, "--source", lake.toUri().toString(), "--target", target, "--log",
                    dir.resolve("once-log").toUri().toString(), "--run-id", "once-" + command);
            assertEquals(0, o.code(), o.toString());
            assertEquals(1L, REQUESTS.get("GetBucket").get(), command + ": " + REQUESTS);
        }
    }

    /** What the second of two runs (the first copies everything) asked of the target and the source. */
    private record Counted(RunSummary summary, Map<String, Long> requests, int sourceLookups, int sourceListings) {}

    /** 12 top folders (more than the local[2] session's 8 wanted), each {@code perFolder} files in a subfolder. */
    private Counted incremental(String name, int perFolder) throws Exception {
        Path lake = dir.resolve(name);
        for (int d = 0; d < 12; d++) {
            for (int i = 0; i < perFolder; i++) {
                Lakes.write(lake, "d" + d + "/x/f-" + i + ".bin", 100 + i, d * 100L + i);
            }
        }
        oci.createBucket(name);
        List<String> args = List.of("--source", lake.toUri().toString(), "--target",
                "oci://" + name + "@" + oci.namespace() + "/data/", "--log", dir.resolve(name + "-log").toUri().toString(),
                "--planning", "distributed", "--max-attempts", "1");
        RunSummary first = run(args, "r1");
        assertEquals(Map.of("new", 12L * perFolder), first.files());

        REQUESTS.clear();
        FaultyFileSystem.watchListings(lake);
        RunSummary second = run(args, "r2");
        Map<String, Long> requests = new TreeMap<>();
        REQUESTS.forEach((op, n) -> requests.put(op, n.get()));
        return new Counted(second, requests, FaultyFileSystem.lookups(lake), FaultyFileSystem.listings(lake));
    }

    private static RunSummary run(List<String> args, String runId) throws Exception {
        List<String> all = new java.util.ArrayList<>(args);
        all.addAll(List.of("--run-id", runId));
        return jobs.run(all.toArray(String[]::new));
    }
}
