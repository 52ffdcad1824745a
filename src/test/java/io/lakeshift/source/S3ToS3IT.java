package io.lakeshift.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.s3.model.S3ObjectSummary;
import io.lakeshift.cli.Main;
import io.lakeshift.testing.EmulatorFixture;
import io.lakeshift.testing.S3Fixture;
import io.lakeshift.testing.S3ProxyServer;
import io.lakeshift.testing.SparkTestSession;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Hadoop file-system target: the job copies an S3 lake into another bucket of the same S3 server (S3A on both
 * sides), keeps its log below the target, and a second run finds everything equal from that log.
 */
class S3ToS3IT {
    @RegisterExtension
    static final S3Fixture s3 = S3Fixture.perClass("copy");
    /** Only for StoreMigration's OCI options, which an s3a target never uses. */
    @RegisterExtension
    static final EmulatorFixture oci = EmulatorFixture.perClass();
    private static final Map<String, byte[]> LAKE = StoreMigration.sampleLake();

    @BeforeAll
    static void start() {
        S3ProxyServer.upload(s3.client(), "lake", "tables/", LAKE);
        SparkTestSession.get();
    }

    private static StoreMigration.Result migrate(String runId, String... more) {
        List<String> args = new ArrayList<>(s3.s3Args());
        args.addAll(List.of("--run-id", runId));
        args.addAll(List.of(more));
        return StoreMigration.migrate(oci, "s3a://lake/tables", "s3a://copy/tables-copy/", args);
    }

    private static Map<String, Long> objects(String prefix) {
        Map<String, Long> found = new TreeMap<>();
        for (S3ObjectSummary o : s3.client().listObjectsV2("copy", prefix).getObjectSummaries()) {
            if (o.getKey().endsWith("/")) {
                continue; // S3A's directory markers (it leaves one when a folder's last file is deleted)
            }
            found.put(o.getKey().substring(prefix.length()), o.getSize());
        }
        return found;
    }

    @Test
    void copiesIntoAnotherBucketThenFindsEverythingEqual() throws Exception {
        StoreMigration.Result first = migrate("s3s3-1");
        assertEquals(Main.OK, first.code(), first.err() + first.out());
        Map<String, Long> landed = objects("tables-copy/");
        landed.keySet().removeIf(k -> k.startsWith("_lakeshift/"));
        assertEquals(LAKE.keySet(), landed.keySet());
        for (Map.Entry<String, byte[]> f : LAKE.entrySet()) {
            try (var in = s3.client().getObject("copy", "tables-copy/" + f.getKey()).getObjectContent()) {
                assertArrayEquals(f.getValue(), in.readAllBytes(), f.getKey());
            }
        }
        String summary = new String(s3.client().getObject("copy", "tables-copy/_lakeshift/logs/run_id=s3s3-1/summary.json")
                .getObjectContent().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(summary.matches("(?s).*\"failed_count\"\\s*:\\s*0\\b.*"), summary);
        assertFalse(summary.contains(S3ProxyServer.SECRET_KEY), "no secret in the log");

        StoreMigration.Result second = migrate("s3s3-2");
        assertEquals(Main.OK, second.code(), second.err() + second.out());
        assertTrue(second.out().contains(LAKE.size() + " equal"), second.out());

        s3.client().deleteObject("lake", "tables/empty/zero.bin");
        StoreMigration.Result sync = migrate("s3s3-3", "--mode", "sync");
        assertEquals(Main.OK, sync.code(), sync.err() + sync.out());
        Map<String, Long> after = objects("tables-copy/");
        assertFalse(after.containsKey("empty/zero.bin"), "sync deleted the object whose source is gone");
        assertTrue(after.containsKey("_lakeshift/logs/run_id=s3s3-1/summary.json"), "the log is never synced away");
        assertEquals(LAKE.size() - 1, after.keySet().stream().filter(k -> !k.startsWith("_lakeshift/")).count());
    }

    @Test
    void anUnknownTargetBucketStopsTheRunNamingIt() {
        StoreMigration.Result r = StoreMigration.migrate(oci, "s3a://lake/tables", "s3a://no-such-bucket/copy/",
                new ArrayList<>(s3.s3Args()));
        String line = StoreMigration.assertRefusedInOneLine(r, S3ProxyServer.SECRET_KEY);
        assertTrue(line.contains("s3a://no-such-bucket/copy/"), line);
    }

    @Test
    void aTargetInsideTheSourceIsRefused() {
        List<String> args = new ArrayList<>(s3.s3Args());
        StoreMigration.Result r = StoreMigration.migrate(oci, "s3a://lake/tables", "s3a://lake/tables/copy/", args);
        assertEquals(Main.CANNOT_RUN, r.code(), r.err());
        assertTrue(r.err().contains("overlap"), r.err());
    }
}
