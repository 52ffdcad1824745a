package io.lakeshift.emulator.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.testing.Lakes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The storage contract on the disk store, and what only it promises: the same state after a restart. */
class DiskStorageTest extends StorageContract {
    @TempDir
    Path data;

    @Override
    Storage open() throws IOException {
        return new DiskStorage(data);
    }

    /** Body files, complete or still being received. */
    @Override
    long blobs() throws IOException {
        return count(data.resolve("blobs")) + count(data.resolve("tmp"));
    }

    private static long count(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }

    private void reopen() throws IOException {
        storage.close();
        storage = open();
    }

    @Test
    void bucketsObjectsAndUploadsSurviveAReopen() throws Exception {
        BucketRecord bucket = bucket("durable");
        bucket("gone");
        byte[] body = Lakes.random(LARGE, 41);
        ObjectRecord single = storage.putObject("durable", new ObjectWrite("dir/single", "InfrequentAccess",
                new ContentHeaders("application/x-test", null, "en", null, "no-cache"), Map.of("k", "v")),
                stage(body), Precondition.NONE);
        put("durable", "replaced", Lakes.random(1, 1));
        ObjectRecord replaced = put("durable", "replaced", Lakes.random(2, 2));
        put("durable", "deleted", Lakes.random(3, 3));
        storage.deleteObject("durable", "deleted", null);
        put("durable", "renamed-from", Lakes.random(4, 4));
        ObjectRecord renamed = storage.renameObject("durable", "renamed-from", "renamed-to", Precondition.NONE,
                Precondition.NONE);
        String mp = storage.createUpload("durable", write("multi")).uploadId();
        PartRecord p1 = storage.putPart("durable", "multi", mp, 1, stage(Lakes.random(1000, 5)), Precondition.NONE);;
        ObjectRecord multi = storage.commitUpload("durable", "multi", mp, List.of(new Storage.PartRef(1, p1.etag())),
                List.of(), Precondition.NONE);
        UploadRecord pending = storage.createUpload("durable", new ObjectWrite("pending", null, ContentHeaders.NONE,
                Map.of("m", "1")));
        byte[] part1 = Lakes.random(2000, 6);
        PartRecord pendingPart = storage.putPart("durable", "pending", pending.uploadId(), 1, stage(part1), Precondition.NONE);;
        storage.deleteBucket("gone", null);
        ObjectListing before = list("durable", null, null);

        reopen();

        assertEquals(List.of(bucket), storage.buckets(), "the deleted bucket stays deleted");
        assertEquals(before, list("durable", null, null), "every record as it was");
        assertEquals(List.of("dir/single", "multi", "renamed-to", "replaced"), names(before));
        assertEquals(single, storage.object("durable", "dir/single").orElseThrow());
        assertArrayEquals(body, read("durable", "dir/single"));
        assertEquals(replaced, storage.object("durable", "replaced").orElseThrow());
        assertArrayEquals(Lakes.random(2, 2), read("durable", "replaced"));
        assertEquals(renamed, storage.object("durable", "renamed-to").orElseThrow());
        assertEquals(multi, storage.object("durable", "multi").orElseThrow());
        assertEquals(List.of(pending), storage.uploads("durable"));
        assertEquals(List.of(pendingPart), storage.parts("durable", "pending", pending.uploadId()));

        byte[] part2 = Lakes.random(3000, 7);
        PartRecord p2 = storage.putPart("durable", "pending", pending.uploadId(), 2, stage(part2), Precondition.NONE);;
        ObjectRecord done = storage.commitUpload("durable", "pending", pending.uploadId(), List.of(
                new Storage.PartRef(1, pendingPart.etag()), new Storage.PartRef(2, p2.etag())), List.of(),
                Precondition.NONE);
        assertEquals(Map.of("m", "1"), done.metadata());
        byte[] joined = new byte[part1.length + part2.length];
        System.arraycopy(part1, 0, joined, 0, part1.length);
        System.arraycopy(part2, 0, joined, part1.length, part2.length);
        assertArrayEquals(joined, read("durable", "pending"), "an upload begun before the restart completes after");
        assertEquals(5, blobs(), "one body per object; replaced, deleted and committed parts' bodies are gone");
    }

    @Test
    void encryptionTiersAndRestoresSurviveAReopen() throws Exception {
        bucket("kept");
        Encryption customer = new Encryption(null, "c2hhLTI1Ni1vZi10aGUta2V5");
        Encryption vault = new Encryption("ocid1.key.oc1..k", null);
        storage.putObject("kept", new ObjectWrite("sse-c", "InfrequentAccess", ContentHeaders.NONE, Map.of(),
                customer), stage(Lakes.random(10, 1)), Precondition.NONE);
        storage.putObject("kept", new ObjectWrite("cold", "Archive", ContentHeaders.NONE, Map.of(), vault),
                stage(Lakes.random(10, 2)), Precondition.NONE);
        ObjectRecord restored = storage.updateObject("kept", "cold", o -> o.withRestore(new Restore(5L, 10L)));
        UploadRecord pending = storage.createUpload("kept", new ObjectWrite("pending", "Archive",
                ContentHeaders.NONE, Map.of(), customer));

        reopen();

        assertEquals(customer, storage.object("kept", "sse-c").orElseThrow().encryption());
        assertEquals("InfrequentAccess", storage.object("kept", "sse-c").orElseThrow().storageTier());
        assertEquals(restored, storage.object("kept", "cold").orElseThrow());
        assertEquals(new Restore(5L, 10L), storage.object("kept", "cold").orElseThrow().restore());
        assertEquals(pending, storage.upload("kept", "pending", pending.uploadId()));
        assertEquals(customer, storage.upload("kept", "pending", pending.uploadId()).encryption());
    }

    @Test
    void recordsWrittenBeforeEncryptionWasKeptStillLoad() throws Exception {
        bucket("old");
        put("old", "o", Lakes.random(10, 3));
        Path objectFile;
        try (Stream<Path> files = Files.walk(data.resolve("buckets"))) {
            objectFile = files.filter(f -> f.getParent().getFileName().toString().equals("objects")).findFirst()
                    .orElseThrow();
        }
        String json = Files.readString(objectFile);
        Files.writeString(objectFile, json.replaceAll(",\\s*\"encryption\"\\s*:\\s*\\{[^}]*\\}", "")
                .replaceAll(",\\s*\"restore\"\\s*:\\s*null", ""));
        assertFalse(Files.readString(objectFile).contains("encryption"), Files.readString(objectFile));

        reopen();

        ObjectRecord o = storage.object("old", "o").orElseThrow();
        assertEquals(Encryption.NONE, Encryption.of(o.encryption()));
        assertNull(o.restore());
    }

    @Test
    void leftoversOfACrashAreClearedAtStartAndLiveBodiesKept() throws Exception {
        bucket("crash");
        byte[] body = Lakes.random(100, 8);
        put("crash", "kept", body);
        Files.write(data.resolve("tmp").resolve("half-received"), Lakes.random(10, 9));
        Files.write(data.resolve("blobs").resolve("unreferenced"), Lakes.random(10, 10));
        Path bucketDir;
        try (Stream<Path> dirs = Files.list(data.resolve("buckets"))) {
            bucketDir = dirs.findFirst().orElseThrow();
        }
        Path halfWritten = bucketDir.resolve("objects").resolve("x.json.1234.tmp");
        Files.writeString(halfWritten, "{");

        reopen();

        assertEquals(1, blobs(), "only the live object's body");
        assertFalse(Files.exists(halfWritten), "a metadata file cut off mid-write is removed");
        assertArrayEquals(body, read("crash", "kept"));
    }

    @Test
    void fileNamesOnDiskNeverComeFromUserText() throws Exception {
        bucket("names");
        String hostile = "../../escape/" + "x".repeat(300) + "/\u00e9";
        put("names", hostile, Lakes.random(5, 11));
        try (Stream<Path> all = Files.walk(data)) {
            assertTrue(all.allMatch(p -> p.normalize().startsWith(data.normalize())
                    && !p.getFileName().toString().contains("escape")), "every file stays below the data folder");
        }
        reopen();
        assertEquals(List.of(hostile), names(list("names", null, null)));
    }
}
