package io.lakeshift.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.model.OciLocation;
import io.lakeshift.packaging.DataflowApplication;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The ADW side of the log (docs/adw/*.sql) follows {@link LogSchema}, which the JSON lines and the Parquet files
 * follow too (MigrationRecordTest, ParquetLogTest), and calls DBMS_CLOUD as Oracle's reference describes it
 * ({@link DbmsCloudReference}, which cites the pages). The scripts are read as SQL*Plus runs them
 * ({@link AdwScripts}), with the arguments a user gives for the log of the shipped
 * packaging/dataflow/application.json. AdwLogIT checks them against the files a real run writes.
 */
class AdwSqlTest {
    static final String REGION = "us-ashburn-1";
    static final List<String> SCRIPTS = List.of("credential.sql", "log_table.sql", "load_json.sql", "morning.sql",
            "external_table.sql");

    /** The Oracle type each log column type is stored as (the DDL) and read as from Parquet [PARQUET]. */
    static String oracleType(LogSchema.Type type) {
        return switch (type) {
            case TEXT -> "VARCHAR2(4000)";
            case INTEGER -> "NUMBER(10)";
            case BIGINT -> "NUMBER(19)";
            case DOUBLE -> "BINARY_DOUBLE";
            case TIMESTAMP -> "TIMESTAMP(6)";
        };
    }

    /** The shipped application's --log, as a user reads it off application.json for the scripts' arguments. */
    static OciLocation shippedLog() throws Exception {
        return OciLocation.parse(DataflowApplication.read().parameters().get("log"));
    }

    /** The arguments of load_json.sql for a run's log at {@code log}. */
    static List<String> loadJsonArgs(String region, OciLocation log, String runId) {
        return List.of(region, log.namespace(), log.bucket(), log.prefix(), runId);
    }

    static List<String> externalTableArgs(String region, OciLocation log) {
        return List.of(region, log.namespace(), log.bucket(), log.prefix());
    }

    @Test
    void theTableDdlHasEveryLogColumnInOrderWithItsType() throws Exception {
        List<AdwScripts.Column> ddl = AdwScripts.table(AdwScripts.read("log_table.sql"), "migration_log");
        List<LogSchema.Column> log = LogSchema.columns();
        assertEquals(log.stream().map(LogSchema.Column::name).toList(),
                ddl.stream().map(AdwScripts.Column::name).toList(), "DDL columns, in order");
        for (int i = 0; i < log.size(); i++) {
            LogSchema.Column c = log.get(i);
            assertEquals(oracleType(c.type()), ddl.get(i).type(), "type of " + c.name());
            assertEquals(c.required(), ddl.get(i).notNull(), "NOT NULL of " + c.name());
        }
    }

    @Test
    void noColumnNeedsDoubleQuotes() {
        // [NAMES]: an Oracle SQL reserved word, a leading underscore or digit would need double quotes everywhere.
        for (LogSchema.Column c : LogSchema.columns()) {
            assertFalse(DbmsCloudReference.RESERVED.contains(c.name().toUpperCase(Locale.ROOT)), c.name());
            assertTrue(c.name().matches("[a-z][a-z0-9_]*") && c.name().length() <= 128, c.name());
        }
    }

    @Test
    void theJsonLoadReadsEveryColumnInTheTablesOrder() throws Exception {
        OciLocation log = shippedLog();
        String sql = AdwScripts.substitute(AdwScripts.read("load_json.sql"), loadJsonArgs(REGION, log, "1"));
        AdwScripts.Call copy = AdwScripts.call(sql, "DBMS_CLOUD.COPY_DATA");
        Map<String, String> format = copy.format();
        assertEquals("json", format.get("type"));
        List<String> paths = DbmsCloudReference.columnPaths(format.get("columnpath"));
        assertEquals(LogSchema.columns().stream().map(c -> "$." + c.name()).toList(), paths);
        assertEquals("YYYY-MM-DD HH24:MI:SS", format.get("timestampformat"), "JSON dates are " + LogTimes.date(0));
        new OracleDatetimeFormat(format.get("timestampformat")).parse(LogTimes.date(0));
        Matcher nls = Pattern.compile("(?m)^ALTER SESSION SET NLS_TIMESTAMP_FORMAT = '([^']*)';").matcher(sql);
        assertTrue(nls.find(), "the session's timestamp format is set too");
        assertEquals(format.get("timestampformat"), nls.group(1));
        assertEquals("MIGRATION_LOG", copy.string("table_name"));
        assertEquals(DbmsCloudReference.RESOURCE_PRINCIPAL, copy.string("credential_name"));
    }

    /** The defect of issue 12: the scripts looked below _lakeshift/logs/, the shipped application logs elsewhere. */
    @Test
    void theScriptsReadTheLogWhereTheShippedApplicationWritesIt() throws Exception {
        OciLocation log = shippedLog();
        String runId = "20240101000000000000";
        String folder = log.prefix() + LogFormat.runFolder(runId);
        String json = DbmsCloudReference.objectUri(REGION, log.namespace(), log.bucket(), folder
                + LogFormat.partFile(3));
        String parquet = DbmsCloudReference.objectUri(REGION, log.namespace(), log.bucket(), folder
                + ParquetLog.partFile(3));

        AdwScripts.Call copy = AdwScripts.call(AdwScripts.substitute(AdwScripts.read("load_json.sql"),
                loadJsonArgs(REGION, log, runId)), "DBMS_CLOUD.COPY_DATA");
        AdwScripts.Call ext = AdwScripts.call(AdwScripts.substitute(AdwScripts.read("external_table.sql"),
                externalTableArgs(REGION, log)), "DBMS_CLOUD.CREATE_EXTERNAL_TABLE");
        for (boolean star : new boolean[] {true, false}) {
            assertTrue(DbmsCloudReference.selects(copy.string("file_uri_list"), copy.format(), json, star),
                    copy.string("file_uri_list") + " selects " + json);
            assertFalse(DbmsCloudReference.selects(copy.string("file_uri_list"), copy.format(), parquet, star));
            assertFalse(DbmsCloudReference.selects(copy.string("file_uri_list"), copy.format(),
                    json.replace(runId, "20240101000000000001"), star), "another run");
        }
        assertTrue(DbmsCloudReference.selects(ext.string("file_uri_list"), ext.format(), parquet, false),
                ext.string("file_uri_list") + " selects " + parquet);
        for (String other : List.of(json, parquet + ".tmp", parquet.replace(folder, folder + "x/"),
                parquet.replace(log.prefix(), "elsewhere/"), folder + LogFormat.SUMMARY)) {
            assertFalse(DbmsCloudReference.selects(ext.string("file_uri_list"), ext.format(), other, false), other);
        }
        // A run without --log: the same scripts, with the target bucket and the default prefix.
        OciLocation target = OciLocation.parse(LogRoots.of((String) null,
                new OciLocation("lake", "ns", "tables/")));
        assertEquals(LogRoots.DEFAULT_PREFIX, target.prefix());
        AdwScripts.Call dflt = AdwScripts.call(AdwScripts.substitute(AdwScripts.read("load_json.sql"),
                loadJsonArgs(REGION, target, runId)), "DBMS_CLOUD.COPY_DATA");
        assertTrue(DbmsCloudReference.selects(dflt.string("file_uri_list"), dflt.format(),
                DbmsCloudReference.objectUri(REGION, "ns", "lake", LogRoots.DEFAULT_PREFIX
                        + LogFormat.runFolder(runId) + LogFormat.partFile(0)), false));
    }

    @Test
    void theExternalTableOverTheParquetFilesHasTheTablesColumns() throws Exception {
        String sql = AdwScripts.substitute(AdwScripts.read("external_table.sql"),
                externalTableArgs(REGION, shippedLog()));
        AdwScripts.Call ext = AdwScripts.call(sql, "DBMS_CLOUD.CREATE_EXTERNAL_TABLE");
        List<AdwScripts.Column> columns = AdwScripts.columns(ext.string("column_list"));
        List<LogSchema.Column> log = LogSchema.columns();
        assertEquals(log.stream().map(LogSchema.Column::name).toList(),
                columns.stream().map(AdwScripts.Column::name).toList());
        for (int i = 0; i < log.size(); i++) {
            assertEquals(oracleType(log.get(i).type()), columns.get(i).type(), "type of " + log.get(i).name());
            // Parquet's own schema, mapped as DBMS_CLOUD maps it [PARQUET]:
            assertEquals(DbmsCloudReference.oracleType(ParquetLog.schema().getType(i)), columns.get(i).type());
        }
        assertEquals("parquet", ext.format().get("type"));
        assertEquals("MIGRATION_LOG_EXT", ext.string("table_name"));
        assertEquals(DbmsCloudReference.RESOURCE_PRINCIPAL, ext.string("credential_name"));
    }

    @Test
    void everyDbmsCloudCallUsesOnlyDocumentedParametersAndFormatOptions() throws Exception {
        Map<String, List<String>> args = Map.of(
                "load_json.sql", loadJsonArgs(REGION, shippedLog(), "1"),
                "external_table.sql", externalTableArgs(REGION, shippedLog()));
        int calls = 0;
        for (String script : SCRIPTS) {
            String sql = AdwScripts.substitute(AdwScripts.read(script), args.getOrDefault(script, List.of()));
            for (Map.Entry<String, java.util.Set<String>> p : DbmsCloudReference.PARAMETERS.entrySet()) {
                for (AdwScripts.Call c : AdwScripts.calls(sql, p.getKey())) {
                    calls++;
                    for (String name : c.parameters().keySet()) {
                        assertTrue(p.getValue().contains(name), script + ": " + p.getKey() + " has no parameter "
                                + name + " (" + p.getValue() + ")");
                    }
                    for (String required : DbmsCloudReference.REQUIRED.getOrDefault(p.getKey(), Set.of())) {
                        assertTrue(c.parameters().containsKey(required), script + ": " + p.getKey() + " needs "
                                + required);
                    }
                    if (c.parameters().get("format") instanceof Map) {
                        Map<String, String> format = c.format();
                        Set<String> allowed = p.getKey().equals("DBMS_CLOUD.COPY_DATA")
                                && "json".equals(format.get("type")) ? DbmsCloudReference.JSON_COPY_DATA_OPTIONS
                                : p.getKey().equals("DBMS_CLOUD.CREATE_EXTERNAL_TABLE")
                                        && "parquet".equals(format.get("type"))
                                        ? DbmsCloudReference.PARQUET_EXTERNAL_OPTIONS : Set.of();
                        for (Map.Entry<String, String> o : format.entrySet()) {
                            assertTrue(allowed.contains(o.getKey()), script + ": format option " + o.getKey()
                                    + " is not one of " + allowed);
                            if (DbmsCloudReference.BOOLEAN_OPTIONS.contains(o.getKey())) {
                                assertTrue(Set.of("true", "false").contains(o.getValue()), o.toString());
                            }
                        }
                    }
                }
            }
        }
        assertEquals(6, calls, "COPY_DATA, CREATE_EXTERNAL_TABLE, VALIDATE_EXTERNAL_TABLE, CREATE_CREDENTIAL and"
                + " ENABLE_RESOURCE_PRINCIPAL twice");
    }

    /** The defect of issue 12: the policy let ADW read bucket 'lake', the data, not the log bucket. */
    @Test
    void theCredentialsPolicyLetsTheDatabaseReadTheLogBucket() throws Exception {
        String credential = AdwScripts.read("credential.sql");
        Matcher m = Pattern.compile("(?im)^--\\s+(Allow dynamic-group \\S+ to (\\S+) (\\S+) in compartment \\S+"
                + "(?: where target\\.bucket\\.name = '([^']+)')?)\\s*$").matcher(credential);
        assertTrue(m.find(), "credential.sql shows the resource principal's policy statement");
        // OCI's policy reference (Details for Object Storage): 'read objects' grants OBJECT_INSPECT (ListObjects,
        // which a wildcard or regexuri file_uri_list needs) and OBJECT_READ (GetObject).
        assertTrue(Set.of("read", "use", "manage").contains(m.group(2)), m.group(1));
        assertTrue(Set.of("objects", "object-family").contains(m.group(3)), m.group(1));
        assertEquals(shippedLog().bucket(), m.group(4), "the statement names the log bucket: " + m.group(1));
        String sql = AdwScripts.substitute(credential, List.of());
        List<AdwScripts.Call> enable = AdwScripts.calls(sql, "DBMS_CLOUD_ADMIN.ENABLE_RESOURCE_PRINCIPAL");
        assertEquals(2, enable.size(), "for the database, then for the loading user");
        assertEquals(Map.of(), enable.get(0).parameters());
        assertEquals("LAKESHIFT_LOG", AdwScripts.call(sql, "DBMS_CLOUD.CREATE_CREDENTIAL").string("credential_name"));
        for (String script : List.of("load_json.sql", "external_table.sql")) {
            assertTrue(AdwScripts.read(script).contains("'LAKESHIFT_LOG'"), script + " says how to use (b)");
        }
    }

    /** The original PySpark app's readers: its misspelled columns beside the right ones, on the same data. */
    @Test
    void theOriginalAppsViewHasItsMisspelledColumnsBesideTheCorrectOnes() throws Exception {
        Map<String, String> view = new LinkedHashMap<>(AdwScripts.view(AdwScripts.read("log_table.sql"),
                "log_dataflow_app_migration"));
        assertEquals("migration_log", view.remove(""), "the view reads the loaded log table");
        assertEquals("target_name", view.get("targe_name"));
        assertEquals("target_size", view.get("targe_size"));
        Set<String> table = AdwScripts.table(AdwScripts.read("log_table.sql"), "migration_log").stream()
                .map(AdwScripts.Column::name).collect(Collectors.toSet());
        for (LogSchema.Column c : LogSchema.columns()) {
            assertEquals(c.name(), view.get(c.name()), "the view keeps " + c.name() + " as it is");
        }
        assertTrue(table.containsAll(view.values()), "the view reads columns of the table: " + view.values());
        assertEquals(LogSchema.columns().size() + 2, view.size(), view.keySet().toString());
        // The original log's ten fields (../shared/seeds/001_*: source_name ... status) all exist under their names.
        for (String original : List.of("source_name", "source_size", "targe_name", "targe_size", "start_date",
                "end_date", "run_time", "run_date", "run_id", "status")) {
            assertTrue(view.containsKey(original), original);
        }
    }

    @Test
    void theMorningQueriesUseOnlyTheTablesColumnsAndStatusesAndCountMovedFilesAsCopied() throws Exception {
        String morning = AdwScripts.read("morning.sql").toLowerCase(Locale.ROOT);
        for (String used : new String[] {"source_name", "source_size", "target_size", "status", "error", "run_id",
                "run_date", "start_date", "end_date", "bytes_per_second", "parts"}) {
            assertTrue(LogSchema.columns().stream().anyMatch(c -> c.name().equals(used)), used);
            assertTrue(morning.contains(used), used);
        }
        for (String status : statusesIn(morning)) {
            assertTrue(List.of(Status.values()).stream().anyMatch(s -> s.label().equals(status)),
                    "status '" + status + "' in morning.sql is one the log writes");
        }
        // The reconciliation counts as copied exactly the statuses after which the target holds the source's
        // content, verified (Status.targetVerified): a moved file was copied too.
        Set<String> verified = new TreeSet<>();
        for (Status s : Status.values()) {
            if (s.targetVerified()) {
                verified.add(s.label());
            }
        }
        Matcher copied = Pattern.compile("copied as \\(.*?where\\s+status in \\(([^)]*)\\)", Pattern.DOTALL)
                .matcher(morning);
        assertTrue(copied.find(), "the reconciliation's copied set");
        assertEquals(verified, quoted(copied.group(1)));
        Matcher never = Pattern.compile("c\\.status in \\(([^)]*)\\)").matcher(morning);
        assertTrue(never.find());
        assertEquals(verified, quoted(never.group(1)), "query 5 uses the same set");
    }

    @Test
    void eachScriptSaysAtTheTopWhatItNeedsAndTheReadmeGivesTheOrder() throws Exception {
        for (String script : SCRIPTS) {
            String head = AdwScripts.read(script).lines().limit(12).collect(Collectors.joining("\n"));
            assertTrue(head.startsWith("-- " + script + ":"), script + " starts by naming itself and its job");
            assertTrue(head.contains("-- Needs:"), script + " says what it needs");
            // SQL*Plus substitutes in comments too: every & of a script is a variable it defines.
            AdwScripts.substitute(AdwScripts.read(script), List.of("r", "n", "b", "p/", "1"));
        }
        String readme = Files.readString(AdwScripts.DIR.resolve("README.md"));
        List<Integer> at = new ArrayList<>();
        for (String script : List.of("credential.sql", "log_table.sql", "load_json.sql", "morning.sql")) {
            at.add(readme.indexOf("| `" + script + "`"));
        }
        assertTrue(at.stream().allMatch(i -> i > 0), "README.md's table names every script: " + at);
        assertEquals(at.stream().sorted().toList(), at, "in the order they run");
        assertTrue(readme.contains("external_table.sql"));
        assertTrue(readme.contains(shippedLog().bucket()) && readme.contains(shippedLog().prefix()));
    }

    /** The script calls a README shows run on the shipped application's log and give each script its arguments. */
    @Test
    void theReadmesExamplesGiveTheScriptsTheirArgumentsForTheShippedLog() throws Exception {
        OciLocation log = shippedLog();
        Map<String, Integer> arity = Map.of("load_json.sql", 5, "external_table.sql", 4, "credential.sql", 0,
                "log_table.sql", 0, "morning.sql", 0);
        int seen = 0;
        for (String doc : List.of("docs/adw/README.md")) {
            Matcher m = Pattern.compile("(?m)^@(\\S+\\.sql)((?: \\S+)*)\\s*$").matcher(Files.readString(
                    java.nio.file.Path.of(doc)));
            while (m.find()) {
                seen++;
                String script = m.group(1);
                List<String> args = m.group(2).isBlank() ? List.of() : List.of(m.group(2).trim().split(" "));
                assertEquals(arity.get(script), args.size(), doc + ": @" + script + m.group(2));
                if (script.equals("load_json.sql") || script.equals("external_table.sql")) {
                    assertEquals(List.of(log.bucket(), log.prefix()), args.subList(2, 4), doc + ": " + m.group());
                }
            }
        }
        assertTrue(seen >= 4, seen + " script calls");
    }

    private static Set<String> quoted(String list) {
        Set<String> out = new TreeSet<>();
        Matcher q = Pattern.compile("'([a-z_]+)'").matcher(list);
        while (q.find()) {
            out.add(q.group(1));
        }
        return out;
    }

    private static List<String> statusesIn(String sql) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("status\\s*(?:=|<>|IN|NOT IN)\\s*\\(?((?:'[a-z_]+'(?:,\\s*)?)+)",
                Pattern.CASE_INSENSITIVE).matcher(sql);
        while (m.find()) {
            found.addAll(quoted(m.group(1)));
        }
        assertFalse(found.isEmpty());
        return found;
    }
}
