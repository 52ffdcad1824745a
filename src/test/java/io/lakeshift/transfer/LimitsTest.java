package io.lakeshift.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.config.BandwidthSchedule;
import io.lakeshift.config.Mode;
import io.lakeshift.config.Overwrite;
import io.lakeshift.config.ParquetCheck;
import io.lakeshift.config.TransferSettings;
import io.lakeshift.io.Retry;
import io.lakeshift.log.MigrationRecord;
import io.lakeshift.model.HadoopLocation;
import io.lakeshift.model.SourceFile;
import io.lakeshift.plan.Action;
import io.lakeshift.plan.PlannedFile;
import io.lakeshift.source.HadoopSource;
import io.lakeshift.source.Source;
import io.lakeshift.target.HadoopTarget;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bandwidth cap and the deadline, on a clock the test moves: what is paced and what is held back. */
class LimitsTest {
    private static final long MIB = 1 << 20;
    private static final Instant NOON = Instant.parse("2026-03-02T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void theBucketPacesBytesToTheRateWhateverTheSliceSize() throws Exception {
        FakeTicker clock = new FakeTicker(NOON);
        TokenBucket bucket = new TokenBucket(BandwidthSchedule.constant(MIB), clock);
        for (int i = 0; i < 160; i++) {
            bucket.take(64 * 1024); // 10 MiB at 1 MiB/s
        }
        assertEquals(10_000_000_000L, clock.nanos(), 1, "10 MiB at 1 MiB/s take 10 s");
        bucket.take(5 * MIB);
        assertEquals(15_000_000_000L, clock.nanos(), 1, "one large take waits as long as its slices would");
    }

    @Test
    void idleTimeSavesUpOnlyALittle() throws Exception {
        FakeTicker clock = new FakeTicker(NOON);
        TokenBucket bucket = new TokenBucket(BandwidthSchedule.constant(MIB), clock);
        bucket.take(MIB);
        clock.advance(60_000_000_000L); // a minute with nothing to send
        long before = clock.nanos();
        bucket.take(10 * MIB);
        long waited = clock.nanos() - before;
        assertEquals(10_000_000_000L - TokenBucket.BURST_NANOS, waited, 1,
                "a minute idle licenses a burst of at most 100 ms");
    }

    @Test
    void theScheduleDecidesTheRateOfTheMomentAndOffMeansNoWait() throws Exception {
        BandwidthSchedule schedule = BandwidthSchedule.parse("08:00,1MiB 19:00,off");
        FakeTicker day = new FakeTicker(NOON);
        new TokenBucket(schedule, day).take(3 * MIB);
        assertEquals(3_000_000_000L, day.slept, 1, "capped at noon");
        FakeTicker night = new FakeTicker(Instant.parse("2026-03-02T20:00:00Z"));
        new TokenBucket(schedule, night).take(100 * MIB);
        assertEquals(0, night.sleeps, "no cap after 19:00");
        FakeTicker early = new FakeTicker(Instant.parse("2026-03-02T07:59:00Z"));
        new TokenBucket(schedule, early).take(100 * MIB);
        assertEquals(0, early.sleeps, "before 08:00 the day before's last entry (off) holds");
    }

    @Test
    void aThrottledSourceIsPacedAndReadsTheSameBytes() throws Exception {
        byte[] content = new byte[(int) (3 * MIB)];
        new Random(5).nextBytes(content);
        Files.write(dir.resolve("f.bin"), content);
        HadoopSource plain = new HadoopSource(dir.toUri().toString(), Map.of());
        List<SourceFile> listed = new ArrayList<>();
        plain.list(listed::add);
        FakeTicker clock = new FakeTicker(NOON);
        Source paced = new TaskLimits(0, BandwidthSchedule.constant(MIB)).pace(plain, clock);
        try (InputStream in = paced.open(listed.get(0))) {
            assertArrayEquals(content, in.readAllBytes());
        }
        assertEquals(3_000_000_000L, clock.nanos(), 1, "3 MiB at 1 MiB/s");
        assertTrue(clock.sleeps >= 12, "paced in slices of at most 256 KiB, not in one wait: " + clock.sleeps);
        assertSame(plain, TaskLimits.NONE.pace(plain, clock), "no cap, no wrapper");
    }

    @Test
    void afterTheDeadlineNoFileThatWorksIsStartedAndEachIsReportedAsNotStarted() throws Exception {
        Path lake = Files.createDirectories(dir.resolve("lake"));
        for (int i = 0; i < 6; i++) {
            Files.write(lake.resolve("f" + i + ".bin"), new byte[1000 + i]);
        }
        HadoopSource source = new HadoopSource(lake.toUri().toString(), Map.of());
        List<PlannedFile> files = new ArrayList<>();
        source.list(f -> files.add(PlannedFile.copy(f, f.relativePath())));
        files.sort(java.util.Comparator.comparing(PlannedFile::relativePath));
        SourceFile equal = files.get(5).source();
        files.set(5, new PlannedFile(equal, equal.relativePath(), equal.relativePath(), Action.SKIP_EQUAL, null,
                null, null));

        FakeTicker clock = new FakeTicker(NOON);
        TaskLimits limits = new TaskLimits(NOON.plusSeconds(60).toEpochMilli(), null);
        TransferSettings settings = new TransferSettings(1 << 20, 1 << 20, 2, 1, false, ParquetCheck.OFF, 1, 60_000);
        HadoopTarget target = new HadoopTarget(new HadoopLocation(dir.resolve("copy").toUri().toString()), Map.of());
        PartitionWork work = new PartitionWork(() -> target.openSink(settings, Retry.attempts(1)),
                sink -> new FileTransfer(source, sink, settings, Mode.COPY, Overwrite.CHANGED, false, "t", NOON),
                settings);
        List<String> done = new ArrayList<>();
        List<String> notStarted = new ArrayList<>();
        work.run(files, (f, r) -> {
            done.add(f.relativePath());
            if (done.size() == 2) {
                clock.advance(61_000_000_000L); // the second file ends after the deadline
            }
        }, f -> limits.mayStart(f, clock), f -> notStarted.add(f.relativePath()));

        assertEquals(List.of("f0.bin", "f1.bin", "f5.bin"), done, "two copies, then only the equal file");
        assertEquals(List.of("f2.bin", "f3.bin", "f4.bin"), notStarted);
        assertTrue(Files.exists(dir.resolve("copy/f1.bin")));
        assertTrue(Files.notExists(dir.resolve("copy/f2.bin")), "nothing of a file not started");
    }

    @Test
    void smallFilesQueuedBeforeTheDeadlineAreAskedAgainWhenAWorkerTakesThemUp() throws Exception {
        Path lake = Files.createDirectories(dir.resolve("lake"));
        for (int i = 0; i < 20; i++) {
            Files.write(lake.resolve("f" + i + ".bin"), new byte[100]);
        }
        HadoopSource source = new HadoopSource(lake.toUri().toString(), Map.of());
        List<PlannedFile> files = new ArrayList<>();
        source.list(f -> files.add(PlannedFile.copy(f, f.relativePath())));
        FakeTicker clock = new FakeTicker(NOON);
        TaskLimits limits = new TaskLimits(NOON.plusSeconds(1).toEpochMilli(), null);
        TransferSettings settings = new TransferSettings(1 << 20, 1 << 20, 2, 4, false, ParquetCheck.OFF, 1, 60_000);
        HadoopTarget target = new HadoopTarget(new HadoopLocation(dir.resolve("copy").toUri().toString()), Map.of());
        PartitionWork work = new PartitionWork(() -> target.openSink(settings, Retry.attempts(1)),
                sink -> new FileTransfer(source, sink, settings, Mode.COPY, Overwrite.CHANGED, false, "t", NOON),
                settings);
        List<MigrationRecord> done = new ArrayList<>();
        List<String> notStarted = new ArrayList<>();
        work.run(files, (f, r) -> {
            done.add(r);
            clock.advance(2_000_000_000L); // the first file to finish passes the deadline
        }, f -> limits.mayStart(f, clock), f -> notStarted.add(f.relativePath()));

        assertEquals(20, done.size() + notStarted.size(), "every file reported once, one way or the other");
        assertTrue(done.size() <= 4, "at most the files already taken up when the first ended: " + done.size());
        assertTrue(notStarted.size() >= 16, notStarted.toString());
    }
}
