package io.lakeshift.run;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.model.SourceFile;
import io.lakeshift.plan.Action;
import io.lakeshift.plan.Plan;
import io.lakeshift.plan.PlannedFile;
import io.lakeshift.source.HadoopSource;
import io.lakeshift.source.Source;
import io.lakeshift.testing.FaultyFileSystem;
import io.lakeshift.testing.Lakes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver's read of the smallest files to copy, on a real local lake read through Hadoop (with the tests' file
 * system, on which files named "unreadable" refuse to open with "Permission denied").
 */
class SourceReadCheckTest {
    private static final Map<String, String> FAULTY = Map.of("fs.file.impl", FaultyFileSystem.class.getName(),
            "fs.file.impl.disable.cache", "true");

    @TempDir
    Path dir;

    /** The files the check opened, in order, each once however often it was tried. */
    private final List<String> opened = new ArrayList<>();

    private Source source(Path lake) {
        return new Recording(new HadoopSource(lake.toUri().toString(), FAULTY), opened);
    }

    /** A source that notes every file opened through it. */
    private record Recording(Source inner, List<String> opened) implements Source {
        @Override
        public String root() {
            return inner.root();
        }

        @Override
        public void list(Consumer<SourceFile> sink) throws IOException {
            inner.list(sink);
        }

        @Override
        public InputStream open(SourceFile file) throws IOException {
            synchronized (opened) {
                if (!opened.contains(file.relativePath())) {
                    opened.add(file.relativePath());
                }
            }
            return inner.open(file);
        }
    }

    /** The plan of a lake: each file with the action its name starts with (copy, check, equal), else copy. */
    private Plan plan(Source source) throws Exception {
        List<PlannedFile> files = new ArrayList<>();
        source.list(f -> files.add(new PlannedFile(f, f.relativePath(), f.relativePath(), action(f), null, null,
                null)));
        return new Plan(List.of(files), files.size(), files.stream().mapToLong(PlannedFile::sourceSize).sum(), 0,
                Map.of(), List.of());
    }

    /** A lake of these files, 10, 20, 30... bytes in the order given, read through the recording source. */
    private Source lakeOf(String... files) throws IOException {
        Path lake = dir.resolve("lake");
        for (int i = 0; i < files.length; i++) {
            Lakes.write(lake, files[i], 10 * (i + 1), i + 1);
        }
        return source(lake);
    }

    /** The plan of the lake with two small files more, which are deleted after the listing. */
    private Plan listedThenTwoGone(Source source, Path lake) throws Exception {
        Lakes.write(lake, "gone-1.bin", 10, 1);
        Lakes.write(lake, "gone-2.bin", 20, 2);
        Plan plan = plan(source);
        Files.delete(lake.resolve("gone-1.bin"));
        Files.delete(lake.resolve("gone-2.bin"));
        return plan;
    }

    private static Action action(SourceFile f) {
        String name = f.relativePath();
        return name.startsWith("check") ? Action.CHECK : name.startsWith("equal") ? Action.SKIP_EQUAL
                : name.startsWith("update") ? Action.COPY_UPDATE : Action.COPY_NEW;
    }

    @Test
    void readsTheSmallestFilesWithBytesThatTheRunReads() throws Exception {
        Path lake = dir.resolve("lake");
        Lakes.write(lake, "equal-tiny.bin", 5, 1);
        Files.createDirectories(lake.resolve("e"));
        Files.write(lake.resolve("e/empty.bin"), new byte[0]);
        Lakes.write(lake, "d/update-20.bin", 20, 2);
        Lakes.write(lake, "check-30.bin", 30, 3);
        Lakes.write(lake, "new-40.bin", 40, 4);
        Lakes.write(lake, "new-50.bin", 50, 5);
        List<String> picked = SourceReadCheck.smallest(plan(source(lake))).stream().map(PlannedFile::relativePath)
                .toList();
        assertEquals(List.of("d/update-20.bin", "check-30.bin", "new-40.bin"), picked);
    }

    @Test
    void oneRefusedFileAmongReadableOnesIsLeftToTheCopy() throws Exception {
        Source source = lakeOf("a/unreadable.bin", "b.bin");
        assertDoesNotThrow(() -> SourceReadCheck.run(source, plan(source), false));
        assertEquals(List.of("a/unreadable.bin", "b.bin"), opened, "the refused file, then the next, which read");
    }

    @Test
    void aSourceNoneOfWhoseFilesCanBeReadStopsTheRunNamingTheSmallest() throws Exception {
        Source source = lakeOf("x/unreadable-1.bin", "y/unreadable-2.bin");
        Plan plan = plan(source);
        JobException e = assertThrows(JobException.class, () -> SourceReadCheck.run(source, plan, false));
        String file = dir.resolve("lake/x/unreadable-1.bin").toUri().getPath();
        assertTrue(e.getMessage().startsWith("the source cannot be read, nothing was copied: "), e.getMessage());
        assertTrue(e.getMessage().contains(file) && e.getMessage().contains("Permission denied"), e.getMessage());
        assertEquals(List.of("x/unreadable-1.bin", "y/unreadable-2.bin"), opened, "every candidate was tried");
        opened.clear();
        assertDoesNotThrow(() -> SourceReadCheck.run(source, plan, true), "a dry run reads nothing");
        assertEquals(List.of(), opened, "a dry run opens nothing");
    }

    @Test
    void filesGoneSinceTheListingProveNothingAndTheNextIsRead() throws Exception {
        Path lake = dir.resolve("lake");
        Lakes.write(lake, "z/unreadable.bin", 30, 3);
        Source source = source(lake);
        Plan plan = listedThenTwoGone(source, lake);
        JobException e = assertThrows(JobException.class, () -> SourceReadCheck.run(source, plan, false));
        assertTrue(e.getMessage().contains("z/unreadable.bin"), e.getMessage());
        assertEquals(List.of("gone-1.bin", "gone-2.bin", "z/unreadable.bin"), opened);
    }

    @Test
    void aLakeWhoseFilesAllWentSinceTheListingIsLeftToTheCopy() throws Exception {
        Path lake = dir.resolve("lake");
        Source source = source(lake);
        Plan plan = listedThenTwoGone(source, lake);
        assertDoesNotThrow(() -> SourceReadCheck.run(source, plan, false));
        assertEquals(List.of("gone-1.bin", "gone-2.bin"), opened, "both were tried, and proved nothing");
    }

    @Test
    void theFirstFileThatReadsEndsTheCheck() throws Exception {
        Source source = lakeOf("a.bin", "b.bin", "c.bin");
        SourceReadCheck.run(source, plan(source), false);
        assertEquals(List.of("a.bin"), opened, "the smallest read, so no other was opened");
    }
}
