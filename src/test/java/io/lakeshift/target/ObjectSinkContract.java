package io.lakeshift.target;

import io.lakeshift.target.CommitCheck;
import io.lakeshift.io.PermanentException;
import io.lakeshift.target.ObjectInfo;
import io.lakeshift.target.ObjectSink;
import io.lakeshift.target.UploadResult;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.config.TransferSettings;
import io.lakeshift.verify.Md5;
import io.lakeshift.testing.Lakes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.concurrent.ExecutionException;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ObjectSink}'s contract, run against every target: exact bytes or nothing, a verified MD5, conditional
 * deletes. Small settings (1 MiB parts) so the multipart path runs on a few MiB.
 */
abstract class ObjectSinkContract {
    static final TransferSettings SETTINGS = TransferSettings.of(1 << 20, 1 << 20, 2);
    private static final AtomicLong NAMES = new AtomicLong();

    ObjectSink sink;

    /** A sink on an empty folder or prefix of the backend. */
    abstract ObjectSink open() throws Exception;

    /** The stored bytes of an object, read without the sink. */
    abstract byte[] stored(String name) throws Exception;

    /** Whether the store keeps user metadata ({@link ObjectSink#upload}: a store without it ignores it). */
    abstract boolean keepsMetadata();

    /** Whether a file being written is visible at its path before the commit (a local file system's). */
    boolean writesInPlace() {
        return false;
    }

    @BeforeEach
    void openSink() throws Exception {
        sink = open();
    }

    @AfterEach
    void closeSink() {
        sink.close();
    }

    static String name(String what) {
        return "contract/" + what + "-" + NAMES.incrementAndGet() + ".bin";
    }

    static byte[] bytes(int size, long seed) {
        return Lakes.random(size, seed);
    }

    private UploadResult upload(String name, byte[] body) throws IOException {
        return sink.upload(name, new ByteArrayInputStream(body), body.length, Map.of("lakeshift-test", "1"),
                CommitCheck.NONE);
    }

    @Test
    void smallAndLargeFilesLandByteForByteWithTheirMd5() throws Exception {
        for (int size : new int[] {0, 1000, (int) (3.5 * (1 << 20))}) {
            String name = name("exact-" + size);
            byte[] body = bytes(size, size);
            UploadResult r = upload(name, body);
            String md5 = Md5.base64(Md5.of(body, 0, body.length));
            assertEquals(size, r.size());
            assertEquals(md5, r.md5(), "the MD5 computed while reading");
            assertNotNull(r.etag());
            assertArrayEquals(body, stored(name), name);
            ObjectInfo head = sink.head(name);
            assertEquals(size, head.size());
            assertEquals(r.etag(), head.etag(), "head and upload report one version");
            assertEquals(md5, sink.readMd5(name));
        }
    }

    @Test
    void aSourceShorterThanListedLeavesNoObject() throws Exception {
        for (int listed : new int[] {2000, 3 << 20}) {
            String name = name("short");
            byte[] body = bytes(listed / 2, 7);
            IOException e = assertThrows(IOException.class, () -> sink.upload(name, new ByteArrayInputStream(body),
                    listed, Map.of(), CommitCheck.NONE));
            assertTrue(e.getMessage().contains("ended after " + body.length), e.getMessage());
            assertNull(sink.head(name), "nothing landed for " + listed);
        }
    }

    @Test
    void aSourceLongerThanListedLeavesNoObject() throws Exception {
        String name = name("long");
        byte[] body = bytes(3000, 8);
        IOException e = assertThrows(IOException.class, () -> sink.upload(name, new ByteArrayInputStream(body),
                2000, Map.of(), CommitCheck.NONE));
        assertTrue(e.getMessage().contains("longer than"), e.getMessage());
        assertNull(sink.head(name));
    }

    @Test
    void aFailedCheckBeforeCommitLeavesNoObject() throws Exception {
        for (int size : new int[] {500, (int) (2.5 * (1 << 20))}) {
            String name = name("check");
            InputStream in = new ByteArrayInputStream(bytes(size, 9));
            IOException e = assertThrows(IOException.class, () -> sink.upload(name, in, size, Map.of(),
                    () -> {
                        throw new PermanentException("footer is corrupt");
                    }));
            assertEquals("footer is corrupt", e.getMessage());
            assertNull(sink.head(name), "nothing landed for " + size);
        }
    }

    @Test
    void aDeleteOnlyRemovesTheVersionItNames() throws Exception {
        String name = name("delete");
        UploadResult first = upload(name, bytes(100, 1));
        UploadResult second = upload(name, bytes(200, 2));
        // Every backend: the one typed "changed" error (was: OCI the SDK's 412, Hadoop FileProblem).
        assertThrows(io.lakeshift.io.ChangedException.class, () -> sink.delete(name, first.etag()),
                "a stale version is not deleted");
        assertEquals(200, sink.head(name).size());
        sink.delete(name, second.etag());
        assertNull(sink.head(name));
        sink.delete(name, null); // already gone: not an error
    }

    @Test
    void aMissingObjectHasNoHead() throws Exception {
        assertNull(sink.head(name("missing")));
    }

    /** Sizes that take each path: one PUT, and multipart (SETTINGS: 1 MiB threshold and parts). */
    private static final int[] SIZES = {500, (int) (2.5 * (1 << 20))};

    @Test
    void metadataIsKeptWhereTheStoreKeepsAnyAndIgnoredElsewhere() throws Exception {
        Map<String, String> metadata = Map.of("lakeshift-source-etag", "\"abc\"", "lakeshift-test", "meta");
        for (int size : SIZES) {
            String name = name("meta");
            sink.upload(name, new ByteArrayInputStream(bytes(size, 10)), size, metadata, CommitCheck.NONE);
            Map<String, String> stored = sink.head(name).metadata();
            if (keepsMetadata()) {
                Map<String, String> given = new HashMap<>(stored);
                given.keySet().retainAll(metadata.keySet());
                assertEquals(metadata, given, "every entry round trips, for " + size + " bytes: " + stored);
            } else {
                assertEquals(Map.of(), stored, "a store without user metadata reports none");
            }
        }
    }

    @Test
    void theCommitCheckRunsOnceAfterEveryByteWasReadAndBeforeTheObjectExists() throws Exception {
        for (int size : SIZES) {
            String name = name("check-once");
            Counting in = new Counting(new ByteArrayInputStream(bytes(size, 11)));
            AtomicInteger runs = new AtomicInteger();
            AtomicLong readAtCheck = new AtomicLong(-1);
            AtomicInteger existedAtCheck = new AtomicInteger();
            UploadResult r = sink.upload(name, in, size, Map.of(), () -> {
                runs.incrementAndGet();
                readAtCheck.set(in.count);
                if (!writesInPlace() && sink.head(name) != null) {
                    existedAtCheck.incrementAndGet();
                }
            });
            assertEquals(1, runs.get(), "the check ran exactly once for " + size + " bytes");
            assertEquals(size, readAtCheck.get(), "every byte was read before the check");
            assertEquals(0, existedAtCheck.get(), "no object before the check passed");
            assertEquals(size, r.size());
            assertNotNull(sink.head(name));
        }
    }

    @Test
    void closeNeverCommitsAnUploadItInterrupts() throws Exception {
        ExecutorService uploader = Executors.newSingleThreadExecutor();
        try {
            for (int size : SIZES) {
                String name = name("closed");
                Pausing in = new Pausing(bytes(size, 12), size / 2 + 1);
                ObjectSink closing = open();
                Future<UploadResult> upload = uploader.submit(() -> closing.upload(name, in, size, Map.of(),
                        CommitCheck.NONE));
                assertTrue(in.reached.await(60, TimeUnit.SECONDS), "the upload read half the file");
                assertTimeoutPreemptively(Duration.ofSeconds(30), closing::close, "close does not wait for the upload");
                in.release.countDown(); // the task's source goes away, as when its executor is torn down
                ExecutionException e = assertThrows(ExecutionException.class, () -> upload.get(60, TimeUnit.SECONDS));
                assertTrue(e.getCause() instanceof IOException || e.getCause() instanceof RuntimeException,
                        "the upload failed: " + e.getCause());
                ObjectSink other = open();
                try {
                    assertNull(other.head(name), "nothing landed of " + size + " bytes");
                } finally {
                    other.close();
                }
            }
        } finally {
            uploader.shutdownNow();
        }
    }

    /** Counts the bytes read through it. */
    private static final class Counting extends java.io.FilterInputStream {
        volatile long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    /** Serves its bytes up to {@code pauseAt}, then waits for {@link #release} and fails like a lost source. */
    private static final class Pausing extends java.io.FilterInputStream {
        final CountDownLatch reached = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        Pausing(byte[] body, int pauseAt) {
            super(new ByteArrayInputStream(body, 0, pauseAt));
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            return b < 0 ? pause() : b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            return n < 0 ? pause() : n;
        }

        private int pause() throws IOException {
            reached.countDown();
            try {
                if (!release.await(60, TimeUnit.SECONDS)) {
                    throw new IOException("never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while paused");
            }
            throw new IOException("the source went away");
        }
    }
}
