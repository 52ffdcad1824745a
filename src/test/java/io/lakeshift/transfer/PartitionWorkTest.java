package io.lakeshift.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.config.Mode;
import io.lakeshift.config.Overwrite;
import io.lakeshift.config.ParquetCheck;
import io.lakeshift.config.TransferSettings;
import io.lakeshift.log.MigrationRecord;
import io.lakeshift.log.Status;
import io.lakeshift.model.HadoopLocation;
import io.lakeshift.plan.PlannedFile;
import io.lakeshift.target.CommitCheck;
import io.lakeshift.target.HadoopTarget;
import io.lakeshift.target.ObjectInfo;
import io.lakeshift.target.ObjectProperties;
import io.lakeshift.target.ObjectSink;
import io.lakeshift.io.Retry;
import io.lakeshift.target.UploadResult;
import io.lakeshift.source.HadoopSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A partition's small files go several at a time within the memory budget, multipart files one at a time, and
 * every file is reported once, with its bytes landed (local file system on both sides).
 */
class PartitionWorkTest {
    private static final int SMALL = 60;
    private static final int THRESHOLD = 2 << 20;

    @TempDir
    Path dir;

    @Test
    void smallFilesOverlapWithinTheBudgetAndEveryFileIsReportedOnce() throws Exception {
        Path lake = Files.createDirectories(dir.resolve("lake"));
        Random random = new Random(1);
        for (int i = 0; i < SMALL; i++) {
            write(lake.resolve("small/f" + i + ".bin"), 200_000 + random.nextInt(100_000), random);
        }
        write(lake.resolve("large/a.bin"), 3 << 20, random);
        write(lake.resolve("large/b.bin"), (5 << 20) / 2, random);
        HadoopSource source = new HadoopSource(lake.toUri().toString(), Map.of());
        List<PlannedFile> files = new ArrayList<>();
        source.list(f -> files.add(PlannedFile.copy(f, f.relativePath())));

        // 2 parts of 1 MiB: small files in flight may hold 2 MiB together (about 7 of them), though 16 may run
        TransferSettings settings = new TransferSettings(THRESHOLD, 1 << 20, 2, 16, false, ParquetCheck.OFF, 1,
                60_000);
        long budget = settings.parallelParts() * settings.partSize();
        HadoopTarget target = new HadoopTarget(new HadoopLocation(dir.resolve("copy").toUri().toString()), Map.of());
        Watch watch = new Watch();
        PartitionWork work = new PartitionWork(() -> watch.around(target.openSink(settings, Retry.attempts(1))),
                sink -> new FileTransfer(source, sink, settings, Mode.COPY, Overwrite.CHANGED, false, "t",
                        Instant.now()), settings);
        List<MigrationRecord> records = new ArrayList<>();
        AtomicInteger inCallback = new AtomicInteger();
        work.run(files, (f, r) -> {
            assertEquals(1, inCallback.incrementAndGet(), "callbacks never overlap");
            records.add(r);
            inCallback.decrementAndGet();
        });

        assertEquals(SMALL + 2, records.size());
        Set<String> names = new HashSet<>();
        for (MigrationRecord r : records) {
            assertEquals(Status.NEW, r.status(), r.toString());
            assertTrue(names.add(r.targetName()), "reported once: " + r.targetName());
            assertArrayEquals(Files.readAllBytes(lake.resolve(r.sourceName())),
                    Files.readAllBytes(dir.resolve("copy").resolve(r.targetName())), r.targetName());
        }
        assertEquals(0, watch.twoInFlight.getCount(), "a second small file started while the first was in flight");
        assertEquals(0, watch.aloneTooLong.get(), "no small upload waited in vain for another");
        assertTrue(watch.maxUploads.get() > 1, "small files overlapped: " + watch.maxUploads);
        assertTrue(watch.maxBytes.get() <= budget, "bytes in flight " + watch.maxBytes + " above " + budget);
        assertEquals(0, watch.largeOverlaps.get(), "multipart files go alone");
    }

    private static void write(Path file, int size, Random random) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] b = new byte[size];
        random.nextBytes(b);
        Files.write(file, b);
    }

    /** Counts uploads and their bytes in flight across every sink the work opens. */
    private static final class Watch {
        final AtomicInteger uploads = new AtomicInteger();
        final AtomicInteger maxUploads = new AtomicInteger();
        final AtomicLong bytes = new AtomicLong();
        final AtomicLong maxBytes = new AtomicLong();
        final AtomicInteger largeOverlaps = new AtomicInteger();
        /** Opens when two small uploads are in flight at once: the first waits here for a second to start. */
        final CountDownLatch twoInFlight = new CountDownLatch(2);
        final AtomicInteger aloneTooLong = new AtomicInteger();

        /**
         * Holds the first small uploads until another one has started beside them: with files one at a time the
         * second never starts, and the wait gives up (counted) instead of hanging the test.
         */
        void meet() throws IOException {
            twoInFlight.countDown();
            try {
                if (!twoInFlight.await(30, TimeUnit.SECONDS)) {
                    aloneTooLong.incrementAndGet();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for a second upload");
            }
        }

        ObjectSink around(ObjectSink sink) {
            return new ObjectSink() {
                @Override
                public UploadResult upload(String name, InputStream in, long size, ObjectProperties metadata,
                        CommitCheck check) throws IOException {
                    boolean small = size < THRESHOLD;
                    int now = uploads.incrementAndGet();
                    maxUploads.accumulateAndGet(now, Math::max);
                    if (!small && now > 1) {
                        largeOverlaps.incrementAndGet();
                    }
                    if (small) {
                        maxBytes.accumulateAndGet(bytes.addAndGet(size), Math::max);
                    }
                    try {
                        if (small) {
                            meet();
                        }
                        return sink.upload(name, in, size, metadata, check);
                    } finally {
                        uploads.decrementAndGet();
                        if (small) {
                            bytes.addAndGet(-size);
                        }
                    }
                }

                @Override
                public long memoryFor(long size) {
                    return sink.memoryFor(size);
                }

                @Override
                public ObjectInfo head(String name) throws IOException {
                    return sink.head(name);
                }

                @Override
                public void delete(String name, String etag) throws IOException {
                    sink.delete(name, etag);
                }

                @Override
                public String readMd5(String name) throws IOException {
                    return sink.readMd5(name);
                }

                @Override
                public void close() {
                    sink.close();
                }
            };
        }
    }
}
