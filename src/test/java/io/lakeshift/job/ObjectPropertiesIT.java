package io.lakeshift.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.bmc.objectstorage.model.StorageTier;
import com.oracle.bmc.objectstorage.responses.HeadObjectResponse;
import io.lakeshift.log.RunSummary;
import io.lakeshift.testing.EmulatorFixture;
import io.lakeshift.testing.JobRuns;
import io.lakeshift.testing.Lakes;
import io.lakeshift.testing.SparkTestSession;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What each object is made with besides its bytes, read back through the OCI SDK from the emulator: the tier chosen
 * by --storage-tier and its globs, and the Content-Type, on both the single-PUT and the multipart path; a second
 * run with the same settings copies nothing.
 */
class ObjectPropertiesIT {
    @RegisterExtension
    static final EmulatorFixture oci = EmulatorFixture.perClass();
    private static final JobRuns jobs = new JobRuns(oci);

    @TempDir
    Path dir;
    private Path lake;
    private String bucket;

    @BeforeAll
    static void spark() {
        SparkTestSession.get();
    }

    @BeforeEach
    void lake() throws Exception {
        bucket = oci.newBucket("objects");
        lake = dir.resolve("lake");
        Lakes.write(lake, "sales/year=2019/part-0.parquet", 3000, 1); // not Parquet inside: --parquet-check off
        Lakes.write(lake, "sales/year=2024/part-0.parquet", 3000, 2);
        Lakes.write(lake, "sales/year=2018/big.csv", (3 << 20) + 5, 3); // multipart (threshold 1MiB)
        Lakes.write(lake, "readme.txt", 100, 4);
        Lakes.write(lake, "blob", 100, 5);
    }

    private RunSummary run(String runId, String... more) throws Exception {
        return jobs.run(List.of("--source", lake.toUri().toString(), "--target",
            oci.target(bucket, ""), "--run-id", runId, "--multipart-threshold", "1MiB",
            "--part-size", "1MiB", "--parquet-check", "off"), more);
    }

    @Test
    void globsPickTheTierAndTheExtensionTheContentTypeAndASecondRunCopiesNothing() throws Exception {
        String[] tiers = {"--storage-tier-infrequent-access", "**/year=201*/**"};
        assertEquals(Map.of("new", 5L), run("t1", tiers).files());

        HeadObjectResponse old = oci.head(bucket, "sales/year=2019/part-0.parquet");
        assertEquals(StorageTier.InfrequentAccess, old.getStorageTier());
        assertEquals("application/vnd.apache.parquet", old.getContentType());
        HeadObjectResponse big = oci.head(bucket, "sales/year=2018/big.csv");
        assertEquals(StorageTier.InfrequentAccess, big.getStorageTier(), "the multipart path carries the tier");
        assertEquals("text/csv", big.getContentType(), "and the Content-Type");
        HeadObjectResponse recent = oci.head(bucket, "sales/year=2024/part-0.parquet");
        assertEquals(StorageTier.Standard, recent.getStorageTier());
        assertEquals("text/plain", oci.head(bucket, "readme.txt").getContentType());
        assertEquals("application/octet-stream", oci.head(bucket, "blob").getContentType());

        Map<String, String> etags = oci.etags(bucket, "sales/");
        RunSummary second = run("t2", tiers);
        assertEquals(Map.of("equal", 5L), second.files());
        assertEquals(0, second.bytesSent());
        assertEquals(etags, oci.etags(bucket, "sales/"), "nothing was written again");
    }

    @Test
    void oneTierForTheRunAndAGivenContentTypeForEveryObject() throws Exception {
        assertEquals(Map.of("new", 5L), run("one", "--storage-tier", "InfrequentAccess", "--storage-tier-standard",
                "*.txt", "--content-type", "text/x-lake").files());

        for (String name : new String[] {"sales/year=2024/part-0.parquet", "sales/year=2018/big.csv", "blob"}) {
            HeadObjectResponse h = oci.head(bucket, name);
            assertEquals(StorageTier.InfrequentAccess, h.getStorageTier(), name);
            assertEquals("text/x-lake", h.getContentType(), name);
        }
        assertEquals(StorageTier.Standard, oci.head(bucket, "readme.txt").getStorageTier(), "a glob wins");
    }

    @Test
    void aTierChangeAloneIsNoReasonToCopyAgain() throws Exception {
        run("a1");
        Map<String, String> etags = oci.etags(bucket, "");
        RunSummary second = run("a2", "--storage-tier", "InfrequentAccess", "--content-type", "auto");
        assertTrue(second.files().keySet().stream().allMatch("equal"::equals), second.files().toString());
        assertEquals(StorageTier.Standard, oci.head(bucket, "blob").getStorageTier(), "kept as it was");
        Map<String, String> after = oci.etags(bucket, "");
        etags.keySet().retainAll(after.keySet());
        after.keySet().retainAll(etags.keySet());
        assertEquals(etags, after);
    }
}
