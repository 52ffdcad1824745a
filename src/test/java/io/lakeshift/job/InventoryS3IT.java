package io.lakeshift.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.s3.model.ObjectMetadata;
import io.lakeshift.log.MigrationRecord;
import io.lakeshift.log.RunSummary;
import io.lakeshift.log.Status;
import io.lakeshift.testing.EmulatorFixture;
import io.lakeshift.testing.Inventories;
import io.lakeshift.testing.Inventories.Entry;
import io.lakeshift.testing.JobRuns;
import io.lakeshift.testing.Lakes;
import io.lakeshift.testing.S3Fixture;
import io.lakeshift.testing.SparkTestSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --inventory} for an S3 lake in s3proxy: an S3 Inventory CSV report (as {@link Inventories} writes it)
 * names the objects with their ETags; only those below --source move, one deleted and one rewritten since the
 * report fail by themselves (the rewritten one through the ETag S3A pins each read to).
 */
class InventoryS3IT {
    @RegisterExtension
    static final EmulatorFixture oci = EmulatorFixture.perClass("inv-s3");
    @RegisterExtension
    static final S3Fixture s3 = S3Fixture.perClass("lake");
    private static final JobRuns jobs = new JobRuns(oci);

    @TempDir
    Path dir;

    private Entry put(String key, int size, long seed) {
        s3.put("lake", key, Lakes.random(size, seed));
        ObjectMetadata head = s3.client().getObjectMetadata("lake", key);
        return new Entry("lake", key, size, head.getLastModified().getTime(), head.getETag(), null, "STANDARD");
    }

    @Test
    void onlyTheInventoriedObjectsMoveAndStaleOnesFailByThemselves() throws Exception {
        List<Entry> entries = new ArrayList<>();
        entries.add(put("raw/a b.bin", 1000, 1));
        entries.add(put("raw/t/c.bin", 2000, 2));
        entries.add(put("other/d.bin", 300, 3)); // outside --source
        entries.add(new Entry("lake", "raw/gone.bin", 400, 1_700_000_000_000L, "0123456789abcdef0123456789abcdef",
                null, "STANDARD"));
        Entry old = put("raw/rewritten.bin", 500, 4);
        entries.add(old);
        s3.put("lake", "raw/rewritten.bin", Lakes.random(500, 5)); // same size, new ETag
        s3.put("lake", "raw/late.bin", Lakes.random(600, 6)); // after the report: not in it
        Path manifest = Inventories.s3(SparkTestSession.get(), dir, "lake", entries, Inventories.Format.CSV, 1);

        List<String> args = new ArrayList<>(List.of("--source", "s3a://lake/raw/", "--target",
                "oci://inv-s3@" + oci.namespace() + "/x/", "--run-id", "s1", "--max-attempts", "1",
                "--inventory", manifest.toString()));
        args.addAll(s3.s3Args());
        RunSummary r = jobs.run(args.toArray(String[]::new));

        assertEquals(Map.of("new", 2L, "failed", 2L), r.files());
        assertEquals(new TreeSet<>(List.of("x/a b.bin", "x/t/c.bin")), new TreeSet<>(oci.list("inv-s3", "x/")));
        Map<String, MigrationRecord> log = jobs.log("inv-s3", "s1");
        for (String stale : List.of("gone.bin", "rewritten.bin")) {
            assertEquals(Status.FAILED, log.get(stale).status(), stale);
            assertTrue(log.get(stale).error().contains("the inventory is older than the source"), log.get(stale).error());
            assertTrue(log.get(stale).error().contains(stale), log.get(stale).error());
        }
    }
}
