package io.lakeshift.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.log.MigrationRecord;
import io.lakeshift.log.RunSummary;
import io.lakeshift.log.Status;
import io.lakeshift.source.HadoopSource;
import io.lakeshift.testing.EmulatorFixture;
import io.lakeshift.testing.FaultyFileSystem;
import io.lakeshift.testing.Inventories;
import io.lakeshift.testing.Inventories.Entry;
import io.lakeshift.testing.Inventories.Format;
import io.lakeshift.testing.JobRuns;
import io.lakeshift.testing.Lakes;
import io.lakeshift.testing.SparkTestSession;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --inventory} and {@code --files-from-lookup} against the emulator, from a local lake whose listings are
 * counted ({@link FaultyFileSystem#watchListings}): only the inventoried (or named) files move, an entry older than
 * the source fails by itself, and the source is never listed. The reports are written in S3's and Azure's own
 * formats ({@link Inventories}).
 */
class InventoryIT {
    /** The query of every ListObjects the emulator saw, by bucket. */
    private static final Map<String, List<String>> TARGET_LISTINGS = new ConcurrentHashMap<>();
    @RegisterExtension
    static final EmulatorFixture oci = EmulatorFixture.perClass(request -> {
        if ("ListObjects".equals(request.operation())) {
            TARGET_LISTINGS.computeIfAbsent(request.bucket(), b -> new CopyOnWriteArrayList<>())
                    .add(String.valueOf(request.exchange().getRequestURI().getRawQuery()));
        }
        return false;
    });
    private static final JobRuns jobs = new JobRuns(oci);

    @TempDir
    Path dir;
    private Path lake;
    private String bucket;
    private String target;
    private final List<Entry> entries = new ArrayList<>();

    @BeforeAll
    static void spark() {
        SparkTestSession.get();
    }

    @BeforeEach
    void lake() throws Exception {
        bucket = oci.newBucket("inv");
        target = oci.target(bucket, "data/");
        lake = dir.resolve("lake");
        for (int i = 0; i < 4; i++) {
            inventoried("t/p=" + (i % 2) + "/f " + i + ".bin", 1000 + i, i);
        }
        Lakes.write(lake, "t/not-inventoried.bin", 500, 40); // written after the inventory: not in it
        Files.createDirectories(lake.resolve("t"));
        entries.add(Entry.of("lake", key("t/gone.bin"), 700, 1_700_000_000_000L)); // deleted after the inventory
        inventoried("t/grown.bin", 600, 41);
        Lakes.write(lake, "t/grown.bin", 900, 41); // grew after the inventory
        entries.add(Entry.of("lake", "elsewhere/x.bin", 10, 1_700_000_000_000L)); // outside the source
        FaultyFileSystem.watchListings(lake);
    }

    private void inventoried(String relative, int size, long seed) throws Exception {
        Path file = Lakes.write(lake, relative, size, seed);
        entries.add(Entry.of("lake", key(relative), size, Files.getLastModifiedTime(file).toMillis()));
    }

    /** The object key of a lake file: a local lake's paths stand for keys below the file system's root. */
    private String key(String relative) {
        return lake.toAbsolutePath().toString().substring(1) + "/" + relative;
    }

    private RunSummary run(String runId, String... more) throws Exception {
        return run(new PrintStream(new ByteArrayOutputStream()), runId, more);
    }

    /** {@link #run(String, String...)} with the run's console lines printed on {@code out}. */
    private RunSummary run(PrintStream out, String runId, String... more) throws Exception {
        List<String> all = new ArrayList<>(List.of("--source", lake.toUri().toString(), "--target", target,
                "--run-id", runId, "--max-attempts", "1"));
        all.addAll(List.of(more));
        return jobs.run(out, all.toArray(String[]::new));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void s3InventoryMovesOnlyItsFilesFailsStaleOnesAndNeverListsTheSource(Format format) throws Exception {
        Path manifest = Inventories.s3(SparkTestSession.get(), dir.resolve("reports"), "lake", entries, format, 2);
        RunSummary r = run("i1", "--inventory", manifest.toString());

        assertEquals(Map.of("new", 4L, "failed", 2L), r.files());
        assertEquals(new TreeSet<>(List.of("data/t/p=0/f 0.bin", "data/t/p=0/f 2.bin", "data/t/p=1/f 1.bin",
                "data/t/p=1/f 3.bin")), new TreeSet<>(oci.list(bucket, "data/")));
        Map<String, MigrationRecord> log = jobs.log(bucket, "i1");
        assertEquals(Set.of("t/p=0/f 0.bin", "t/p=0/f 2.bin", "t/p=1/f 1.bin", "t/p=1/f 3.bin", "t/gone.bin",
                "t/grown.bin"), log.keySet(), "the files not inventoried and the rows outside the source are not logged");
        for (String stale : List.of("t/gone.bin", "t/grown.bin")) {
            assertEquals(Status.FAILED, log.get(stale).status(), stale);
            assertTrue(log.get(stale).error().contains("the inventory is older than the source"),
                    log.get(stale).error());
            assertTrue(log.get(stale).error().contains(stale.substring(2)), log.get(stale).error());
        }
        assertEquals(0, FaultyFileSystem.listings(lake), "the source was listed");
    }

    /** Planned on the cluster, the report's rows are read on the executors: the same run, still no listing. */
    @Test
    void s3InventoryPlannedOnTheClusterMovesTheSameFiles() throws Exception {
        Path manifest = Inventories.s3(SparkTestSession.get(), dir.resolve("reports"), "lake", entries,
                Format.PARQUET, 2);
        RunSummary r = run("d1", "--inventory", manifest.toString(), "--planning", "distributed");

        assertEquals(Map.of("new", 4L, "failed", 2L), r.files());
        assertEquals(new TreeSet<>(List.of("data/t/p=0/f 0.bin", "data/t/p=0/f 2.bin", "data/t/p=1/f 1.bin",
                "data/t/p=1/f 3.bin")), new TreeSet<>(oci.list(bucket, "data/")));
        assertEquals(Set.of("t/p=0/f 0.bin", "t/p=0/f 2.bin", "t/p=1/f 1.bin", "t/p=1/f 3.bin", "t/gone.bin",
                "t/grown.bin"), jobs.log(bucket, "d1").keySet());
        assertEquals(0, FaultyFileSystem.listings(lake), "the source was listed");
    }

    /**
     * An inventory names no folders, so the target's key ranges are bounded by a sample of the inventory's names:
     * the target is listed by several tasks, not all of it by one (a 10M-object target ran one task out of memory).
     */
    @Test
    void theTargetOfAnInventoryIsListedInSeveralKeyRanges() throws Exception {
        Path manifest = Inventories.s3(SparkTestSession.get(), dir.resolve("reports"), "lake", entries,
                Format.CSV, 2);
        run("r1", "--inventory", manifest.toString(), "--planning", "distributed");
        TARGET_LISTINGS.remove(bucket);

        RunSummary again = run("r2", "--inventory", manifest.toString(), "--planning", "distributed");

        assertEquals(Map.of("equal", 4L, "failed", 2L), again.files());
        List<String> ranged = TARGET_LISTINGS.getOrDefault(bucket, List.of()).stream()
                .filter(q -> q.contains("prefix=data") && (q.contains("start=") || q.contains("end="))).toList();
        assertTrue(ranged.stream().filter(q -> q.contains("end=")).count() >= 2, TARGET_LISTINGS.toString());
        assertTrue(ranged.stream().anyMatch(q -> q.contains("start=") && !q.contains("end=")),
                "the last range runs to the end: " + TARGET_LISTINGS);
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"CSV", "PARQUET"})
    void azureBlobInventoryMovesOnlyItsFiles(Format format) throws Exception {
        List<Entry> azure = entries.stream().filter(e -> e.bucket().equals("lake"))
                .map(e -> new Entry(null, e.key(), e.size(), e.modified(), null, null, null)).toList();
        Path manifest = Inventories.azure(SparkTestSession.get(), dir.resolve("reports"), azure, format);
        RunSummary r = run("a1", "--inventory", manifest.toString());

        assertEquals(Map.of("new", 4L, "failed", 2L), r.files());
        assertEquals(4, oci.list(bucket, "data/").size());
        assertEquals(0, FaultyFileSystem.listings(lake), "the source was listed");
    }

    /** Looked up on the executors both ways; planned on the driver or, with --planning distributed, on the cluster. */
    @ParameterizedTest
    @ValueSource(strings = {"local", "distributed"})
    void filesFromLookupLooksThePathsUpWithoutListingTheSource(String planning) throws Exception {
        Path manifest = Files.writeString(dir.resolve("files.txt"), "# wanted\nt/p=0/f 0.bin\n/t/p=1/f 3.bin\n"
                + "t/missing.bin\nt/p=0/f 0.bin\n");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        RunSummary r = run(new PrintStream(console, true, StandardCharsets.UTF_8), "l-" + planning,
                "--files-from", manifest.toString(), "--files-from-lookup", "--planning", planning);
        String lines = console.toString(StandardCharsets.UTF_8);

        assertEquals(Map.of("new", 2L), r.files(), "found files only; neither the others nor the missing one logged");
        assertTrue(lines.contains("--files-from: 1 named path(s) are no file in"), lines);
        assertTrue(lines.contains("t/missing.bin"), lines);
        assertEquals(planning.equals("distributed"), lines.contains(" on the cluster\n"), lines);
        assertTrue(!lines.contains("planned on the driver"), lines);
        assertEquals(new TreeSet<>(List.of("data/t/p=0/f 0.bin", "data/t/p=1/f 3.bin")),
                new TreeSet<>(oci.list(bucket, "data/")));
        assertEquals(0, FaultyFileSystem.listings(lake), "the source was listed");
    }

    /**
     * --planning auto with more named paths than the driver plans: chosen from the count of the paths, so the run
     * goes to the cluster without the driver looking the first 200,000 up (and the cluster again): one lookup per
     * named path.
     */
    @Test
    void autoChoosesTheClusterFromTheNamedPathsWithoutLookingThemUpTwice() throws Exception {
        StringBuilder paths = new StringBuilder("t/p=0/f 0.bin\n/t/p=1/f 3.bin\n");
        int auto = 200_000; // run.PlanningChoice.AUTO_LOCAL_FILES
        int missing = auto - 1;
        for (int i = 0; i < missing; i++) {
            paths.append("t/none/").append(i).append(".bin\n");
        }
        Path manifest = Files.writeString(dir.resolve("many.txt"), paths);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        RunSummary r = run(new PrintStream(console, true, StandardCharsets.UTF_8), "l-auto",
                "--files-from", manifest.toString(), "--files-from-lookup", "--dry-run");
        String lines = console.toString(StandardCharsets.UTF_8);

        assertEquals(2, r.filesTotal(), lines);
        assertTrue(lines.contains(String.format("--planning auto: %,d paths named, over %,d, planned on the cluster",
                missing + 2, auto)), lines);
        assertTrue(lines.contains(String.format("--files-from: %,d named path(s) are no file in", missing)), lines);
        int lookups = FaultyFileSystem.lookups(lake);
        assertTrue(lookups >= missing + 2 && lookups <= missing + 2 + 10, lookups + " lookups of "
                + (missing + 2) + " paths");
        assertEquals(0, FaultyFileSystem.listings(lake), "the source was listed");
    }

    /**
     * --keep-markers with --files-from-lookup: no folder is listed, so none is kept, either way; the cluster plans it
     * (before, --keep-markers to OCI sent every run to the driver).
     */
    @ParameterizedTest
    @ValueSource(strings = {"local", "distributed"})
    void keepMarkersWithALookupKeepsNoFoldersAndListsNothing(String planning) throws Exception {
        Files.createDirectories(lake.resolve("t/empty"));
        Path manifest = Files.writeString(dir.resolve("files.txt"), "t/p=0/f 0.bin\nt/p=1/f 3.bin\n");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        RunSummary r = run(new PrintStream(console, true, StandardCharsets.UTF_8), "m-" + planning,
                "--files-from", manifest.toString(), "--files-from-lookup", "--keep-markers", "--planning", planning);
        String lines = console.toString(StandardCharsets.UTF_8);

        assertEquals(Map.of("new", 2L), r.files());
        assertEquals(planning.equals("distributed"), lines.contains(" on the cluster\n"), lines);
        assertTrue(!lines.contains("planned on the driver"), lines);
        assertEquals(new TreeSet<>(List.of("data/t/p=0/f 0.bin", "data/t/p=1/f 3.bin")),
                new TreeSet<>(oci.list(bucket, "data/")));
        assertEquals(0, FaultyFileSystem.listings(lake), "the source was listed");
    }

    @Test
    void aListingOfTheSourceIsCountedSoTheCounterCanFail() throws Exception {
        List<String> listed = new ArrayList<>();
        new HadoopSource(lake.toUri().toString(), Map.of("fs.file.impl", FaultyFileSystem.class.getName(),
                "fs.file.impl.disable.cache", "true")).list(f -> listed.add(f.relativePath()));
        assertEquals(6, listed.size());
        assertTrue(FaultyFileSystem.listings(lake) > 0);
    }
}
