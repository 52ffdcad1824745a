package io.lakeshift.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.log.LogRoots;
import io.lakeshift.log.MigrationRecord;
import io.lakeshift.log.RunSummary;
import io.lakeshift.log.Status;
import io.lakeshift.testing.CuttingProxy;
import io.lakeshift.testing.EmulatorFixture;
import io.lakeshift.testing.JobRuns;
import io.lakeshift.testing.Lakes;
import io.lakeshift.testing.SparkTestSession;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Typed errors, measured (issue 17): through a proxy that resets every connection sending a part, a multipart file
 * fails, and its log record names the operation and the part, the cause the JDK reported, and the tries made;
 * before, the record said only {@code "request to OCI failed: "}.
 */
class ConnectionResetIT {
    private static final String BUCKET = "resets";
    /** Parts are 1MiB; every other request of a run (listing, HEAD, log lines, abort) is far below this. */
    private static final long CUT_AFTER = 256 << 10;
    /** The cause as the JDK words a reset seen while writing or reading: stable across JDKs and systems. */
    private static final Pattern RESET = Pattern.compile("\\w*(Socket|SSL|IO)Exception: (Connection reset"
            + "|Broken pipe)");

    @RegisterExtension
    static final EmulatorFixture oci = EmulatorFixture.perClass(BUCKET);

    @TempDir
    Path dir;

    @BeforeAll
    static void spark() {
        SparkTestSession.get();
    }

    @Test
    void aPartCutByAResetFailsItsFileNamingThePartTheCauseAndTheAttempts() throws Exception {
        Path lake = dir.resolve("lake");
        Lakes.write(lake, "small.bin", 4000, 1);
        Lakes.write(lake, "big.bin", (3 << 20) + 5, 2);
        URI emulator = URI.create(oci.emulator().endpoint());
        try (CuttingProxy proxy = CuttingProxy.cuttingRequests(emulator.getHost(), emulator.getPort(), CUT_AFTER,
                Integer.MAX_VALUE)) {
            RunSummary run = new JobRuns(oci).run("--source", lake.toUri().toString(), "--target",
                    "oci://" + BUCKET + "@" + oci.namespace() + "/", "--run-id", "reset-1",
                    "--oci-endpoint", "http://127.0.0.1:" + proxy.port(),
                    "--multipart-threshold", "1MiB", "--part-size", "1MiB", "--parallel-parts", "1",
                    "--max-attempts", "2");

            Map<String, MigrationRecord> log = new JobRuns(oci).log(BUCKET, "reset-1");
            MigrationRecord big = log.get("big.bin");
            assertEquals(Status.FAILED, big.status(), big.toString());
            String error = big.error();
            assertTrue(error.startsWith("upload of part 1 of big.bin: "), error);
            assertTrue(RESET.matcher(error).find(), "the cause is named: " + error);
            assertTrue(error.endsWith(" (after 2 attempts)"), error);
            assertEquals(2, big.attempts(), "the file was tried twice too");
            // Two tries of the file, each of two tries of part 1, each cut.
            assertTrue(proxy.cuts() >= 4, "the proxy cut " + proxy.cuts() + " connections");

            assertEquals(Status.NEW, log.get("small.bin").status(), "requests below the cut go through");
            assertEquals(1, run.failedCount());
            assertEquals(java.util.List.of("small.bin"), oci.list(BUCKET, "").stream()
                    .filter(n -> !n.startsWith(LogRoots.DEFAULT_PREFIX)).toList(), "no object of big.bin is left");
            assertTrue(oci.openUploads(BUCKET).isEmpty(), "no upload is left open: " + oci.openUploads(BUCKET));
        }
    }
}
