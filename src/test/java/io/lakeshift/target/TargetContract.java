package io.lakeshift.target;

import io.lakeshift.io.Retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lakeshift.model.TargetObject;
import io.lakeshift.verify.Md5;
import io.lakeshift.testing.Lakes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link Target}'s contract, run against every kind of target (an OCI bucket and prefix, Hadoop folders on the
 * local file system and on S3): what the driver plans with (the listing, the leftovers) and what an executor
 * writes with (a sink). Objects are keyed by the name the target's sinks write them under,
 * {@code location().objectName(relative)}: the prefix and the path below it for OCI, the path below the folder for
 * a Hadoop folder (its prefix is empty).
 */
abstract class TargetContract {
    private static final AtomicInteger FOLDERS = new AtomicInteger();
    private static final long CLOCK_SLACK_MILLIS = 10 * 60_000L;

    /** A target on a folder or prefix, in a bucket that exists, below which nothing exists yet. */
    abstract Target target(String folder) throws Exception;

    /** A target whose bucket (container) does not exist, or null where the store has no buckets. */
    abstract Target inMissingBucket() throws Exception;

    /** Writes an object below a target made by {@link #target} with the store's own client, not lakeshift. */
    abstract void putRaw(Target target, String relative, byte[] body) throws Exception;

    /**
     * Starts a multipart upload of {@code relative} below the target with the store's own client and leaves it
     * unfinished; false where the target keeps no unfinished uploads of its own.
     */
    abstract boolean leaveUnfinishedUpload(Target target, String relative) throws Exception;

    /** The unfinished uploads below the target, by object name. */
    abstract List<String> unfinishedUploads(Target target) throws Exception;

    /** The secrets the target was built with, which its text must never show. */
    List<String> secrets() {
        return List.of();
    }

    Target fresh(String what) throws Exception {
        return target(what + "-" + FOLDERS.incrementAndGet());
    }

    static UploadResult upload(ObjectSink sink, String name, byte[] body) throws IOException {
        return sink.upload(name, new ByteArrayInputStream(body), body.length, Map.of(), CommitCheck.NONE);
    }

    @Test
    void aFolderOrPrefixWithNothingInItIsAnEmptyTarget() throws Exception {
        Target target = fresh("empty");
        assertTrue(target.objects().isEmpty());
        assertEquals(0, target.abortLeftovers(System.currentTimeMillis() + 60_000), "nothing to clean up");
    }

    @Test
    void theListingHoldsWhatItsSinksWroteWithTheirSizesAndVersions() throws Exception {
        Target target = fresh("listing");
        Map<String, byte[]> files = new TreeMap<>();
        files.put("top.bin", Lakes.random(1000, 1));
        files.put("year=2024/month=01/part-0.parquet", Lakes.random(4096, 2));
        files.put("empty.bin", new byte[0]);
        files.put("with space/données #1%.bin", Lakes.random(10, 3));
        files.put("large/multipart.bin", Lakes.random((int) (2.5 * (1 << 20)), 4));
        Map<String, UploadResult> written = new TreeMap<>();
        long before = System.currentTimeMillis();
        try (ObjectSink sink = target.openSink(ObjectSinkContract.SETTINGS, Retry.attempts(1))) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                written.put(f.getKey(), upload(sink, target.location().objectName(f.getKey()), f.getValue()));
            }
        }

        Map<String, TargetObject> objects = target.objects();
        Map<String, String> expectedNames = new TreeMap<>();
        files.keySet().forEach(f -> expectedNames.put(target.location().objectName(f), f));
        assertEquals(expectedNames.keySet(), objects.keySet());
        for (Map.Entry<String, String> n : expectedNames.entrySet()) {
            TargetObject o = objects.get(n.getKey());
            byte[] body = files.get(n.getValue());
            assertEquals(n.getKey(), o.name(), "keyed by its own name");
            assertEquals(body.length, o.size(), n.getKey());
            assertEquals(written.get(n.getValue()).etag(), o.etag(), "the listing and the upload agree on the version");
            assertTrue(Math.abs(o.modified() - before) < CLOCK_SLACK_MILLIS, n.getKey() + " modified " + o.modified());
            if (o.md5() != null && !o.md5().contains("-")) {
                assertEquals(Md5.base64(Md5.of(body, 0, body.length)), o.md5(), "a listed MD5 is the body's");
            }
        }
    }

    @Test
    void theListingHoldsObjectsWrittenByOthersAndNothingOutsideTheLocation() throws Exception {
        String folder = "others-" + FOLDERS.incrementAndGet();
        Target target = target(folder);
        Target neighbour = target(folder + "b");
        putRaw(target, "a/raw.bin", Lakes.random(123, 5));
        putRaw(neighbour, "not-ours.bin", Lakes.random(7, 6));

        assertEquals(Set.of(target.location().objectName("a/raw.bin")), target.objects().keySet());
        assertEquals(123, target.objects().get(target.location().objectName("a/raw.bin")).size());
        assertEquals(Set.of(neighbour.location().objectName("not-ours.bin")), neighbour.objects().keySet());
    }

    @Test
    void aSinkOfTheTargetWritesReadsAndDeletesItsObjects() throws Exception {
        Target target = fresh("sink");
        String name = target.location().objectName("dir/file.bin");
        byte[] body = Lakes.random(5000, 7);
        try (ObjectSink sink = target.openSink(ObjectSinkContract.SETTINGS, Retry.attempts(1))) {
            UploadResult r = upload(sink, name, body);
            assertEquals(body.length, r.size());
            ObjectInfo head = sink.head(name);
            assertNotNull(head);
            assertEquals(r.etag(), head.etag());
            assertEquals(Md5.base64(Md5.of(body, 0, body.length)), sink.readMd5(name));
            assertEquals(Set.of(name), target.objects().keySet());
            sink.delete(name, r.etag());
        }
        assertTrue(target.objects().isEmpty(), "the sink deleted below the target's location");
    }

    @Test
    void aTargetShippedToAnExecutorListsTheSameObjects() throws Exception {
        Target target = fresh("shipped");
        putRaw(target, "x.bin", Lakes.random(10, 8));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(target);
        }
        Target copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (Target) in.readObject();
        }
        assertEquals(target.location(), copy.location());
        assertEquals(target.objects(), copy.objects());
        for (String secret : secrets()) {
            assertFalse(target.toString().contains(secret), "its text shows no secret: " + target);
        }
        assertTrue(target.toString().contains(target.location().toString()), target.toString());
    }

    @Test
    void aMissingBucketIsAnErrorNamingTheTargetNotAnEmptyTarget() throws Exception {
        Target missing = inMissingBucket();
        assumeTrue(missing != null, "the store has no buckets");
        io.lakeshift.io.NotFoundException e = assertThrows(io.lakeshift.io.NotFoundException.class, missing::objects);
        assertTrue(e.getMessage().contains(missing.location().toString()), e.getMessage());
    }

    @Test
    void leftoverUploadsStartedBeforeTheRunAreAbortedAndOnlyBelowTheLocation() throws Exception {
        String folder = "leftovers-" + FOLDERS.incrementAndGet();
        Target target = target(folder);
        Target neighbour = target(folder + "b");
        boolean tracked = leaveUnfinishedUpload(target, "crashed.bin");
        if (!tracked) {
            assertEquals(0, target.abortLeftovers(System.currentTimeMillis() + 60_000),
                    "a target without uploads of its own has nothing to abort");
            return;
        }
        leaveUnfinishedUpload(neighbour, "theirs.bin");
        String ours = target.location().objectName("crashed.bin");
        assertEquals(List.of(ours), unfinishedUploads(target));

        assertEquals(0, target.abortLeftovers(0), "an upload started after the given time is not a leftover");
        assertEquals(List.of(ours), unfinishedUploads(target));
        assertEquals(1, target.abortLeftovers(System.currentTimeMillis() + 60_000));
        assertTrue(unfinishedUploads(target).isEmpty());
        assertEquals(List.of(neighbour.location().objectName("theirs.bin")), unfinishedUploads(neighbour),
                "another location's upload is not touched");
        assertTrue(target.objects().isEmpty(), "aborting creates no object");
    }
}
