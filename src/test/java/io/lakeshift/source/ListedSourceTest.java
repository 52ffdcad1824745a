package io.lakeshift.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.model.SourceFile;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A source listed from elsewhere: its listing is the given one, and an entry older than the file fails by itself. */
class ListedSourceTest {
    private static final String NOTE = "the inventory is older than the source";

    @TempDir
    Path dir;

    private ListedSource source(List<SourceFile> files) {
        return new ListedSource(new HadoopSource(dir.toUri().toString(), Map.of()), sink -> files.forEach(sink), NOTE);
    }

    private SourceFile file(String name, long size) {
        return new SourceFile(dir.resolve(name).toUri().toString(), name, size, 0, null, null);
    }

    @Test
    void listsTheGivenFilesNotTheFolder() throws Exception {
        Files.writeString(dir.resolve("not-listed.txt"), "x");
        List<SourceFile> got = new ArrayList<>();
        source(List.of(file("a.bin", 3))).list(got::add);
        assertEquals(List.of("a.bin"), got.stream().map(SourceFile::relativePath).toList());
    }

    @Test
    void aFileOfTheListedSizeReadsWhole() throws Exception {
        Files.write(dir.resolve("a.bin"), new byte[10]);
        try (InputStream in = source(List.of()).open(file("a.bin", 10))) {
            assertEquals(10, in.readAllBytes().length);
        }
    }

    @Test
    void aLongerShorterOrGoneFileFailsNamingItAndWhy() throws Exception {
        Files.write(dir.resolve("a.bin"), new byte[10]);
        ListedSource s = source(List.of());
        SourceChangedException longer = assertThrows(SourceChangedException.class, () -> {
            try (InputStream in = s.open(file("a.bin", 5))) {
                in.readAllBytes();
            }
        });
        assertTrue(longer.getMessage().contains("a.bin holds more than the 5 bytes listed (" + NOTE + ")"),
                longer.getMessage());
        SourceChangedException shorter = assertThrows(SourceChangedException.class, () -> {
            try (InputStream in = s.open(file("a.bin", 20))) {
                in.readAllBytes();
            }
        });
        assertTrue(shorter.getMessage().contains("ends after 10 of the 20 bytes listed"), shorter.getMessage());
        SourceChangedException gone = assertThrows(SourceChangedException.class, () -> s.open(file("gone.bin", 4)));
        assertTrue(gone.getMessage().contains("gone.bin") && gone.getMessage().endsWith("(" + NOTE + ")"),
                gone.getMessage());
    }

    @Test
    void aRangedReadChecksItsOwnLength() throws Exception {
        Files.write(dir.resolve("a.bin"), new byte[10]);
        try (InputStream in = source(List.of()).open(file("a.bin", 10), 4, 100)) {
            assertEquals(6, in.readAllBytes().length);
        }
    }
}
