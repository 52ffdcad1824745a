package io.lakeshift.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.model.SourceFile;
import io.lakeshift.testing.Lakes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The {@link Source} contract, run against each store for real: the local file system, an S3 server, an Azure
 * storage emulator. A subclass says how to write a file and a directory marker into its store, and builds the
 * source under test.
 */
abstract class SourceContract {
    private static final AtomicInteger LAKES = new AtomicInteger();
    private static final long YEAR_2020 = 1_577_836_800_000L;

    /** The URI of a fresh, empty lake root in the store (its name unique to the call). */
    abstract String newRoot(String name) throws Exception;

    /** Writes a file below a root made by {@link #newRoot}. */
    abstract void put(String root, String relative, byte[] bytes) throws Exception;

    /** Writes what the store uses as a directory (a folder, a "dir/" key, an hdi_isfolder blob). */
    abstract void putDirectory(String root, String relative) throws Exception;

    /** The source under test for a root; listing pages of at most {@code pageSize} where the store pages. */
    abstract Source source(String root, int pageSize) throws Exception;

    /** Whether the store lists an ETag for every file. */
    abstract boolean listsEtags();

    /** Whether the source finds empty folders for --keep-markers (the native ADLS reader lists none). */
    boolean listsEmptyFolders() {
        return true;
    }

    /**
     * Whether an empty folder's marker keeps the folder's own time, the same however it is found; false where the
     * store has no folder times and gives a folder the time it is asked about.
     */
    boolean keepsFolderTimes() {
        return true;
    }

    /** The secrets the source was given, which must never show in its text. */
    List<String> secrets() {
        return List.of();
    }

    String root(String what) throws Exception {
        return newRoot(what + "-" + LAKES.incrementAndGet());
    }

    static byte[] bytes(int size, long seed) {
        return Lakes.random(size, seed);
    }

    static Map<String, SourceFile> list(Source source) throws Exception {
        Map<String, SourceFile> files = new TreeMap<>();
        source.list(f -> {
            if (files.put(f.relativePath(), f) != null) {
                throw new AssertionError("listed twice: " + f.relativePath());
            }
        });
        return files;
    }

    static byte[] read(InputStream in) throws Exception {
        try (in) {
            return in.readAllBytes();
        }
    }

    @Test
    void listsEveryFileOnceWithItsSizeTimeAndPathBelowTheRoot() throws Exception {
        String root = root("listing");
        Map<String, byte[]> files = new TreeMap<>();
        files.put("top.bin", bytes(1000, 1));
        files.put("year=2024/month=01/part-0000.parquet", bytes(4096, 2));
        files.put("year=2024/month=02/part-0001.parquet", bytes(1, 3));
        files.put("empty/zero.bin", new byte[0]);
        files.put("with space/a b.txt", bytes(10, 4));
        files.put("unicode/données-日本.csv", bytes(20, 5));
        files.put("a/b/c/d/e/f/deep.bin", bytes(30, 6));
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            put(root, f.getKey(), f.getValue());
        }
        putDirectory(root, "only-a-folder");
        putDirectory(root, "year=2024");

        Map<String, SourceFile> listed = list(source(root, 1000));

        assertEquals(files.keySet(), listed.keySet(), "directories and markers are not files");
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            SourceFile s = listed.get(f.getKey());
            assertEquals(f.getValue().length, s.size(), f.getKey());
            assertTrue(s.modified() > YEAR_2020 && s.modified() < System.currentTimeMillis() + 86_400_000L,
                    f.getKey() + " modified " + s.modified());
            if (listsEtags()) {
                assertNotNull(s.etag(), "ETag of " + f.getKey());
            }
        }
        assertEquals(files.size(), new HashSet<>(listed.values().stream().map(SourceFile::uri).toList()).size(),
                "every file has its own URI");
    }

    @Test
    void listsTheEmptyFoldersAsZeroByteMarkersWhenAsked() throws Exception {
        String root = root("folders");
        put(root, "full/part-0.bin", bytes(10, 7));
        putDirectory(root, "full");
        putDirectory(root, "empty");
        putDirectory(root, "a/b/empty-below");
        Source source = source(root, 1000);
        Map<String, SourceFile> folders = new TreeMap<>();
        source.listEmptyFolders(f -> folders.put(f.relativePath(), f));

        assertEquals(listsEmptyFolders() ? Set.of("a/b/empty-below/", "empty/") : Set.of(), folders.keySet(),
                "only folders with nothing in them, each named with a trailing '/'");
        for (SourceFile f : folders.values()) {
            assertTrue(Source.isFolderMarker(f));
            assertEquals(0, f.size());
            assertEquals(0, read(source.open(f)).length, "a marker reads as no bytes");
        }
        assertEquals(Set.of("full/part-0.bin"), list(source).keySet(), "the file listing is unchanged");
    }

    /**
     * On the cluster each executor walks from a folder it was given: those walks together find what the root's walk
     * finds, the same files (URI, time), a folder with nothing in it being its own marker, and a folder gone since
     * it was listed none.
     */
    @Test
    void listsTheEmptyFoldersBelowEachFolderAsTheRootsWalkFindsThem() throws Exception {
        String root = root("below");
        put(root, "full/part-0.bin", bytes(10, 7));
        putDirectory(root, "full");
        putDirectory(root, "empty");
        putDirectory(root, "a/b/empty-below");
        putDirectory(root, "a/only-empty/x");
        putDirectory(root, "a/only-empty/y/z");
        put(root, "a/c/file.bin", bytes(5, 8));
        Source source = source(root, 1000);
        Map<String, SourceFile> whole = new TreeMap<>();
        source.listEmptyFolders(f -> whole.put(f.relativePath(), f));
        Map<String, SourceFile> walked = new TreeMap<>();
        for (String folder : List.of("a/", "empty/", "full/", "gone/")) {
            source.listEmptyFolders(folder, f -> assertNull(walked.put(f.relativePath(), f), "walked once"));
        }

        assertEquals(listsEmptyFolders() ? Set.of("a/b/empty-below/", "a/only-empty/x/", "a/only-empty/y/z/",
                "empty/") : Set.of(), whole.keySet(), "a folder holding only empty folders is not empty itself");
        assertEquals(timeless(whole), timeless(walked));
        if (keepsFolderTimes()) {
            assertEquals(whole, walked);
        }
        Map<String, SourceFile> one = new TreeMap<>();
        source.listEmptyFolders("a/only-empty/y/z/", f -> one.put(f.relativePath(), f));
        assertEquals(listsEmptyFolders() ? Set.of("a/only-empty/y/z/") : Set.of(), one.keySet(),
                "an empty folder walked alone is its own marker");
        assertEquals(timeless(one).values().stream().toList(), timeless(whole).values().stream()
                .filter(f -> f.relativePath().equals("a/only-empty/y/z/")).toList());
    }

    private static Map<String, SourceFile> timeless(Map<String, SourceFile> files) {
        Map<String, SourceFile> out = new TreeMap<>();
        files.forEach((k, f) -> out.put(k, new SourceFile(f.uri(), f.relativePath(), f.size(), 0, f.etag(), f.md5(),
                f.archived())));
        return out;
    }

    @Test
    void listsAcrossManyPages() throws Exception {
        String root = root("paged");
        for (int i = 0; i < 23; i++) {
            put(root, "p/" + (i % 3) + "/f-" + i + ".bin", bytes(i, i));
        }
        Map<String, SourceFile> listed = list(source(root, 5));
        assertEquals(23, listed.size());
        for (int i = 0; i < 23; i++) {
            assertEquals(i, listed.get("p/" + (i % 3) + "/f-" + i + ".bin").size());
        }
    }

    @Test
    void opensEveryListedFileWithItsExactBytes() throws Exception {
        String root = root("read");
        Map<String, byte[]> files = Map.of("a.bin", bytes(3 << 20, 7), "dir/b.bin", bytes(777, 8),
                "dir/empty.bin", new byte[0], "dir/x y/ü.bin", bytes(5, 9));
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            put(root, f.getKey(), f.getValue());
        }
        Source source = source(root, 1000);
        Map<String, SourceFile> listed = list(source);
        assertEquals(files.keySet(), listed.keySet());
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            assertArrayEquals(f.getValue(), read(source.open(listed.get(f.getKey()))), f.getKey());
        }
    }

    @Test
    void rangedReadsReturnTheAskedBytes() throws Exception {
        String root = root("ranges");
        byte[] content = bytes(1 << 20, 10);
        put(root, "r.bin", content);
        Source source = source(root, 1000);
        SourceFile file = list(source).get("r.bin");
        assertArrayEquals(Arrays.copyOfRange(content, 0, 100), read(source.open(file, 0, 100)));
        assertArrayEquals(Arrays.copyOfRange(content, 12345, 12345 + 70000),
                read(source.open(file, 12345, 70000)));
        assertArrayEquals(Arrays.copyOfRange(content, content.length - 10, content.length),
                read(source.open(file, content.length - 10, 1000)), "a range past the end stops at the end");
    }

    @Test
    void aRootThatIsAFileListsAsThatFile() throws Exception {
        String root = root("single");
        byte[] content = bytes(321, 11);
        put(root, "only/one.bin", content);
        Source source = source(root + (root.endsWith("/") ? "" : "/") + "only/one.bin", 1000);
        Map<String, SourceFile> listed = list(source);
        assertEquals(List.of("one.bin"), new ArrayList<>(listed.keySet()));
        assertArrayEquals(content, read(source.open(listed.get("one.bin"))));
    }

    @Test
    void aMissingRootIsOneLineNamingItAndTheSetting() throws Exception {
        String root = root("present");
        put(root, "x.bin", bytes(1, 1));
        String missing = root + (root.endsWith("/") ? "" : "/") + "no/such/folder";
        SourceException e = assertThrows(SourceException.class, () -> list(source(missing, 1000)));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains("--source"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void travelsToExecutorsAsSettingsAndNeverShowsItsSecrets() throws Exception {
        String root = root("serial");
        byte[] content = bytes(2000, 12);
        put(root, "s.bin", content);
        Source source = source(root, 1000);
        SourceFile file = list(source).get("s.bin");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(source);
            out.writeObject(file);
        }
        Source copy;
        SourceFile fileCopy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (Source) in.readObject();
            fileCopy = (SourceFile) in.readObject();
        }
        assertArrayEquals(content, read(copy.open(fileCopy)));
        for (String secret : secrets()) {
            assertFalse(source.toString().contains(secret), source.toString());
        }
        assertNull(list(copy).get("missing.bin"));
    }
}
