package io.lakeshift.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationRecordTest {
    /** The original app's fields first, in its order, then lakeshift's own. */
    static final List<String> FIELDS = List.of("source_name", "source_size", "target_name", "target_size",
            "start_date", "end_date", "run_time", "run_date", "run_id", "status", "md5", "source_etag",
            "source_modified", "target_etag", "parts", "attempts", "bytes_per_second", "duration_ms", "row_count",
            "columns", "note", "error");
    /** Set on a table's record (status table), null on a file's. */
    static final List<String> TABLE_FIELDS = List.of("table_format", "table_version", "source_rows", "target_rows",
            "source_files", "target_files", "schema_equal", "table_check");

    @Test
    void aTableRecordCarriesTheTableFieldsAndReadsBack() throws Exception {
        MigrationRecord r = new MigrationRecord("sales/orders/", null, "raw/sales/orders/", null,
                "2021-09-30 11:12:13", "2021-09-30 11:12:15", "0:00:02", "2021-09-30 11:12:13", "r1", Status.TABLE,
                null, null, null, null, 0, 1, 0, 2000, 86L, null, "version 3 equal", null, "delta", 3L, 86L, 86L,
                14L, 14L, "yes", "equal");
        byte[] line = LogFormat.jsonLines(List.of(r));
        JsonNode json = new ObjectMapper().readTree(line);
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        List<String> all = new ArrayList<>(FIELDS);
        all.addAll(TABLE_FIELDS);
        assertEquals(all, names);
        assertEquals("table", json.get("status").asText());
        assertEquals("equal", json.get("table_check").asText());
        assertEquals(r, LogFormat.parseLines(line).get(0));
    }

    @Test
    void jsonLineHasTheOriginalFieldNamesAndFormats() throws Exception {
        MigrationRecord r = new MigrationRecord("dir/ADA-BKRW-01.parquet", 576195L, "raw/dir/ADA-BKRW-01.parquet",
                576195L, "2021-09-30 11:12:13", "2021-09-30 11:12:15", "0:00:02", "2021-09-30 11:12:13",
                "20210930111213834758", Status.NEW, "1B2M2Y8AsgTpgAmY7PhCfg==", null, "2021-09-01 00:00:00",
                "etag-1", 1, 1, 288097, 2000, 1000L, 23, null, null, null, null, null, null, null, null, null, null);
        byte[] line = LogFormat.jsonLines(List.of(r));
        assertEquals('\n', line[line.length - 1]);
        JsonNode json = new ObjectMapper().readTree(line);
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        List<String> every = new ArrayList<>(FIELDS);
        every.addAll(TABLE_FIELDS);
        assertEquals(every, names);
        assertTrue(json.get("table_check").isNull());
        assertEquals("new", json.get("status").asText());
        assertEquals(576195, json.get("source_size").asLong());
        for (Status s : Status.values()) {
            assertEquals(s, Status.of(s.label()));
        }
        assertEquals(r, LogFormat.parseLines(line).get(0));
    }

    @Test
    void timesUseTheOriginalFormats() {
        assertEquals("2021-09-30 11:12:13", LogTimes.date(Instant.parse("2021-09-30T11:12:13.834Z")));
        assertEquals("0:00:02", LogTimes.runTime(Duration.ofMillis(2500)));
        assertEquals("26:01:05", LogTimes.runTime(Duration.ofSeconds(26 * 3600 + 65)));
    }

    @Test
    void totalsCountPerStatusAndKeepFailures() {
        RunTotals a = new RunTotals();
        a.add(record("a", Status.NEW, 10L, null));
        a.add(record("b", Status.FAILED, null, "boom"));
        RunTotals b = new RunTotals();
        b.add(record("c", Status.NEW, 5L, null));
        RunTotals t = new RunTotals().merge(a).merge(b);
        assertEquals(2, t.files(Status.NEW));
        assertEquals(1, t.failureCount());
        assertEquals(15, t.bytesSent());
        assertEquals(new RunTotals.Failure("b", "boom"), t.failures().get(0));
        assertEquals(3, t.fileCount());
    }

    private static MigrationRecord record(String name, Status s, Long size, String error) {
        return new MigrationRecord(name, size == null ? 7 : size, name, size, "", "", "", "", "r", s, null, null,
                "", null, 1, 1, 0, 0, null, null, null, error, null, null, null, null, null, null, null, null);
    }
}
