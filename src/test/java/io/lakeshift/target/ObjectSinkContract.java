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
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.config.TransferSettings;
import io.lakeshift.verify.Md5;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Random;
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
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
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
        assertThrows(Exception.class, () -> sink.delete(name, first.etag()), "a stale version is not deleted");
        assertEquals(200, sink.head(name).size());
        sink.delete(name, second.etag());
        assertNull(sink.head(name));
        sink.delete(name, null); // already gone: not an error
    }

    @Test
    void aMissingObjectHasNoHead() throws Exception {
        assertNull(sink.head(name("missing")));
    }
}
