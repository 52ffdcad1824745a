package io.lakeshift.target;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.bmc.objectstorage.model.CreateMultipartUploadDetails;
import com.oracle.bmc.objectstorage.model.MultipartUpload;
import com.oracle.bmc.objectstorage.requests.CreateMultipartUploadRequest;
import com.oracle.bmc.objectstorage.requests.UploadPartRequest;
import io.lakeshift.config.TransferSettings;
import io.lakeshift.io.Retry;
import io.lakeshift.io.TransientException;
import io.lakeshift.oci.OciClients;
import io.lakeshift.testing.EmulatorFixture;
import io.lakeshift.testing.Lakes;
import io.lakeshift.testing.PartCounter;
import io.lakeshift.verify.Md5;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Part-level resume (issue 15, rclone #87), through the OCI Java SDK against the emulator: a multipart upload that
 * stopped is continued from the parts OCI holds, each checked against the bytes read now, and only the missing parts
 * are sent; an upload that is not this file's (another tool's, another source version) is aborted, never committed.
 * OCI's rules relied on: part numbers 1 to 10,000 need not be contiguous and the object is built in ascending order
 * (OCI Object Storage documentation, "Using Multipart Uploads"); each uploaded part must be in either partsToCommit or
 * partsToExclude (CommitMultipartUploadDetails, OCI API reference / SDK 3.77.2).
 */
class OciUploadResumeTest {
    private static final String BUCKET = "resume";
    private static final PartCounter parts = new PartCounter();
    /** 1 MiB parts, one at a time: a part is sent only once the one before it has an answer. */
    private static final TransferSettings SETTINGS = TransferSettings.of(1 << 20, 1 << 20, 1);
    /** Six parts: five whole and a short one. */
    private static final int SIZE = (5 << 20) + 1000;
    private static final AtomicLong NAMES = new AtomicLong();

    @RegisterExtension
    static final EmulatorFixture oci = EmulatorFixture.perClass(parts, BUCKET);

    @AfterEach
    void clean() {
        parts.refuseNone();
        parts.reset();
    }

    private static String name() {
        return "resume/file-" + NAMES.incrementAndGet() + ".bin";
    }

    private static Map<String, String> version(long modified) {
        return Map.of("lakeshift-source-size", Integer.toString(SIZE), "lakeshift-source-modified",
                Long.toString(modified));
    }

    private static OciObjectSink sink(long resumeBefore) {
        // lakeshift's own client: no SDK retries under lakeshift's, as in a run
        return new OciObjectSink(OciClients.get(oci.ociSettings()), oci.namespace(), BUCKET, SETTINGS,
                Retry.attempts(2), OciEncryption.NONE, resumeBefore);
    }

    private static UploadResult upload(ObjectSink sink, String name, byte[] body, Map<String, String> meta)
            throws IOException {
        return sink.upload(name, new ByteArrayInputStream(body), body.length, meta, CommitCheck.NONE);
    }

    /** A try that ends with parts {@code from} and later refused (503), leaving parts before it in OCI. */
    private static void failFrom(ObjectSink sink, String name, byte[] body, Map<String, String> meta, int from) {
        parts.refuseFrom(name, from);
        assertThrows(TransientException.class, () -> upload(sink, name, body, meta));
        parts.refuseNone();
        assertEquals(1, uploadsOf(name).size(), "the upload is kept open for the next try");
        assertTrue(oci.list(BUCKET, name).isEmpty(), "no object from a failed try");
    }

    private static List<MultipartUpload> uploadsOf(String name) {
        return oci.openUploads(BUCKET).stream().filter(u -> u.getObject().equals(name)).toList();
    }

    @Test
    void theNextTryOfAFileSendsOnlyThePartsOciDoesNotHold() throws Exception {
        String name = name();
        byte[] body = Lakes.random(SIZE, 1);
        try (ObjectSink sink = sink(Long.MIN_VALUE)) {
            failFrom(sink, name, body, version(1000), 4);
            UploadResult r = upload(sink, name, body, version(1000));

            assertArrayEquals(body, oci.get(BUCKET, name));
            assertEquals(Md5.base64(Md5.of(body, 0, body.length)), r.md5());
            assertEquals(6, r.parts());
            assertTrue(r.note().startsWith("resumed an open upload: 3 of 6 parts were already in OCI"), r.note());
            for (int p = 1; p <= 3; p++) {
                assertEquals(1, parts.requests(name, p), "part " + p + " was sent once, by the first try");
            }
            assertEquals(1, parts.requests(name, ResumeMarker.PART_NUMBER), "the marker was sent once");
            assertTrue(uploadsOf(name).isEmpty(), "the upload was committed");
            assertEquals("1000", oci.head(BUCKET, name).getOpcMeta().get("lakeshift-source-modified"));
        }
    }

    @Test
    void anUploadAKilledRunLeftIsContinuedByTheNextRun() throws Exception {
        String name = name();
        byte[] body = Lakes.random(SIZE, 2);
        ObjectSink killed = sink(Long.MIN_VALUE);
        failFrom(killed, name, body, version(1000), 3); // never closed: the run was killed
        parts.reset();
        try (ObjectSink next = sink(System.currentTimeMillis() + 1)) {
            UploadResult r = upload(next, name, body, version(1000));

            assertArrayEquals(body, oci.get(BUCKET, name));
            assertTrue(r.note().startsWith("resumed an open upload: 2 of 6 parts were already in OCI"), r.note());
            assertEquals(0, parts.requestsBelow(name, 3), "parts 1 and 2 were not sent again");
            for (int p = 3; p <= 6; p++) {
                assertEquals(1, parts.requests(name, p), "part " + p);
            }
            assertEquals(0, parts.requests(name, ResumeMarker.PART_NUMBER));
            assertTrue(uploadsOf(name).isEmpty());
        } finally {
            killed.close(); // its kept upload was committed by the next run: nothing is left to abort
        }
    }

    @Test
    void anUploadMadeForAnotherVersionOfTheSourceIsAbortedAndTheFileSentWhole() throws Exception {
        String name = name();
        byte[] body = Lakes.random(SIZE, 3);
        ObjectSink killed = sink(Long.MIN_VALUE);
        failFrom(killed, name, body, version(1000), 4);
        parts.reset();
        try (ObjectSink next = sink(System.currentTimeMillis() + 1)) {
            UploadResult r = upload(next, name, body, version(2000)); // same bytes, another modification time

            assertArrayEquals(body, oci.get(BUCKET, name));
            assertTrue(r.note().startsWith("aborted 1 open upload(s) of this object that could not be resumed"),
                    r.note());
            assertEquals(3, parts.requestsBelow(name, 4), "every part was sent again");
            assertEquals("2000", oci.head(BUCKET, name).getOpcMeta().get("lakeshift-source-modified"),
                    "the object has this run's fingerprint");
            assertTrue(uploadsOf(name).isEmpty());
        } finally {
            killed.close();
        }
    }

    @Test
    void anotherToolsUploadOfTheNameIsNeverCommitted() throws Exception {
        String name = name();
        byte[] body = Lakes.random(SIZE, 4);
        // The same bytes in the same parts, but no marker: a careless resume would take them.
        String foreign = oci.client().createMultipartUpload(CreateMultipartUploadRequest.builder()
                .namespaceName(oci.namespace()).bucketName(BUCKET).createMultipartUploadDetails(
                        CreateMultipartUploadDetails.builder().object(name).metadata(Map.of("tool", "other"))
                                .build()).build()).getMultipartUpload().getUploadId();
        for (int p = 1; p <= 2; p++) {
            byte[] part = Arrays.copyOfRange(body, (p - 1) << 20, p << 20);
            oci.client().uploadPart(UploadPartRequest.builder().namespaceName(oci.namespace()).bucketName(BUCKET)
                    .objectName(name).uploadId(foreign).uploadPartNum(p).contentLength((long) part.length)
                    .uploadPartBody(new ByteArrayInputStream(part)).build());
        }
        parts.reset();
        try (ObjectSink sink = sink(System.currentTimeMillis() + 1)) {
            UploadResult r = upload(sink, name, body, version(1000));

            assertArrayEquals(body, oci.get(BUCKET, name));
            assertTrue(r.note().startsWith("aborted 1 open upload(s)"), r.note());
            assertEquals(2, parts.requestsBelow(name, 3), "parts 1 and 2 were sent by lakeshift itself");
            Map<String, String> meta = oci.head(BUCKET, name).getOpcMeta();
            assertNull(meta.get("tool"), "the other tool's upload was not the one committed: " + meta);
            assertTrue(uploadsOf(name).isEmpty(), "the other tool's upload was aborted");
        }
    }

    @Test
    void aHeldPartWhoseBytesDifferFromTheSourceIsSentAgain() throws Exception {
        String name = name();
        byte[] before = Lakes.random(SIZE, 5);
        byte[] now = before.clone();
        now[(1 << 20) + 7] ^= 1; // part 2 changed, size and fingerprint the same (a rewrite within the second)
        ObjectSink killed = sink(Long.MIN_VALUE);
        failFrom(killed, name, before, version(1000), 3);
        parts.reset();
        try (ObjectSink next = sink(System.currentTimeMillis() + 1)) {
            UploadResult r = upload(next, name, now, version(1000));

            assertArrayEquals(now, oci.get(BUCKET, name), "the object holds the bytes read now");
            assertNotEquals(Md5.base64(Md5.of(before, 0, before.length)), r.md5());
            assertTrue(r.note().startsWith("resumed an open upload: 1 of 6 parts"), r.note());
            assertEquals(0, parts.requests(name, 1));
            assertEquals(1, parts.requests(name, 2), "the differing part was replaced");
        } finally {
            killed.close();
        }
    }

    @Test
    void anUploadStartedAfterTheRunBeganIsAnotherTasksAndLeftAlone() throws Exception {
        String name = name();
        byte[] body = Lakes.random(SIZE, 6);
        ObjectSink other = sink(Long.MIN_VALUE);
        failFrom(other, name, body, version(1000), 3);
        String kept = uploadsOf(name).get(0).getUploadId();
        try (ObjectSink sink = sink(0)) {
            UploadResult r = upload(sink, name, body, version(1000));
            assertArrayEquals(body, oci.get(BUCKET, name));
            assertNull(r.note());
            assertEquals(List.of(kept), uploadsOf(name).stream().map(MultipartUpload::getUploadId).toList());
        }
        other.close();
        assertTrue(uploadsOf(name).isEmpty(), "closing a sink aborts the upload it kept for a try");
    }

    @Test
    void aListedPartMd5IsReadAsBase64OrHex() {
        String base64 = Md5.base64(Md5.of(new byte[] {1, 2, 3}, 0, 3));
        String hex = java.util.HexFormat.of().formatHex(java.util.Base64.getDecoder().decode(base64));
        assertEquals(base64, OciUploads.base64(base64));
        assertEquals(base64, OciUploads.base64(hex));
        assertEquals(base64, OciUploads.base64(hex.toUpperCase(java.util.Locale.ROOT)));
    }

    @Test
    void theMarkerNamesTheVersionThePartSizeAndTheObject() {
        ResumeMarker m = ResumeMarker.of("a", SIZE, 1 << 20, version(1000));
        assertEquals(m, ResumeMarker.of("a", SIZE, 1 << 20, version(1000)));
        assertNotEquals(m, ResumeMarker.of("a", SIZE, 1 << 20, version(2000)));
        assertNotEquals(m, ResumeMarker.of("a", SIZE, 2 << 20, version(1000)));
        assertNotEquals(m, ResumeMarker.of("b", SIZE, 1 << 20, version(1000)));
        assertNull(ResumeMarker.of("a", 10_000L << 20, 1 << 20, Map.of()), "a file needing every part number");
    }
}
