package io.lakeshift.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lakeshift.cli.Main;
import io.lakeshift.model.OciLocation;
import io.lakeshift.packaging.DataflowApplication;
import io.lakeshift.testing.EmulatorFixture;
import io.lakeshift.testing.JobRuns;
import io.lakeshift.testing.Lakes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The oracle for docs/adw/*.sql is the log a real run writes, not our own schema: lakeshift runs with the arguments
 * of the shipped packaging/dataflow/application.json, its ${...} parameters substituted as Data Flow substitutes
 * them (the emulator's namespace in its buckets, a local lake as the source, and its modes copy, copy again and
 * sync), against the emulator. Then each script, read as SQL*Plus runs it with the arguments its header gives, is
 * held against what the runs wrote, using Oracle's documented rules ({@link DbmsCloudReference},
 * {@link OracleDatetimeFormat}):
 * <ul>
 *   <li>load_json.sql's file_uri_list selects exactly the run's JSON lines files among every object of the log
 *       bucket, and its columnpath resolves on every line, each value converting to its column of MIGRATION_LOG
 *       (log_table.sql) under the script's timestampformat;</li>
 *   <li>external_table.sql's regular expression selects exactly every run's Parquet files, and its column list is
 *       their schema as DBMS_CLOUD maps Parquet types;</li>
 *   <li>no script selects summary.json or started.json, which are not log lines.</li>
 * </ul>
 */
class AdwLogIT {
    private static final String REGION = "eu-frankfurt-1";
    private static final Pattern RUN_FILE = Pattern.compile("run_id=([^/]+)/([^/]+)");

    @TempDir
    static Path dir;

    private static EmulatorFixture oci;
    private static OciLocation log;
    /** Every object name in the log bucket after the runs. */
    private static List<String> bucket;
    /** Run id to the names of the files it wrote. */
    private static Map<String, Set<String>> runs;
    private static Set<Status> statuses = EnumSet.noneOf(Status.class);

    @BeforeAll
    static void runTheShippedApplicationThreeTimes() throws Exception {
        DataflowApplication app = DataflowApplication.read();
        Map<String, String> defaults = app.parameters();
        oci = new EmulatorFixture();
        OciLocation target = at(OciLocation.parse(defaults.get("target")));
        log = at(OciLocation.parse(defaults.get("log")));
        oci.createBucket(target.bucket());
        if (!log.bucket().equals(target.bucket())) {
            oci.createBucket(log.bucket());
        }
        Path lake = dir.resolve("lake");
        for (int i = 0; i < 6; i++) {
            Lakes.write(lake, "sales/year=2024/part-" + i + ".bin", 500 + 300 * i, i);
        }
        Lakes.write(lake, "sales/good.parquet", ParquetLog.write(List.of(ParquetLogTest.COPIED,
                ParquetLogTest.FAILED))); // a real Parquet file: its rows and columns are logged
        Lakes.write(lake, "sales/broken.parquet", 4000, 9); // no PAR1 magic: failed (--parquet-check fail)
        JobRuns jobs = new JobRuns(oci);
        Map<String, String> run = new HashMap<>(Map.of("source", lake.toUri().toString(),
                "target", target.toString(), "log", log.toString()));

        assertEquals(Main.FILES_FAILED, migrate(jobs, app, run).code(), "the broken Parquet file fails");
        Lakes.write(lake, "sales/year=2024/part-0.bin", 900, 42); // updated
        Lakes.write(lake, "sales/year=2025/part-0.bin", 77, 43); // new
        assertEquals(Main.FILES_FAILED, migrate(jobs, app, run).code());
        Files.delete(lake.resolve("sales/year=2024/part-5.bin")); // deleted by sync
        run.put("mode", "sync");
        assertEquals(Main.FILES_FAILED, migrate(jobs, app, run).code());

        bucket = oci.list(log.bucket(), "");
        runs = new TreeMap<>();
        for (String name : bucket) {
            assertTrue(name.startsWith(log.prefix()), "the log bucket holds only the log: " + name);
            Matcher m = RUN_FILE.matcher(name.substring(log.prefix().length()));
            assertTrue(m.matches(), "a file of a run's folder: " + name);
            runs.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(name);
        }
        assertEquals(3, runs.size(), runs.keySet().toString());
        for (Map.Entry<String, Set<String>> r : runs.entrySet()) {
            String folder = log.prefix() + LogFormat.runFolder(r.getKey());
            RunSummary summary = LogFormat.parseSummary(oci.get(log.bucket(), folder + LogFormat.SUMMARY));
            Set<String> expected = new TreeSet<>(Set.of(folder + LogFormat.STARTED, folder + LogFormat.SUMMARY));
            for (int p = 0; p < summary.partitions(); p++) {
                expected.add(folder + LogFormat.partFile(p));
                expected.add(folder + ParquetLog.partFile(p));
            }
            assertEquals(expected, r.getValue(), "what run " + r.getKey() + " wrote");
        }
    }

    @AfterAll
    static void stopTheEmulator() {
        if (oci != null) {
            oci.close();
        }
    }

    private static OciLocation at(OciLocation l) {
        return new OciLocation(l.bucket(), oci.namespace(), l.prefix());
    }

    private static JobRuns.Outcome migrate(JobRuns jobs, DataflowApplication app, Map<String, String> parameters) {
        // The broken Parquet file is to fail, for failed rows in the log: the default (warn) would copy it.
        List<String> args = new java.util.ArrayList<>(app.arguments(parameters));
        args.addAll(List.of("--parquet-check", "fail"));
        JobRuns.Outcome o = jobs.main(args.toArray(String[]::new));
        assertTrue(o.code() == Main.OK || o.code() == Main.FILES_FAILED, o.err());
        return o;
    }

    private static String uri(String object) {
        return DbmsCloudReference.objectUri(REGION, log.namespace(), log.bucket(), object);
    }

    private static Set<String> selected(AdwScripts.Call call, boolean starCrossesSlash) {
        Set<String> out = new TreeSet<>();
        for (String name : bucket) {
            if (DbmsCloudReference.selects(call.string("file_uri_list"), call.format(), uri(name),
                    starCrossesSlash)) {
                out.add(name);
            }
        }
        return out;
    }

    private static Set<String> ofKind(Set<String> files, String suffix) {
        Set<String> out = new TreeSet<>();
        files.stream().filter(f -> f.endsWith(suffix)).forEach(out::add);
        return out;
    }

    @Test
    void loadJsonSelectsExactlyTheRunsJsonLinesAndEveryColumnPathConvertsOnEveryLine() throws Exception {
        List<AdwScripts.Column> table = AdwScripts.table(AdwScripts.read("log_table.sql"), "migration_log");
        Map<String, Integer> nonNull = new TreeMap<>();
        int lines = 0;
        List<String> tablePaths = List.of();
        OracleDatetimeFormat tableTimestamps = null;
        boolean tableTruncate = false;
        for (Map.Entry<String, Set<String>> r : runs.entrySet()) {
            String sql = AdwScripts.substitute(AdwScripts.read("load_json.sql"),
                    AdwSqlTest.loadJsonArgs(REGION, log, r.getKey()));
            AdwScripts.Call copy = AdwScripts.call(sql, "DBMS_CLOUD.COPY_DATA");
            assertEquals("migration_log", copy.string("table_name").toLowerCase(), "the table of log_table.sql");
            for (boolean star : new boolean[] {true, false}) {
                assertEquals(ofKind(r.getValue(), ".jsonl"), selected(copy, star),
                        copy.string("file_uri_list") + " selects the JSON lines of run " + r.getKey());
            }
            Map<String, String> format = copy.format();
            List<String> paths = DbmsCloudReference.columnPaths(format.get("columnpath"));
            assertEquals(table.size(), paths.size(), "one path per column of MIGRATION_LOG, in its order");
            OracleDatetimeFormat timestamps = format.containsKey("timestampformat")
                    ? new OracleDatetimeFormat(format.get("timestampformat")) : null;
            boolean truncate = "true".equals(format.get("truncatecol"));
            tablePaths = paths;
            tableTimestamps = timestamps;
            tableTruncate = truncate;
            for (String file : selected(copy, true)) {
                String content = new String(oci.get(log.bucket(), file), StandardCharsets.UTF_8);
                for (String line : content.split("\n")) {
                    if (line.isEmpty()) {
                        continue;
                    }
                    lines++;
                    JsonNode record = new ObjectMapper().readTree(line);
                    statuses.add(Status.of(record.get("status").asText()));
                    for (int i = 0; i < paths.size(); i++) {
                        String key = paths.get(i).substring(2);
                        assertTrue(record.has(key), paths.get(i) + " resolves on " + file + ": " + line);
                        JsonNode v = record.get(key);
                        convert(table.get(i), v, timestamps, truncate, file + ": " + line);
                        if (!v.isNull() && !(v.isTextual() && v.asText().isEmpty())) {
                            nonNull.merge(table.get(i).name(), 1, Integer::sum);
                        }
                    }
                }
            }
        }
        // These runs copy no table: a table's record (status table), as the log writes it, goes through the same
        // column paths and conversions, so its columns are converted too.
        MigrationRecord tableRecord = new MigrationRecord("sales/orders/", null, "raw/sales/orders/", null,
                "2021-09-30 11:12:13", "2021-09-30 11:12:15", "0:00:02", "2021-09-30 11:12:13", "r1", Status.TABLE,
                null, null, null, null, 0, 1, 0, 2000, 86L, null, "version 3 equal", null, "delta", 3L, 86L, 86L,
                14L, 14L, "yes", "equal");
        JsonNode tableLine = new ObjectMapper().readTree(LogFormat.jsonLines(List.of(tableRecord)));
        for (int i = 0; i < tablePaths.size(); i++) {
            String key = tablePaths.get(i).substring(2);
            assertTrue(tableLine.has(key), tablePaths.get(i) + " resolves on a table's record: " + tableLine);
            JsonNode v = tableLine.get(key);
            convert(table.get(i), v, tableTimestamps, tableTruncate, "a table's record: " + tableLine);
            if (!v.isNull() && !(v.isTextual() && v.asText().isEmpty())) {
                nonNull.merge(table.get(i).name(), 1, Integer::sum);
            }
        }
        assertTrue(lines > 20, lines + " lines");
        assertEquals(EnumSet.of(Status.NEW, Status.UPDATED, Status.EQUAL, Status.FAILED, Status.DELETED), statuses,
                "new, updated, equal and failed by the copies, deleted by the sync");
        Set<String> alwaysNull = new TreeSet<>();
        table.forEach(c -> {
            if (!nonNull.containsKey(c.name())) {
                alwaysNull.add(c.name());
            }
        });
        // A local source has no ETag: every other column carried a value somewhere, so each was converted.
        assertEquals(Set.of("source_etag"), alwaysNull, "columns never given a value: " + nonNull);
    }

    /** The conversion COPY_DATA applies to a JSON value for a column; an error names what Oracle would raise. */
    static void convert(AdwScripts.Column column, JsonNode v, OracleDatetimeFormat timestamps, boolean truncate,
            String where) {
        boolean empty = v.isNull() || v.isMissingNode() || (v.isTextual() && v.asText().isEmpty()); // '' is NULL
        if (empty) {
            assertTrue(!column.notNull(), "ORA-01400: cannot insert NULL into " + column.name() + " at " + where);
            return;
        }
        String type = column.type();
        Matcher number = Pattern.compile("NUMBER\\((\\d+)\\)").matcher(type);
        Matcher varchar = Pattern.compile("VARCHAR2\\((\\d+)\\)").matcher(type);
        if (number.matches()) {
            assertTrue(v.isIntegralNumber() || (v.isTextual() && v.asText().matches("-?\\d+")),
                    "ORA-01722: invalid number for " + column.name() + " at " + where);
            String digits = v.asText().replace("-", "");
            assertTrue(digits.length() <= Integer.parseInt(number.group(1)), "ORA-01438: value larger than"
                    + " specified precision allowed for " + column.name() + " at " + where);
        } else if (varchar.matches()) {
            assertTrue(v.isValueNode(), "a JSON object or array for text column " + column.name() + " at " + where);
            int bytes = v.asText().getBytes(StandardCharsets.UTF_8).length;
            assertTrue(truncate || bytes <= Integer.parseInt(varchar.group(1)), "ORA-12899: value too large for "
                    + column.name() + " (" + bytes + " bytes) at " + where);
        } else if (type.startsWith("TIMESTAMP")) {
            assertTrue(timestamps != null, "no timestampformat: the session's NLS_TIMESTAMP_FORMAT would apply to "
                    + column.name());
            assertTrue(v.isTextual(), column.name() + " is a string at " + where);
            timestamps.parse(v.asText()); // throws with the ORA- error
        } else if (type.equals("BINARY_DOUBLE")) {
            assertTrue(v.isNumber(), "ORA-01722: invalid number for " + column.name() + " at " + where);
        } else {
            throw new AssertionError("no conversion modelled for column type " + type);
        }
    }

    @Test
    void theExternalTableSelectsExactlyEveryRunsParquetFilesAndItsColumnsAreTheirSchema() throws Exception {
        String sql = AdwScripts.substitute(AdwScripts.read("external_table.sql"),
                AdwSqlTest.externalTableArgs(REGION, log));
        AdwScripts.Call ext = AdwScripts.call(sql, "DBMS_CLOUD.CREATE_EXTERNAL_TABLE");
        Set<String> parquet = new TreeSet<>();
        runs.values().forEach(files -> parquet.addAll(ofKind(files, ".parquet")));
        assertEquals(parquet, selected(ext, false), ext.string("file_uri_list"));
        List<AdwScripts.Column> columns = AdwScripts.columns(ext.string("column_list"));
        long rows = 0;
        for (String file : parquet) {
            byte[] bytes = oci.get(log.bucket(), file);
            MessageType schema = ParquetFiles.schema(bytes, dir);
            List<String> names = new ArrayList<>();
            List<String> types = new ArrayList<>();
            for (Type field : schema.getFields()) {
                assertTrue(field.isPrimitive() && !field.isRepetition(Type.Repetition.REPEATED), field.toString());
                names.add(field.getName().toLowerCase()); // unquoted Oracle names match any case [NAMES]
                types.add(DbmsCloudReference.oracleType(field));
            }
            assertEquals(names, columns.stream().map(AdwScripts.Column::name).toList(), file);
            assertEquals(types, columns.stream().map(AdwScripts.Column::type).toList(), file);
            rows += ParquetFiles.rows(bytes, dir).size();
        }
        long json = 0;
        for (Set<String> files : runs.values()) {
            for (String f : ofKind(files, ".jsonl")) {
                json += LogFormat.parseLines(oci.get(log.bucket(), f)).size();
            }
        }
        assertEquals(json, rows, "the external table reads the same lines the JSON load loads");
    }

    @Test
    void noScriptSelectsASummaryOrAStartMarker() throws Exception {
        Set<String> notLines = new TreeSet<>();
        bucket.stream().filter(n -> n.endsWith(".json")).forEach(notLines::add);
        assertEquals(2 * runs.size(), notLines.size(), notLines.toString());
        Set<String> chosen = new TreeSet<>(selected(AdwScripts.call(AdwScripts.substitute(
                AdwScripts.read("external_table.sql"), AdwSqlTest.externalTableArgs(REGION, log)),
                "DBMS_CLOUD.CREATE_EXTERNAL_TABLE"), true));
        for (String run : runs.keySet()) {
            chosen.addAll(selected(AdwScripts.call(AdwScripts.substitute(AdwScripts.read("load_json.sql"),
                    AdwSqlTest.loadJsonArgs(REGION, log, run)), "DBMS_CLOUD.COPY_DATA"), true));
        }
        chosen.retainAll(notLines);
        assertEquals(Set.of(), chosen);
    }
}
