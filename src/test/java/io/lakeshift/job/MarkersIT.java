package io.lakeshift.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.log.LogRoots;
import io.lakeshift.log.MigrationRecord;
import io.lakeshift.log.RunSummary;
import io.lakeshift.log.Status;
import io.lakeshift.testing.EmulatorFixture;
import io.lakeshift.testing.JobRuns;
import io.lakeshift.testing.Lakes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * --keep-markers copies the _SUCCESS flags and empty folders downstream jobs wait for (an empty folder as a
 * zero-byte {@code folder/} object, as the OCI HDFS connector writes a directory); without it they are left out.
 */
class MarkersIT {
    @RegisterExtension
    static final EmulatorFixture OCI = EmulatorFixture.perClass("markers");

    @TempDir
    Path dir;

    @Test
    void markersAreKeptOnlyWhenAskedAndCompareAsEqualOnTheNextRun() throws Exception {
        Path lake = dir.resolve("lake");
        Lakes.write(lake, "sales/part-0.bin", 5000, 1);
        Lakes.write(lake, "sales/_SUCCESS", new byte[0]);
        Lakes.write(lake, "sales/_temporary/0/_SUCCESS", new byte[0]);
        Files.createDirectories(lake.resolve("sales/year=2024"));
        Files.createDirectories(lake.resolve("archive/old"));
        JobRuns jobs = new JobRuns(OCI);
        String source = lake.toUri().toString();
        String target = "oci://markers@" + OCI.namespace() + "/";

        RunSummary plain = jobs.run("--source", source, "--target", target, "--run-id", "plain");
        assertEquals(List.of("sales/part-0.bin"), objects(), "off by default");
        assertEquals(2, plain.skipped());

        RunSummary kept = jobs.run("--source", source, "--target", target, "--run-id", "kept", "--keep-markers");
        assertEquals(List.of("archive/old/", "sales/_SUCCESS", "sales/part-0.bin", "sales/year=2024/"), objects(),
                "nothing below _temporary, and a folder with content needs no marker");
        assertEquals(1, kept.skipped(), "the _SUCCESS below _temporary");
        Map<String, MigrationRecord> log = jobs.log("markers", "kept");
        assertEquals(Status.NEW, log.get("sales/year=2024/").status());
        assertEquals(Status.NEW, log.get("sales/_SUCCESS").status());
        assertEquals(Status.EQUAL, log.get("sales/part-0.bin").status());
        for (String marker : List.of("archive/old/", "sales/year=2024/", "sales/_SUCCESS")) {
            assertEquals(0, OCI.get("markers", marker).length, marker);
            assertEquals(0L, OCI.head("markers", marker).getContentLength(), marker);
        }

        RunSummary again = jobs.run("--source", source, "--target", target, "--run-id", "again", "--keep-markers");
        assertEquals(Map.of("equal", 4L), again.files(), "markers compare like files");
        assertFalse(objects().contains("sales/_temporary/0/_SUCCESS"));
        assertTrue(again.succeeded());
    }

    private static List<String> objects() {
        return OCI.list("markers", "").stream().filter(n -> !n.startsWith(LogRoots.DEFAULT_PREFIX)).sorted()
                .toList();
    }
}
