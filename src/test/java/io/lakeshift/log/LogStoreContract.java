package io.lakeshift.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.testing.Lakes;
import io.lakeshift.io.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@link LogStore}'s contract, run against every backend (an OCI bucket, Hadoop file systems): whole files written
 * and read back by name, recursive prefix listings relative to the location, deletes that tolerate a missing file,
 * and a missing file read as {@link NotFoundException} naming it.
 */
abstract class LogStoreContract {
    private static final AtomicInteger FOLDERS = new AtomicInteger();
    /** Modification times come from the store's clock; allow for a store on another machine. */
    private static final long CLOCK_SLACK_MILLIS = 10 * 60_000L;

    /** A store on a fresh location below which nothing exists yet; {@code folder} is unique to the call. */
    abstract LogStore store(String folder) throws Exception;

    LogStore fresh(String what) throws Exception {
        return store(what + "-" + FOLDERS.incrementAndGet());
    }

    static Map<String, Long> listed(LogStore logs, String prefix) throws Exception {
        Map<String, Long> entries = new TreeMap<>();
        for (LogStore.Entry e : logs.list(prefix)) {
            assertTrue(entries.put(e.name(), e.modified()) == null, "listed twice: " + e.name());
        }
        return entries;
    }

    @Test
    void aFileReadsBackAsWrittenWhateverItsSize() throws Exception {
        LogStore logs = fresh("roundtrip");
        Map<String, byte[]> files = Map.of("empty.json", new byte[0], "run_id=1/part-00000.jsonl",
                "{\"a\":1}\n".getBytes(StandardCharsets.UTF_8), "run_id=1/plan/big.parquet", Lakes.random(3 << 20, 1));
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            logs.write(f.getKey(), f.getValue());
        }
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            assertArrayEquals(f.getValue(), logs.read(f.getKey()), f.getKey());
        }
    }

    @Test
    void aSecondWriteReplacesTheFile() throws Exception {
        LogStore logs = fresh("replace");
        logs.write("summary.json", Lakes.random(5000, 2));
        byte[] second = Lakes.random(10, 3);
        logs.write("summary.json", second);
        assertArrayEquals(second, logs.read("summary.json"));
        assertEquals(Set.of("summary.json"), listed(logs, "").keySet(), "one file, not two");
    }

    @Test
    void aListingIsRecursiveNamesFilesBelowTheLocationAndMatchesAStringPrefix() throws Exception {
        LogStore logs = fresh("listing");
        long before = System.currentTimeMillis();
        for (String name : List.of("run_id=1/part-00000.jsonl", "run_id=1/summary.json", "run_id=10/deep/a/b.jsonl",
                "run_id=2/part-00000.jsonl", "top.json")) {
            logs.write(name, name.getBytes(StandardCharsets.UTF_8));
        }
        Map<String, Long> all = listed(logs, "");
        assertEquals(Set.of("run_id=1/part-00000.jsonl", "run_id=1/summary.json", "run_id=10/deep/a/b.jsonl",
                "run_id=2/part-00000.jsonl", "top.json"), all.keySet());
        for (Map.Entry<String, Long> e : all.entrySet()) {
            assertTrue(Math.abs(e.getValue() - before) < CLOCK_SLACK_MILLIS, e.getKey() + " modified " + e.getValue()
                    + ", written at " + before);
        }
        assertEquals(Set.of("run_id=1/part-00000.jsonl", "run_id=1/summary.json"), listed(logs, "run_id=1/").keySet());
        assertEquals(Set.of("run_id=1/part-00000.jsonl", "run_id=1/summary.json", "run_id=10/deep/a/b.jsonl"),
                listed(logs, "run_id=1").keySet(), "a prefix is a string prefix, not only a folder");
        assertEquals(Set.of("run_id=10/deep/a/b.jsonl"), listed(logs, "run_id=10/deep/").keySet());
        assertTrue(logs.list("run_id=3/").isEmpty());
        for (LogStore.Entry e : logs.list("")) {
            assertArrayEquals(e.name().getBytes(StandardCharsets.UTF_8), logs.read(e.name()),
                    "a listed name reads its file");
        }
    }

    @Test
    void aLocationWhereNothingWasWrittenIsAnEmptyLog() throws Exception {
        LogStore logs = fresh("never-written");
        assertTrue(logs.list("").isEmpty());
        assertTrue(logs.list("run_id=").isEmpty());
    }

    @Test
    void neighbouringLocationsDoNotSeeEachOthersFiles() throws Exception {
        String folder = "neighbours-" + FOLDERS.incrementAndGet();
        LogStore a = store(folder);
        LogStore ab = store(folder + "b");
        a.write("x.json", Lakes.random(1, 4));
        ab.write("y.json", Lakes.random(1, 5));
        assertEquals(Set.of("x.json"), listed(a, "").keySet());
        assertEquals(Set.of("y.json"), listed(ab, "").keySet());
        assertNotEquals(a.location(), ab.location());
    }

    @Test
    void aMissingFileIsANotFoundExceptionNamingIt() throws Exception {
        LogStore logs = fresh("missing");
        NotFoundException never = assertThrows(NotFoundException.class,
                () -> logs.read("run_id=9/summary.json"), "nothing ever written there");
        assertTrue(never.getMessage().contains("run_id=9/summary.json"), never.getMessage());

        logs.write("run_id=9/part-00000.jsonl", Lakes.random(10, 6));
        NotFoundException sibling = assertThrows(NotFoundException.class,
                () -> logs.read("run_id=9/summary.json"), "a folder with other files");
        assertTrue(sibling.getMessage().contains("run_id=9/summary.json"), sibling.getMessage());
    }

    @Test
    void aDeletedFileIsGoneAndDeletingAMissingFileIsNoError() throws Exception {
        LogStore logs = fresh("delete");
        logs.write("run_id=1/part-00000.jsonl", Lakes.random(10, 7));
        logs.write("run_id=1/part-00001.jsonl", Lakes.random(10, 8));
        logs.delete("run_id=1/part-00000.jsonl");
        assertEquals(Set.of("run_id=1/part-00001.jsonl"), listed(logs, "").keySet());
        assertThrows(NotFoundException.class, () -> logs.read("run_id=1/part-00000.jsonl"));
        logs.delete("run_id=1/part-00000.jsonl");
        logs.delete("never/written.json");
        assertEquals(Set.of("run_id=1/part-00001.jsonl"),
                logs.list("").stream().map(LogStore.Entry::name).collect(Collectors.toSet()));
    }

    @Test
    void theLocationNamesWhereTheFilesGo() throws Exception {
        String folder = "named-" + FOLDERS.incrementAndGet();
        LogStore logs = store(folder);
        assertTrue(logs.location().contains(folder), logs.location());
    }
}
