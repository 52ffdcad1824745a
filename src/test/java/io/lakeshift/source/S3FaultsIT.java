package io.lakeshift.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.log.MigrationRecord;
import io.lakeshift.log.RunSummary;
import io.lakeshift.log.Status;
import io.lakeshift.testing.CuttingProxy;
import io.lakeshift.testing.EmulatorFixture;
import io.lakeshift.testing.JobRuns;
import io.lakeshift.testing.Lakes;
import io.lakeshift.testing.S3Fixture;
import io.lakeshift.testing.S3ProxyServer;
import io.lakeshift.testing.SparkTestSession;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Rules that concern a real S3 source: its ETags decide what changed, and a stream cut mid-file loses nothing. */
class S3FaultsIT {
    @RegisterExtension
    static final S3Fixture s3 = S3Fixture.perClass();
    @RegisterExtension
    static final EmulatorFixture oci = EmulatorFixture.perClass();
    private static final JobRuns jobs = new JobRuns(oci);

    @BeforeAll
    static void spark() {
        SparkTestSession.get();
    }

    private static byte[] bytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static RunSummary run(String endpoint, String bucket, String target, String runId, String... more)
            throws Exception {
        List<String> args = new ArrayList<>(List.of("--source", "s3a://" + bucket + "/lake", "--target", target,
                "--run-id", runId, "--s3-endpoint", endpoint, "--s3-path-style", "--s3-access-key",
                S3ProxyServer.ACCESS_KEY, "--s3-secret-key", S3ProxyServer.SECRET_KEY));
        args.addAll(List.of(more));
        return jobs.run(args.toArray(String[]::new));
    }

    @Test
    void anUnchangedS3LakeIsEqualAndASameSizeRewriteWithANewEtagIsUpdated() throws Exception {
        s3.client().createBucket("etags");
        oci.createBucket("etag-target");
        for (int i = 0; i < 8; i++) {
            s3.put("etags", "lake/p/f-" + i + ".bin", bytes(4000, i));
        }
        String target = "oci://etag-target@" + oci.namespace() + "/";
        assertEquals(Map.of("new", 8L), run(s3.endpoint(), "etags", target, "e1").files());
        assertEquals(Map.of("equal", 8L), run(s3.endpoint(), "etags", target, "e2").files());

        String before = s3.client().getObjectMetadata("etags", "lake/p/f-3.bin").getETag();
        byte[] rewritten = bytes(4000, 99);
        s3.put("etags", "lake/p/f-3.bin", rewritten);
        assertNotEquals(before, s3.client().getObjectMetadata("etags", "lake/p/f-3.bin").getETag());

        RunSummary third = run(s3.endpoint(), "etags", target, "e3");
        assertEquals(Map.of("equal", 7L, "updated", 1L), third.files());
        MigrationRecord r = jobs.log("etag-target", "e3").get("p/f-3.bin");
        assertEquals(Status.UPDATED, r.status());
        assertEquals(s3.client().getObjectMetadata("etags", "lake/p/f-3.bin").getETag(), r.sourceEtag().replace("\"", ""));
        assertEquals(Lakes.sha256(rewritten), Lakes.sha256(oci.get("etag-target", "p/f-3.bin")));
    }

    @Test
    void sourceStreamsCutMidFileLoseNothing() throws Exception {
        s3.client().createBucket("cuts");
        oci.createBucket("cut-target");
        Map<String, byte[]> lake = new TreeMap<>();
        for (int i = 0; i < 4; i++) {
            lake.put("big-" + i + ".bin", bytes((3 << 20) + i, 10 + i));
        }
        lake.put("small.bin", bytes(2000, 1));
        lake.forEach((k, v) -> s3.put("cuts", "lake/" + k, v));
        URI upstream = URI.create(s3.endpoint());
        try (CuttingProxy proxy = new CuttingProxy(upstream.getHost(), upstream.getPort(), 1 << 20, 3)) {
            String endpoint = "http://127.0.0.1:" + proxy.port();
            RunSummary r = run(endpoint, "cuts", "oci://cut-target@" + oci.namespace() + "/", "c1",
                    "--multipart-threshold", "1MiB", "--part-size", "1MiB");
            assertTrue(proxy.cuts() >= 1, "the proxy cut " + proxy.cuts() + " streams");
            Map<String, MigrationRecord> log = jobs.log("cut-target", "c1");
            assertEquals(lake.keySet(), log.keySet());
            for (Map.Entry<String, byte[]> f : lake.entrySet()) {
                MigrationRecord rec = log.get(f.getKey());
                assertTrue(rec.status() == Status.NEW, f.getKey() + ": " + rec);
                assertEquals(Lakes.sha256(f.getValue()), Lakes.sha256(oci.get("cut-target", f.getKey())), f.getKey());
            }
            assertEquals(0, r.failedCount());
            assertTrue(oci.openUploads("cut-target").isEmpty(), "no multipart upload left open");
        }
    }
}
