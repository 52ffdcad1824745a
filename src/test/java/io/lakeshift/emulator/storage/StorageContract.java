package io.lakeshift.emulator.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.emulator.OciException;
import io.lakeshift.testing.Lakes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * {@link Storage}'s contract, run against every store the emulator has (memory and disk): what the REST layer
 * relies on. Bodies are staged and then committed atomically; every error is an {@link OciException} with OCI's
 * status and code; a write that is refused leaves nothing behind.
 */
abstract class StorageContract {
    static final String NS = "contract-ns";
    /** Larger than the memory store's chunk (256 KiB) and the stores' copy buffer, so bodies span several. */
    static final int LARGE = 700_001;

    Storage storage;

    /** A new, empty store. */
    abstract Storage open() throws IOException;

    /**
     * How many stored bodies (blobs, staged or referenced) the store holds now, or -1 where the store cannot
     * tell from outside. Lets the contract show that a refused or replaced body is not kept.
     */
    abstract long blobs() throws IOException;

    @BeforeEach
    void start() throws IOException {
        storage = open();
    }

    @AfterEach
    void stop() throws IOException {
        storage.close();
    }

    // ---- helpers

    static BucketRecord bucketRecord(String name) {
        return new BucketRecord(name, NS, "ocid1.compartment.test", "ocid1.user.test", 1_700_000_000_000L,
                "etag-" + name, null, "NoPublicAccess", Map.of("team", "lake"));
    }

    BucketRecord bucket(String name) {
        return storage.createBucket(bucketRecord(name));
    }

    static ObjectWrite write(String name) {
        return new ObjectWrite(name, null, ContentHeaders.NONE, Map.of());
    }

    StagedBody stage(byte[] body) throws IOException {
        return storage.stage(new ByteArrayInputStream(body), body.length, false);
    }

    ObjectRecord put(String bucket, String name, byte[] body) throws IOException {
        return put(bucket, name, body, Precondition.NONE);
    }

    ObjectRecord put(String bucket, String name, byte[] body, Precondition condition) throws IOException {
        return storage.putObject(bucket, write(name), stage(body), condition);
    }

    byte[] read(String bucket, String name) throws IOException {
        Storage.OpenedObject opened = storage.open(bucket, name);
        try (Blob blob = opened.blob(); InputStream in = blob.stream(0, blob.size())) {
            return in.readAllBytes();
        }
    }

    static byte[] md5(byte[] body) throws Exception {
        return MessageDigest.getInstance("MD5").digest(body);
    }

    static String base64Md5(byte[] body) throws Exception {
        return Base64.getEncoder().encodeToString(md5(body));
    }

    /** Asserts the call fails with OCI's status and code, and returns the exception. */
    static OciException assertOci(int status, String code, Executable call) {
        OciException e = assertThrows(OciException.class, call);
        assertEquals(status, e.status(), e.getMessage());
        assertEquals(code, e.code(), e.getMessage());
        return e;
    }

    static void assertOci(int status, String code, Executable call, String message) {
        OciException e = assertThrows(OciException.class, call, message);
        assertEquals(status, e.status(), message);
        assertEquals(code, e.code(), message);
    }

    static List<String> names(ObjectListing listing) {
        return listing.objects().stream().map(ObjectRecord::name).toList();
    }

    ObjectListing list(String bucket, String prefix, String delimiter) {
        return storage.list(bucket, new ListQuery(prefix, null, null, null, delimiter, 1000));
    }

    // ---- buckets

    @Test
    void bucketsAreListedInNameOrderAndKeptAsCreated() {
        BucketRecord b = bucket("b-bucket");
        bucket("c-bucket");
        bucket("a-bucket");
        assertEquals(List.of("a-bucket", "b-bucket", "c-bucket"),
                storage.buckets().stream().map(BucketRecord::name).toList());
        assertEquals(b, storage.bucket("b-bucket").orElseThrow());
        assertTrue(storage.bucket("no-such-bucket").isEmpty());
    }

    @Test
    void aSecondBucketOfTheSameNameIsAConflict() {
        bucket("twice");
        assertOci(409, "BucketAlreadyExists", () -> storage.createBucket(bucketRecord("twice")));
        assertEquals(1, storage.buckets().size());
    }

    @Test
    void onlyAnEmptyBucketIsDeletedAndOnlyTheVersionItsEtagNames() throws Exception {
        bucket("full");
        put("full", "o", Lakes.random(10, 1));
        assertOci(409, "BucketNotEmpty", () -> storage.deleteBucket("full", null));
        storage.deleteObject("full", "o", null);
        UploadRecord u = storage.createUpload("full", write("pending"));
        assertOci(409, "BucketNotEmpty", () -> storage.deleteBucket("full", null), "an unfinished upload counts");
        storage.abortUpload("full", "pending", u.uploadId());

        assertOci(412, "IfMatchFailed", () -> storage.deleteBucket("full", "etag-other"));
        assertTrue(storage.bucket("full").isPresent());
        storage.deleteBucket("full", "etag-full");
        assertTrue(storage.bucket("full").isEmpty());
        assertTrue(storage.buckets().isEmpty());
        assertOci(404, "BucketNotFound", () -> storage.deleteBucket("full", null));
        bucket("full"); // the name is free again
        assertTrue(list("full", null, null).objects().isEmpty(), "a re-created bucket starts empty");
    }

    @Test
    void everyObjectOperationOnAMissingBucketIsBucketNotFound() throws Exception {
        StagedBody body = stage(Lakes.random(10, 2));
        assertOci(404, "BucketNotFound", () -> storage.putObject("missing", write("o"), body, Precondition.NONE));
        assertOci(404, "BucketNotFound", () -> storage.object("missing", "o"));
        assertOci(404, "BucketNotFound", () -> storage.open("missing", "o"));
        assertOci(404, "BucketNotFound", () -> storage.deleteObject("missing", "o", null));
        assertOci(404, "BucketNotFound", () -> storage.renameObject("missing", "o", "p", Precondition.NONE,
                Precondition.NONE));
        assertOci(404, "BucketNotFound", () -> list("missing", null, null));
        assertOci(404, "BucketNotFound", () -> storage.createUpload("missing", write("o")));
        assertOci(404, "BucketNotFound", () -> storage.uploads("missing"));
    }

    // ---- bodies and objects

    @Test
    void objectsOfAnySizeReadBackByteForByteWithTheirRecord() throws Exception {
        bucket("objects");
        for (int size : new int[] {0, 1, 1000, LARGE}) {
            byte[] body = Lakes.random(size, size);
            String name = "dir/obj-" + size;
            ContentHeaders content = new ContentHeaders("application/x-test", "gzip", "en", "inline", "no-cache");
            ObjectRecord r = storage.putObject("objects", new ObjectWrite(name, "InfrequentAccess", content,
                    Map.of("k", "v" + size)), stage(body), Precondition.NONE);
            assertEquals(name, r.name());
            assertEquals(size, r.size());
            assertEquals(base64Md5(body), r.md5(), "a single PUT keeps the body's MD5");
            assertNull(r.multipartMd5());
            assertEquals(r.md5(), r.listedMd5());
            assertNotNull(r.etag());
            assertEquals("InfrequentAccess", r.storageTier());
            assertEquals(content, r.content());
            assertEquals(Map.of("k", "v" + size), r.metadata());
            assertEquals(r, storage.object("objects", name).orElseThrow());
            assertArrayEquals(body, read("objects", name), name);
            Storage.OpenedObject opened = storage.open("objects", name);
            try (Blob blob = opened.blob()) {
                assertEquals(r, opened.record());
                assertEquals(size, blob.size());
            }
        }
    }

    @Test
    void anObjectWithoutATierTakesTheBucketsOrStandard() throws Exception {
        bucket("tiers");
        assertEquals("Standard", put("tiers", "o", Lakes.random(5, 1)).storageTier());
        storage.createBucket(new BucketRecord("archive", NS, "c", "u", 1L, "e", "Archive", null, Map.of()));
        assertEquals("Archive", put("archive", "o", Lakes.random(5, 1)).storageTier());
    }

    @Test
    void rangesServeExactlyTheBytesAsked() throws Exception {
        bucket("ranges");
        byte[] body = Lakes.random(LARGE, 3);
        put("ranges", "big", body);
        long[][] ranges = {{0, 1}, {0, LARGE}, {1, 10}, {262_143, 2}, {262_144, 262_144}, {300_000, 400_000},
                {LARGE - 1, 1}, {LARGE - 10, 10}, {5, 0}};
        Storage.OpenedObject opened = storage.open("ranges", "big");
        try (Blob blob = opened.blob()) {
            for (long[] r : ranges) {
                byte[] expected = new byte[(int) r[1]];
                System.arraycopy(body, (int) r[0], expected, 0, (int) r[1]);
                try (InputStream in = blob.stream(r[0], r[1])) {
                    assertArrayEquals(expected, in.readAllBytes(), r[0] + "+" + r[1]);
                }
            }
            // several ranges of one opened blob at once, read interleaved
            try (InputStream a = blob.stream(0, 1000); InputStream b = blob.stream(500_000, 1000)) {
                ByteArrayOutputStream outA = new ByteArrayOutputStream();
                ByteArrayOutputStream outB = new ByteArrayOutputStream();
                byte[] buf = new byte[100];
                for (int i = 0; i < 10; i++) {
                    outA.write(buf, 0, a.readNBytes(buf, 0, 100));
                    outB.write(buf, 0, b.readNBytes(buf, 0, 100));
                }
                assertArrayEquals(java.util.Arrays.copyOfRange(body, 0, 1000), outA.toByteArray());
                assertArrayEquals(java.util.Arrays.copyOfRange(body, 500_000, 501_000), outB.toByteArray());
            }
        }
    }

    @Test
    void anOpenedBodyKeepsServingTheVersionItOpened() throws Exception {
        bucket("versions");
        byte[] first = Lakes.random(LARGE, 4);
        put("versions", "o", first);
        Storage.OpenedObject opened = storage.open("versions", "o");
        try (Blob blob = opened.blob()) {
            put("versions", "o", Lakes.random(20, 5));
            try (InputStream in = blob.stream(0, blob.size())) {
                assertArrayEquals(first, in.readAllBytes(), "a replacement does not pull the body away mid-read");
            }
        }
        assertEquals(20, read("versions", "o").length);
    }

    @Test
    void stagingReadsExactlyTheAnnouncedLengthOrToTheEnd() throws Exception {
        byte[] body = Lakes.random(LARGE, 6);
        InputStream longer = new ByteArrayInputStream(Lakes.random(LARGE + 100, 6));
        StagedBody exact = storage.stage(longer, LARGE, true);
        assertEquals(LARGE, exact.size());
        assertArrayEquals(md5(body), exact.md5());
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(body), exact.sha256(), "SHA-256 when asked");
        assertEquals(100, longer.available(), "bytes after the announced length are left unread");

        StagedBody toEnd = storage.stage(new ByteArrayInputStream(body), -1, false);
        assertEquals(LARGE, toEnd.size(), "a negative length reads to the end of the stream");
        assertArrayEquals(md5(body), toEnd.md5());
        assertNull(toEnd.sha256(), "no SHA-256 unless asked");
        assertNotEquals(exact.blobId(), toEnd.blobId());
        storage.discard(exact);
        storage.discard(toEnd);
        if (blobs() >= 0) {
            assertEquals(0, blobs(), "discarded bodies are gone");
        }
    }

    @Test
    void aShortBodyIsRefusedAndLeavesNothing() throws Exception {
        bucket("short");
        IncompleteBodyException e = assertThrows(IncompleteBodyException.class,
                () -> storage.stage(new ByteArrayInputStream(Lakes.random(300_000, 7)), LARGE, false));
        assertTrue(e.getMessage().contains("300000") && e.getMessage().contains(Integer.toString(LARGE)),
                e.getMessage());
        if (blobs() >= 0) {
            assertEquals(0, blobs(), "nothing of the short body is kept");
        }
        assertTrue(list("short", null, null).objects().isEmpty());
    }

    @Test
    void aReplacedObjectGetsANewEtagAndItsOldBodyIsDropped() throws Exception {
        bucket("replace");
        ObjectRecord first = put("replace", "o", Lakes.random(100, 8));
        byte[] second = Lakes.random(200, 9);
        ObjectRecord replaced = put("replace", "o", second);
        assertNotEquals(first.etag(), replaced.etag());
        assertArrayEquals(second, read("replace", "o"));
        if (blobs() >= 0) {
            assertEquals(1, blobs(), "one body for one object");
        }
    }

    // ---- preconditions

    @Test
    void ifNoneMatchStarCreatesOnlyWhatIsNotThere() throws Exception {
        bucket("create-only");
        Precondition createOnly = new Precondition(null, "*");
        ObjectRecord created = put("create-only", "o", Lakes.random(10, 1), createOnly);
        assertOci(412, "IfNoneMatchFailed", () -> put("create-only", "o", Lakes.random(20, 2), createOnly));
        assertEquals(created, storage.object("create-only", "o").orElseThrow(), "the object is unchanged");
        assertOci(412, "IfNoneMatchFailed", () -> put("create-only", "o", Lakes.random(20, 2),
                new Precondition(null, created.etag())));
        put("create-only", "o", Lakes.random(30, 3), new Precondition(null, "some-other-etag"));
        assertEquals(30, storage.object("create-only", "o").orElseThrow().size());
        if (blobs() >= 0) {
            assertEquals(1, blobs(), "refused bodies are not kept");
        }
    }

    @Test
    void ifMatchReplacesOnlyTheVersionItNames() throws Exception {
        bucket("if-match");
        ObjectRecord v1 = put("if-match", "o", Lakes.random(10, 1));
        ObjectRecord v2 = put("if-match", "o", Lakes.random(20, 2), new Precondition(v1.etag(), null));
        assertOci(412, "IfMatchFailed", () -> put("if-match", "o", Lakes.random(30, 3), new Precondition(v1.etag(), null)));
        assertEquals(v2, storage.object("if-match", "o").orElseThrow());
        ObjectRecord quoted = put("if-match", "o", Lakes.random(40, 4), new Precondition("\"" + v2.etag() + "\"", null));
        assertEquals(40, quoted.size(), "a quoted ETag matches");
        ObjectRecord listed = put("if-match", "o", Lakes.random(50, 5),
                new Precondition("stale, \"" + quoted.etag() + "\"", null));
        assertEquals(50, listed.size(), "any ETag of a list matches");
        assertOci(412, "IfMatchFailed", () -> put("if-match", "new", Lakes.random(1, 1), new Precondition("*", null)),
                "if-match on a missing object");
        assertTrue(storage.object("if-match", "new").isEmpty());
        if (blobs() >= 0) {
            assertEquals(1, blobs());
        }
    }

    // ---- delete and rename

    @Test
    void aDeletedObjectIsGoneAndAStaleEtagDeletesNothing() throws Exception {
        bucket("delete");
        ObjectRecord v1 = put("delete", "o", Lakes.random(10, 1));
        ObjectRecord v2 = put("delete", "o", Lakes.random(20, 2));
        assertOci(412, "IfMatchFailed", () -> storage.deleteObject("delete", "o", v1.etag()));
        assertEquals(v2, storage.object("delete", "o").orElseThrow());
        assertEquals(v2, storage.deleteObject("delete", "o", v2.etag()), "the removed record");
        assertTrue(storage.object("delete", "o").isEmpty());
        assertOci(404, "ObjectNotFound", () -> storage.open("delete", "o"));
        assertOci(404, "ObjectNotFound", () -> storage.deleteObject("delete", "o", null));
        if (blobs() >= 0) {
            assertEquals(0, blobs());
        }
    }

    @Test
    void aRenamedObjectKeepsItsBytesAndPropertiesUnderANewEtag() throws Exception {
        bucket("rename");
        byte[] body = Lakes.random(LARGE, 11);
        ObjectRecord src = storage.putObject("rename", new ObjectWrite("from", null,
                new ContentHeaders("text/plain", null, null, null, null), Map.of("k", "v")), stage(body),
                Precondition.NONE);
        ObjectRecord renamed = storage.renameObject("rename", "from", "to", Precondition.NONE, Precondition.NONE);
        assertEquals("to", renamed.name());
        assertNotEquals(src.etag(), renamed.etag());
        assertEquals(src.md5(), renamed.md5());
        assertEquals(src.size(), renamed.size());
        assertEquals(src.content(), renamed.content());
        assertEquals(src.metadata(), renamed.metadata());
        assertArrayEquals(body, read("rename", "to"));
        assertTrue(storage.object("rename", "from").isEmpty());
        assertEquals(List.of("to"), names(list("rename", null, null)));
    }

    @Test
    void aRenameChecksBothConditionsAndReplacesTheTarget() throws Exception {
        bucket("rename-cond");
        ObjectRecord a = put("rename-cond", "a", Lakes.random(10, 1));
        put("rename-cond", "b", Lakes.random(20, 2));
        assertOci(404, "ObjectNotFound", () -> storage.renameObject("rename-cond", "nothing", "c",
                Precondition.NONE, Precondition.NONE));
        assertOci(400, "SourceNameSameAsNewName", () -> storage.renameObject("rename-cond", "a", "a",
                Precondition.NONE, Precondition.NONE));
        assertOci(412, "IfMatchFailed", () -> storage.renameObject("rename-cond", "a", "c",
                new Precondition("stale", null), Precondition.NONE));
        assertOci(412, "IfNoneMatchFailed", () -> storage.renameObject("rename-cond", "a", "b",
                new Precondition(a.etag(), null), new Precondition(null, "*")));
        assertEquals(List.of("a", "b"), names(list("rename-cond", null, null)), "refused renames change nothing");

        storage.renameObject("rename-cond", "a", "b", new Precondition(a.etag(), null), Precondition.NONE);
        assertEquals(List.of("b"), names(list("rename-cond", null, null)));
        assertEquals(10, read("rename-cond", "b").length, "the target was replaced");
        if (blobs() >= 0) {
            assertEquals(1, blobs(), "the replaced target's body is dropped");
        }
    }

    // ---- listing

    /** Names chosen so that code point order differs from Java's UTF-16 order (the emoji sorts after U+FFFD). */
    private void putNames(String bucket, List<String> names) throws IOException {
        bucket(bucket);
        for (String n : names) {
            put(bucket, n, n.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static final List<String> NAMES = List.of("a", "dir/x", "dir/sub/z", "dir/y", "dir0", "dir/sub/w",
            "e\uD83D\uDE00", "e\uFFFD", "\u00e9t\u00e9");

    @Test
    void listingIsInCodePointOrderAndFiltersByPrefix() throws Exception {
        putNames("listing", NAMES);
        assertEquals(List.of("a", "dir/sub/w", "dir/sub/z", "dir/x", "dir/y", "dir0", "e\uFFFD", "e\uD83D\uDE00",
                "\u00e9t\u00e9"), names(list("listing", null, null)));
        ObjectListing dir = list("listing", "dir/", null);
        assertEquals(List.of("dir/sub/w", "dir/sub/z", "dir/x", "dir/y"), names(dir));
        assertTrue(dir.prefixes().isEmpty());
        assertNull(dir.nextStartWith());
        assertTrue(list("listing", "nothing/", null).objects().isEmpty());
        ObjectRecord listed = dir.objects().get(2);
        assertEquals(storage.object("listing", "dir/x").orElseThrow(), listed, "the listing gives whole records");
    }

    @Test
    void aDelimiterGroupsNamesIntoPrefixes() throws Exception {
        putNames("delimited", NAMES);
        ObjectListing top = list("delimited", null, "/");
        assertEquals(List.of("a", "dir0", "e\uFFFD", "e\uD83D\uDE00", "\u00e9t\u00e9"), names(top));
        assertEquals(List.of("dir/"), top.prefixes());
        ObjectListing dir = list("delimited", "dir/", "/");
        assertEquals(List.of("dir/x", "dir/y"), names(dir));
        assertEquals(List.of("dir/sub/"), dir.prefixes());
        ObjectListing sub = list("delimited", "dir/sub/", "/");
        assertEquals(List.of("dir/sub/w", "dir/sub/z"), names(sub));
        assertTrue(sub.prefixes().isEmpty());
    }

    @Test
    void startIsInclusiveAndStartAfterAndEndAreExclusive() throws Exception {
        putNames("bounds", NAMES);
        assertEquals(List.of("dir/x", "dir/y"), names(storage.list("bounds",
                new ListQuery("dir/", "dir/x", null, null, null, 1000))));
        assertEquals(List.of("dir/y"), names(storage.list("bounds",
                new ListQuery("dir/", null, "dir/x", null, null, 1000))));
        assertEquals(List.of("a", "dir/sub/w"), names(storage.list("bounds",
                new ListQuery(null, null, null, "dir/sub/z", null, 1000))));
        assertEquals(List.of("dir/sub/w", "dir/sub/z", "dir/x", "dir/y"), names(storage.list("bounds",
                new ListQuery("dir/", "a", null, null, null, 1000))), "a start before the prefix is the prefix");
        assertEquals(List.of("dir/sub/z", "dir/x"), names(storage.list("bounds",
                new ListQuery(null, "dir/sub/x", null, "dir/y", null, 1000))));
    }

    @Test
    void pagesCoverEveryNameOnceAndTheLastPageSaysNothingRemains() throws Exception {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            many.add(String.format("p/%02d", i));
        }
        putNames("paged", many);
        List<String> seen = new ArrayList<>();
        String start = null;
        int pages = 0;
        do {
            ObjectListing page = storage.list("paged", new ListQuery("p/", start, null, null, null, 5));
            assertTrue(page.objects().size() <= 5);
            seen.addAll(names(page));
            start = page.nextStartWith();
            if (start != null) {
                assertEquals(5, page.objects().size(), "only the last page is short");
                assertTrue(many.contains(start), "nextStartWith names the next object: " + start);
            }
            pages++;
        } while (start != null);
        assertEquals(many, seen);
        assertEquals(5, pages);

        ObjectListing exact = storage.list("paged", new ListQuery("p/", "p/18", null, null, null, 5));
        assertEquals(5, exact.objects().size());
        assertNull(exact.nextStartWith(), "a page holding exactly the rest has no next");
    }

    @Test
    void prefixesCountTowardsAPageAndAreNotRepeated() throws Exception {
        putNames("paged-prefixes", List.of("a/1", "a/2", "b/1", "c", "d/1", "d/2", "e"));
        List<String> objects = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        String start = null;
        do {
            ObjectListing page = storage.list("paged-prefixes", new ListQuery(null, start, null, null, "/", 2));
            assertTrue(page.objects().size() + page.prefixes().size() <= 2);
            objects.addAll(names(page));
            prefixes.addAll(page.prefixes());
            start = page.nextStartWith();
        } while (start != null);
        assertEquals(List.of("c", "e"), objects);
        assertEquals(List.of("a/", "b/", "d/"), prefixes);
    }

    // ---- multipart

    @Test
    void aMultipartUploadCommitsItsChosenPartsInOrder() throws Exception {
        bucket("mp");
        ContentHeaders content = new ContentHeaders("application/x-parquet", null, null, null, null);
        UploadRecord upload = storage.createUpload("mp", new ObjectWrite("big", null, content, Map.of("src", "adls")));
        assertEquals("big", upload.object());
        assertEquals("mp", upload.bucket());
        assertEquals(NS, upload.namespace(), "the bucket's namespace");
        assertEquals("Standard", upload.storageTier());
        assertEquals(upload, storage.upload("mp", "big", upload.uploadId()));
        assertEquals(List.of(upload), storage.uploads("mp"));
        assertTrue(storage.object("mp", "big").isEmpty(), "nothing is visible before the commit");

        byte[] p1 = Lakes.random(LARGE, 21);
        byte[] p2 = Lakes.random(1000, 22);
        byte[] p3 = Lakes.random(10, 23);
        String id = upload.uploadId();
        PartRecord first2 = storage.putPart("mp", "big", id, 2, stage(Lakes.random(5, 0)), Precondition.NONE);;
        PartRecord part2 = storage.putPart("mp", "big", id, 2, stage(p2), Precondition.NONE);;
        assertNotEquals(first2.etag(), part2.etag(), "a part sent again is a new version");
        PartRecord part3 = storage.putPart("mp", "big", id, 3, stage(p3), Precondition.NONE);;
        PartRecord part1 = storage.putPart("mp", "big", id, 1, stage(p1), Precondition.NONE);;
        assertEquals(base64Md5(p1), part1.md5());
        assertEquals(LARGE, part1.size());
        assertEquals(List.of(part1, part2, part3), storage.parts("mp", "big", id), "in part-number order");

        ObjectRecord committed = storage.commitUpload("mp", "big", id, List.of(
                new Storage.PartRef(2, part2.etag()), new Storage.PartRef(1, "\"" + part1.etag() + "\"")),
                List.of(3), Precondition.NONE);
        byte[] joined = new byte[p1.length + p2.length];
        System.arraycopy(p1, 0, joined, 0, p1.length);
        System.arraycopy(p2, 0, joined, p1.length, p2.length);
        assertArrayEquals(joined, read("mp", "big"), "parts joined in part-number order, part 3 left out");
        assertEquals(joined.length, committed.size());
        assertNull(committed.md5(), "a multipart object has no single MD5");
        MessageDigest ofDigests = MessageDigest.getInstance("MD5");
        ofDigests.update(md5(p1));
        ofDigests.update(md5(p2));
        assertEquals(Base64.getEncoder().encodeToString(ofDigests.digest()) + "-2", committed.multipartMd5(),
                "OCI's opc-multipart-md5: the MD5 of the parts' MD5s, dash, the part count");
        assertEquals(committed.multipartMd5(), committed.listedMd5());
        assertEquals(content, committed.content());
        assertEquals(Map.of("src", "adls"), committed.metadata());
        assertEquals(committed, storage.object("mp", "big").orElseThrow());

        assertTrue(storage.uploads("mp").isEmpty(), "a committed upload is over");
        assertOci(404, "NoSuchUpload", () -> storage.upload("mp", "big", id));
        assertOci(404, "NoSuchUpload", () -> storage.parts("mp", "big", id));
        assertOci(404, "NoSuchUpload", () -> storage.putPart("mp", "big", id, 4, stage(p3), Precondition.NONE));;
        if (blobs() >= 0) {
            assertEquals(1, blobs(), "the object's body only: parts, the replaced part and the left-out part go");
        }
    }

    @Test
    void aCommitThatDoesNotAccountForEveryPartIsRefusedAndTheUploadStays() throws Exception {
        bucket("mp-bad");
        String id = storage.createUpload("mp-bad", write("o")).uploadId();
        PartRecord p1 = storage.putPart("mp-bad", "o", id, 1, stage(Lakes.random(100, 1)), Precondition.NONE);;
        PartRecord p2 = storage.putPart("mp-bad", "o", id, 2, stage(Lakes.random(100, 2)), Precondition.NONE);;
        Storage.PartRef r1 = new Storage.PartRef(1, p1.etag());
        Storage.PartRef r2 = new Storage.PartRef(2, p2.etag());
        assertOci(400, "InvalidParameter", () -> storage.commitUpload("mp-bad", "o", id, List.of(), List.of(),
                Precondition.NONE), "no part");
        assertOci(400, "InvalidUploadPart", () -> storage.commitUpload("mp-bad", "o", id, List.of(r1), List.of(),
                Precondition.NONE), "part 2 neither committed nor excluded");
        assertOci(400, "InvalidUploadPart", () -> storage.commitUpload("mp-bad", "o", id,
                List.of(r1, r2, new Storage.PartRef(3, "x")), List.of(), Precondition.NONE), "a part never sent");
        assertOci(400, "InvalidUploadPart", () -> storage.commitUpload("mp-bad", "o", id,
                List.of(r1, new Storage.PartRef(2, p1.etag())), List.of(), Precondition.NONE), "a wrong ETag");
        assertOci(400, "InvalidUploadPart", () -> storage.commitUpload("mp-bad", "o", id, List.of(r1, r2, r1),
                List.of(), Precondition.NONE), "a part twice");
        assertOci(400, "InvalidUploadPart", () -> storage.commitUpload("mp-bad", "o", id, List.of(r1, r2),
                List.of(2), Precondition.NONE), "a part both committed and excluded");
        put("mp-bad", "o", Lakes.random(1, 9));
        assertOci(412, "IfNoneMatchFailed", () -> storage.commitUpload("mp-bad", "o", id, List.of(r1, r2),
                List.of(), new Precondition(null, "*")), "the commit's own precondition");
        assertEquals(1, storage.object("mp-bad", "o").orElseThrow().size(), "refused commits change nothing");

        assertEquals(List.of(p1, p2), storage.parts("mp-bad", "o", id), "the upload is still open");
        ObjectRecord done = storage.commitUpload("mp-bad", "o", id, List.of(r2), List.of(1), Precondition.NONE);
        assertEquals(100, done.size());
        assertTrue(done.multipartMd5().endsWith("-1"), done.multipartMd5());
        if (blobs() >= 0) {
            assertEquals(1, blobs(), "refused commits leave no joined body behind");
        }
    }

    @Test
    void anAbortedUploadIsGoneWithItsParts() throws Exception {
        bucket("mp-abort");
        String id = storage.createUpload("mp-abort", write("o")).uploadId();
        storage.putPart("mp-abort", "o", id, 1, stage(Lakes.random(LARGE, 1)), Precondition.NONE);;
        assertOci(404, "NoSuchUpload", () -> storage.abortUpload("mp-abort", "other-object", id),
                "an upload is addressed with its object");
        storage.abortUpload("mp-abort", "o", id);
        assertTrue(storage.uploads("mp-abort").isEmpty());
        assertOci(404, "NoSuchUpload", () -> storage.upload("mp-abort", "o", id));
        assertOci(404, "NoSuchUpload", () -> storage.parts("mp-abort", "o", id));
        assertOci(404, "NoSuchUpload", () -> storage.putPart("mp-abort", "o", id, 2, stage(Lakes.random(5, 2)), Precondition.NONE));;
        assertOci(404, "NoSuchUpload", () -> storage.commitUpload("mp-abort", "o", id,
                List.of(new Storage.PartRef(1, "x")), List.of(), Precondition.NONE));
        assertOci(404, "NoSuchUpload", () -> storage.abortUpload("mp-abort", "o", id));
        assertTrue(storage.object("mp-abort", "o").isEmpty());
        if (blobs() >= 0) {
            assertEquals(0, blobs(), "the parts' bodies and the refused part's body are gone");
        }
    }

    @Test
    void uploadsAreListedByObjectNameThenCreationTime() throws Exception {
        bucket("mp-list");
        UploadRecord b1 = storage.createUpload("mp-list", write("b"));
        UploadRecord a1 = storage.createUpload("mp-list", write("a"));
        UploadRecord b2 = storage.createUpload("mp-list", write("b"));
        List<UploadRecord> listed = storage.uploads("mp-list");
        assertEquals(List.of("a", "b", "b"), listed.stream().map(UploadRecord::object).toList());
        assertEquals(a1, listed.get(0));
        assertTrue(listed.get(1).timeCreated() <= listed.get(2).timeCreated());
        assertEquals(java.util.Set.of(b1, b2), java.util.Set.of(listed.get(1), listed.get(2)));
        assertOci(404, "NoSuchUpload", () -> storage.upload("mp-list", "b", "no-such-upload"));
        assertOci(404, "NoSuchUpload", () -> storage.upload("mp-list", "a", b1.uploadId()));
    }

    // ---- encryption, tiers and restores

    @Test
    void encryptionIsKeptThroughPutsCommitsAndRenames() throws Exception {
        bucket("enc");
        Encryption customer = new Encryption(null, "c2hhLTI1Ni1vZi10aGUta2V5");
        Encryption vault = new Encryption("ocid1.key.oc1..k", null);
        ObjectRecord single = storage.putObject("enc", new ObjectWrite("single", "Archive", ContentHeaders.NONE,
                Map.of(), customer), stage(Lakes.random(10, 1)), Precondition.NONE);
        assertEquals(customer, single.encryption());
        assertEquals("Archived", single.archivalState(System.currentTimeMillis()));
        UploadRecord upload = storage.createUpload("enc", new ObjectWrite("multi", null, ContentHeaders.NONE,
                Map.of(), vault));
        assertEquals(vault, storage.upload("enc", "multi", upload.uploadId()).encryption());
        PartRecord p = storage.putPart("enc", "multi", upload.uploadId(), 1, stage(Lakes.random(10, 2)),
                Precondition.NONE);
        ObjectRecord multi = storage.commitUpload("enc", "multi", upload.uploadId(),
                List.of(new Storage.PartRef(1, p.etag())), List.of(), Precondition.NONE);
        assertEquals(vault, multi.encryption());
        assertEquals(customer, storage.renameObject("enc", "single", "renamed", Precondition.NONE,
                Precondition.NONE).encryption());
        assertEquals(Encryption.NONE, put("enc", "plain", Lakes.random(3, 3)).encryption());
    }

    @Test
    void updateObjectChangesTheRecordNotTheBody() throws Exception {
        bucket("upd");
        byte[] body = Lakes.random(100, 4);
        ObjectRecord before = storage.putObject("upd", new ObjectWrite("o", "Archive", ContentHeaders.NONE,
                Map.of("k", "v")), stage(body), Precondition.NONE);
        Restore restore = new Restore(1_000L, 2_000L);
        ObjectRecord after = storage.updateObject("upd", "o", o -> o.withRestore(restore));
        assertEquals(restore, after.restore());
        assertEquals(after, storage.object("upd", "o").orElseThrow());
        assertEquals(before.etag(), after.etag());
        assertEquals("Restoring", after.archivalState(999L));
        assertEquals("Restored", after.archivalState(1_000L));
        assertEquals("Archived", after.archivalState(2_000L), "archived again when the period ends");
        ObjectRecord moved = storage.updateObject("upd", "o", o -> o.withTier("InfrequentAccess"));
        assertNull(moved.restore());
        assertNull(moved.archivalState(1_500L));
        assertArrayEquals(body, read("upd", "o"));

        assertOci(409, "Refused", () -> storage.updateObject("upd", "o", o -> {
            throw new OciException(409, "Refused", "no");
        }));
        assertEquals(moved, storage.object("upd", "o").orElseThrow(), "a refused change changes nothing");
        assertOci(404, "ObjectNotFound", () -> storage.updateObject("upd", "none", o -> o));
        assertOci(404, "BucketNotFound", () -> storage.updateObject("no-bucket", "o", o -> o));
    }
}
