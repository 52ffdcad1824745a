package io.lakeshift.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.config.SourceSettings;
import io.lakeshift.config.TransferSettings;
import io.lakeshift.config.ObjectSettings;
import io.lakeshift.io.Retry;
import io.lakeshift.model.ObjectHeaders;
import io.lakeshift.transfer.TargetProperties;
import io.lakeshift.io.TransientException;
import io.lakeshift.log.MigrationRecord;
import io.lakeshift.log.RunSummary;
import io.lakeshift.log.Status;
import io.lakeshift.model.SourceFile;
import io.lakeshift.oci.OciClients;
import io.lakeshift.source.Source;
import io.lakeshift.source.Sources;
import io.lakeshift.target.CommitCheck;
import io.lakeshift.target.ObjectSink;
import io.lakeshift.target.OciObjectSink;
import io.lakeshift.testing.CuttingProxy;
import io.lakeshift.testing.EmulatorFixture;
import io.lakeshift.testing.JobRuns;
import io.lakeshift.testing.Lakes;
import io.lakeshift.testing.PartCounter;
import io.lakeshift.testing.SparkTestSession;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Part-level resume, measured (issue 15, rclone #87). Through a network that resets connections at random, a mean of
 * 3 MB apart, a 23 MiB file in 5 MiB parts failed all 5 whole-file tries before (each part has about one chance in
 * six of getting through, so five in a row rarely do); now each try continues from the parts OCI already holds, so it
 * lands, having sent less than the 5 whole files the old way sent in vain. And a killed run's open upload is
 * continued by the next run, which sends only the parts it lacks.
 */
class PartResumeIT {
    private static final String BUCKET = "part-resume";
    private static final PartCounter parts = new PartCounter();

    @RegisterExtension
    static final EmulatorFixture oci = EmulatorFixture.perClass(parts, BUCKET);

    @TempDir
    Path dir;

    @BeforeAll
    static void spark() {
        SparkTestSession.get();
    }

    private String target() {
        return "oci://" + BUCKET + "@" + oci.namespace() + "/";
    }

    @Test
    void aFileCutEveryFewMegabytesLandsSendingLessThanItsFiveWholeTries() throws Exception {
        int size = 23 << 20;
        Path lake = dir.resolve("flaky");
        Path file = Lakes.write(lake, "flaky/big.bin", size, 23);
        URI emulator = URI.create(oci.emulator().endpoint());
        // Seeded: the same cuts each time, in the order connections arrive.
        try (CuttingProxy proxy = CuttingProxy.resettingAtRandom(emulator.getHost(), emulator.getPort(), 3_000_000,
                15)) {
            RunSummary run = new JobRuns(oci).run("--source", lake.toUri().toString(), "--target", target(),
                    "--run-id", "flaky-1", "--oci-endpoint", "http://127.0.0.1:" + proxy.port(),
                    "--multipart-threshold", "5MiB", "--part-size", "5MiB", "--parallel-parts", "1",
                    "--max-attempts", "5");

            MigrationRecord big = new JobRuns(oci).log(BUCKET, "flaky-1").get("flaky/big.bin");
            System.out.printf("PartResumeIT: %d connections cut, %,d request bytes sent for a %,d-byte file; %s%n",
                    proxy.cuts(), proxy.requestBytes(), size, big);
            assertEquals(Status.NEW, big.status(), big.toString());
            assertEquals(0, run.failedCount());
            assertEquals(Lakes.sha256(file), Lakes.sha256(oci.get(BUCKET, "flaky/big.bin")));
            assertEquals(5, big.parts());
            assertTrue(proxy.cuts() >= 5, "the network did cut: " + proxy.cuts());
            assertTrue(proxy.requestBytes() < 5L * size, "sent " + proxy.requestBytes() + " bytes, less than five"
                    + " whole files (" + 5L * size + ")");
            assertTrue(oci.openUploads(BUCKET).isEmpty(), "no upload left open: " + oci.openUploads(BUCKET));
        }
    }

    @Test
    void anUploadAKilledRunLeftIsContinuedByTheNextRunSendingOnlyTheMissingParts() throws Exception {
        int size = (6 << 20) + 1000; // 7 parts of 1 MiB
        Path lake = dir.resolve("killed");
        Path file = Lakes.write(lake, "killed.bin", size, 7);
        String name = "killed.bin";

        // The killed run: parts 1 to 3 and the marker landed, then the run died (its sink never closed).
        Source source = Sources.open(lake.toUri().toString(), SourceSettings.defaults(), oci.ociSettings(), Map.of());
        List<SourceFile> listed = new ArrayList<>();
        source.list(listed::add);
        SourceFile src = listed.get(0);
        ObjectSink killed = new OciObjectSink(OciClients.get(oci.ociSettings()), oci.namespace(), BUCKET,
                TransferSettings.of(1 << 20, 1 << 20, 1), Retry.attempts(1));
        parts.refuseFrom(name, 4);
        try (InputStream in = source.open(src)) {
            assertThrows(TransientException.class,
                    () -> killed.upload(name, in, size, // made as the run makes it: same metadata, type, tier
                            TargetProperties.of(ObjectSettings.defaults()).of(src, ObjectHeaders.NONE),
                            CommitCheck.NONE));
        } finally {
            parts.refuseNone();
        }
        assertEquals(1, oci.openUploads(BUCKET).size(), "the killed run left its upload open");
        parts.reset();

        RunSummary run = new JobRuns(oci).run("--source", lake.toUri().toString(), "--target", target(),
                "--run-id", "killed-2", "--multipart-threshold", "1MiB", "--part-size", "1MiB",
                "--parallel-parts", "1");

        MigrationRecord r = new JobRuns(oci).log(BUCKET, "killed-2").get(name);
        assertEquals(Status.NEW, r.status(), r.toString());
        assertTrue(r.note().startsWith("resumed an open upload: 3 of 7 parts were already in OCI"), r.note());
        assertEquals(Lakes.sha256(file), Lakes.sha256(oci.get(BUCKET, name)));
        assertEquals(0, parts.requestsBelow(name, 4), "parts 1 to 3 were not sent again");
        for (int p = 4; p <= 7; p++) {
            assertEquals(1, parts.requests(name, p), "part " + p + " was sent once");
        }
        assertEquals(0, parts.requests(name, 10_000), "the marker was not sent again");
        assertEquals(0, run.abortedUploads(), "the upload was continued, not aborted");
        assertTrue(oci.openUploads(BUCKET).isEmpty());
        killed.close();
    }
}
