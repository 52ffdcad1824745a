package io.lakeshift.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.log.HadoopLogStore;
import io.lakeshift.log.LogFormat;
import io.lakeshift.log.LogStore;
import io.lakeshift.log.MigrationRecord;
import io.lakeshift.log.Status;
import io.lakeshift.plan.CopyRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunHistoryTest {
    @TempDir
    Path dir;

    private static MigrationRecord record(String name, Status status, String etag, long size) {
        return new MigrationRecord(name, size, "t/" + name, size, "", "", "", "", "r", status, "md5-" + etag, null,
                "2024-01-31 12:00:00", etag, 1, 1, 0, 0, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private void write(LogStore logs, String name, List<MigrationRecord> records, long modified) throws Exception {
        logs.write(name, name.endsWith(".jsonl") ? LogFormat.jsonLines(records) : new byte[] {'{', '}'});
        Files.setLastModifiedTime(dir.resolve(name), FileTime.fromMillis(modified));
    }

    @Test
    void theLatestFinishedRunOverlaidByLaterCrashedRunsIsThePicture() throws Exception {
        LogStore logs = new HadoopLogStore(dir.toUri().toString(), Map.of());
        write(logs, "run_id=a/part-00000.jsonl", List.of(record("x", Status.NEW, "e1", 10),
                record("y", Status.NEW, "e1", 20), record("z", Status.FAILED, null, 30)), 1_000_000);
        write(logs, "run_id=a/summary.json", List.of(), 1_001_000);
        write(logs, "run_id=old/part-00000.jsonl", List.of(record("x", Status.NEW, "e0", 10)), 500_000);
        write(logs, "run_id=old/summary.json", List.of(), 501_000);
        write(logs, "run_id=b/part-00000.jsonl", List.of(record("y", Status.UPDATED, "e2", 21)), 2_000_000);
        write(logs, "run_id=dry/part-00000.jsonl", List.of(record("x", Status.PLANNED, "e9", 10)), 3_000_000);
        write(logs, "run_id=dry/plan.json", List.of(), 3_001_000);

        Map<String, CopyRecord> records = RunHistory.load(logs);
        assertEquals("e1", records.get("t/x").targetEtag(), "from the latest finished run, not the older one");
        assertEquals("e2", records.get("t/y").targetEtag(), "a crashed run after it brings it up to date");
        assertEquals(21, records.get("t/y").source().size());
        assertFalse(records.containsKey("t/z"), "a failed file vouches for nothing");
        assertEquals(2, records.size(), "dry runs are not records of copies");

        RunHistory.clear(logs, "run_id=b/");
        assertTrue(logs.list("run_id=b/").isEmpty());
        assertEquals(2, logs.list("run_id=a/").size());
    }
}
