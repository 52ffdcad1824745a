package io.lakeshift.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.log.LogStore;
import io.lakeshift.log.TableSummary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The staged Iceberg metadata goes once the tables landed, and stays, named, when they may not have. */
class TableStagingTest {
    /** A run's log folder in memory. */
    private static LogStore store(Map<String, byte[]> files) {
        return new LogStore() {
            @Override
            public String location() {
                return "mem:/run/";
            }

            @Override
            public void write(String name, byte[] content) {
                files.put(name, content);
            }

            @Override
            public byte[] read(String name) {
                return files.get(name);
            }

            @Override
            public List<Entry> list(String prefix) {
                return files.keySet().stream().filter(n -> n.startsWith(prefix)).map(n -> new Entry(n, 0)).toList();
            }

            @Override
            public void delete(String name) {
                files.remove(name);
            }
        };
    }

    private static Map<String, byte[]> run() {
        Map<String, byte[]> files = new TreeMap<>();
        files.put("part-00000.jsonl", new byte[1]);
        files.put(MigrationRun.STAGING + "sales/orders/metadata/v5.metadata.json", new byte[1]);
        files.put(MigrationRun.STAGING + "sales/orders/metadata/snap-1.avro", new byte[1]);
        return files;
    }

    private static final TableSummary EQUAL = TableSummary.found("iceberg", "sales/orders/", 1L, 3, 0)
            .checked("equal", 5L, 5L, "snapshot 1 equal");

    @Test
    void landedTablesLeaveNoStagedFilesAndTheLogStays() throws Exception {
        Map<String, byte[]> files = run();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableStaging.clean(store(files), "mem:/run/iceberg-staging/", null, List.of(EQUAL), new PrintStream(out));
        assertEquals(List.of("part-00000.jsonl"), List.copyOf(files.keySet()));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("deleted from mem:/run/iceberg-staging/"));
    }

    @Test
    void failedFilesOrADifferingTableKeepTheStagedFilesAndSayWhere() throws Exception {
        TableSummary mismatch = TableSummary.found("iceberg", "sales/orders/", 1L, 3, 0)
                .checked(TableSummary.MISMATCH, 5L, 4L, "rows differ");
        for (Object[] c : List.of(new Object[] {"files of this run failed", List.of(EQUAL)},
                new Object[] {null, List.of(mismatch)})) {
            Map<String, byte[]> files = run();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            @SuppressWarnings("unchecked")
            List<TableSummary> tables = (List<TableSummary>) c[1];
            TableStaging.clean(store(files), "mem:/run/iceberg-staging/", (String) c[0], tables,
                    new PrintStream(out));
            assertEquals(3, files.size());
            String said = out.toString(StandardCharsets.UTF_8);
            assertTrue(said.contains("kept at mem:/run/iceberg-staging/ ("
                    + (c[0] == null ? "a table differs at the target" : c[0]) + ")"), said);
        }
    }
}
