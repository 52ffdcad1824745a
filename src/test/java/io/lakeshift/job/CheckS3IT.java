package io.lakeshift.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.cli.Main;
import io.lakeshift.log.CheckLog;
import io.lakeshift.log.CheckSummary;
import io.lakeshift.log.LogFormat;
import io.lakeshift.log.LogRoots;
import io.lakeshift.testing.EmulatorFixture;
import io.lakeshift.testing.JobRuns;
import io.lakeshift.testing.Lakes;
import io.lakeshift.testing.S3Fixture;
import io.lakeshift.testing.SparkTestSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An S3 source against an OCI target: the S3 ETag of a single-part object is its MD5 (as s3proxy serves it), so a
 * match is decided from the two listings without reading a byte, and a difference is confirmed by reading.
 */
class CheckS3IT {
    private static final String BUCKET = "s3checked";
    @RegisterExtension
    static final S3Fixture s3 = S3Fixture.perClass("lake");
    @RegisterExtension
    static final EmulatorFixture oci = EmulatorFixture.perClass(BUCKET);
    private static final JobRuns jobs = new JobRuns(oci);

    @Test
    void singlePartEtagsAreMd5s() throws Exception {
        SparkTestSession.get();
        byte[] same = Lakes.random(40_000, 1);
        s3.put("lake", "t/same.bin", same);
        oci.put(BUCKET, "t/same.bin", same);
        s3.put("lake", "t/other.bin", Lakes.random(30_000, 2));
        oci.put(BUCKET, "t/other.bin", Lakes.random(30_000, 3));
        List<String> args = new ArrayList<>(List.of("check", "--source", "s3a://lake/t/", "--target",
                "oci://" + BUCKET + "@" + oci.namespace() + "/t/", "--run-id", "s3c"));
        args.addAll(s3.s3Args());
        JobRuns.Outcome o = jobs.main(args.toArray(String[]::new));
        assertEquals(Main.MISMATCH, o.code(), o.out() + o.err());
        CheckSummary s = CheckLog.parseSummary(oci.get(BUCKET, LogRoots.DEFAULT_PREFIX + CheckLog.folder("s3c")
                + LogFormat.SUMMARY));
        assertEquals(Map.of("match", 1L, "differ", 1L), s.files());
        assertEquals(Map.of("md5", 1L), s.matchedBy());
        assertEquals(30_000, s.bytesRead(), "only the differing file was read, to confirm the ETag's word");
        assertTrue(o.out().contains("DIFFER   t/other.bin"), o.out());
    }
}
