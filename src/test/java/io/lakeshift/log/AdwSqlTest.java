package io.lakeshift.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The ADW side of the log (docs/adw/*.sql) follows {@link LogSchema}, which the JSON lines and the Parquet files
 * follow too (MigrationRecordTest, ParquetLogTest): same column names, same order, matching types. A field added
 * to the log without its column in the DDL, the COPY_DATA column paths and the external table fails here. The SQL
 * itself runs only in ADW: there is no Oracle database on a build machine.
 */
class AdwSqlTest {
    private static final Path ADW = Path.of("docs/adw");
    private static final Pattern COLUMN = Pattern.compile(
            "^\\s*([a-z_][a-z0-9_]*)\\s+([A-Z_0-9]+(?:\\(\\d+\\))?)(\\s+NOT NULL)?\\s*,?\\s*$");

    /** The Oracle type each log column type is stored as. */
    static String oracleType(LogSchema.Type type) {
        return switch (type) {
            case TEXT -> "VARCHAR2(4000)";
            case INTEGER -> "NUMBER(10)";
            case BIGINT -> "NUMBER(19)";
            case DOUBLE -> "BINARY_DOUBLE";
            case TIMESTAMP -> "TIMESTAMP(6)";
        };
    }

    record SqlColumn(String name, String type, boolean notNull) {}

    @Test
    void theTableDdlHasEveryLogColumnInOrderWithItsType() throws Exception {
        String sql = Files.readString(ADW.resolve("log_table.sql"));
        Matcher m = Pattern.compile("(?s)CREATE TABLE migration_log \\((.*?)\\n\\);").matcher(sql);
        assertTrue(m.find(), "log_table.sql creates migration_log");
        List<SqlColumn> ddl = columns(m.group(1));
        List<LogSchema.Column> log = LogSchema.columns();
        assertEquals(log.stream().map(LogSchema.Column::name).toList(), ddl.stream().map(SqlColumn::name).toList(),
                "DDL columns, in order");
        for (int i = 0; i < log.size(); i++) {
            LogSchema.Column c = log.get(i);
            assertEquals(oracleType(c.type()), ddl.get(i).type(), "type of " + c.name());
            assertEquals(c.required(), ddl.get(i).notNull(), "NOT NULL of " + c.name());
        }
    }

    @Test
    void theJsonLoadReadsEveryColumnInTheTablesOrder() throws Exception {
        String sql = Files.readString(ADW.resolve("load_json.sql"));
        Matcher m = Pattern.compile("'columnpath' value '(\\[.*?])'").matcher(sql);
        assertTrue(m.find(), "load_json.sql gives COPY_DATA a columnpath");
        List<String> paths = List.of(new ObjectMapper().readValue(m.group(1), String[].class));
        assertEquals(LogSchema.columns().stream().map(c -> "$." + c.name()).toList(), paths);
        assertTrue(sql.contains("DBMS_CLOUD.COPY_DATA"));
        assertTrue(sql.contains("'type' value 'json'"));
        assertTrue(sql.contains("'timestampformat' value 'YYYY-MM-DD HH24:MI:SS'"),
                "JSON dates are " + LogTimes.date(0));
        assertTrue(sql.contains("table_name      => 'MIGRATION_LOG'"));
        assertTrue(sql.contains("/part-*.jsonl'"), "loads the JSON lines files: " + LogFormat.partFile(0));
    }

    @Test
    void theExternalTableOverTheParquetFilesHasTheTablesColumns() throws Exception {
        String sql = Files.readString(ADW.resolve("external_table.sql"));
        Matcher m = Pattern.compile("(?s)column_list\\s+=> '(.*?)'\\);").matcher(sql);
        assertTrue(m.find(), "external_table.sql gives a column_list");
        List<SqlColumn> ext = columns(m.group(1));
        List<LogSchema.Column> log = LogSchema.columns();
        assertEquals(log.stream().map(LogSchema.Column::name).toList(), ext.stream().map(SqlColumn::name).toList());
        for (int i = 0; i < log.size(); i++) {
            assertEquals(oracleType(log.get(i).type()), ext.get(i).type(), "type of " + log.get(i).name());
        }
        assertTrue(sql.contains("DBMS_CLOUD.CREATE_EXTERNAL_TABLE"));
        assertTrue(sql.contains("'type' value 'parquet'"));
        Matcher uri = Pattern.compile("\\|\\| '([^']+)'").matcher(sql);
        assertTrue(uri.find());
        String pattern = uri.group(1).replace("\\.", ".").replace(".*", "[^/]*").replace(".parquet", "\\.parquet");
        String name = "_lakeshift/logs/" + LogFormat.runFolder("20240101000000000000") + ParquetLog.partFile(3);
        assertTrue(name.matches(pattern), name + " matches the file_uri_list's regular expression " + uri.group(1));
    }

    @Test
    void theMorningQueriesAndCredentialsUseOnlyTheTablesColumnsAndTheCredentialsNames() throws Exception {
        String morning = Files.readString(ADW.resolve("morning.sql")).toLowerCase(Locale.ROOT);
        for (String used : new String[] {"source_name", "source_size", "target_size", "status", "error", "run_id",
                "run_date", "start_date", "end_date", "bytes_per_second"}) {
            assertTrue(LogSchema.columns().stream().anyMatch(c -> c.name().equals(used)), used);
            assertTrue(morning.contains(used), used);
        }
        for (String status : statusesIn(morning)) {
            assertTrue(List.of(Status.values()).stream().anyMatch(s -> s.label().equals(status)),
                    "status '" + status + "' in morning.sql is one the log writes");
        }
        String credential = Files.readString(ADW.resolve("credential.sql"));
        assertTrue(credential.contains("DBMS_CLOUD_ADMIN.ENABLE_RESOURCE_PRINCIPAL"));
        assertTrue(credential.contains("DBMS_CLOUD.CREATE_CREDENTIAL"));
        for (String file : new String[] {"load_json.sql", "external_table.sql"}) {
            assertTrue(Files.readString(ADW.resolve(file)).contains("credential_name => 'OCI$RESOURCE_PRINCIPAL'"),
                    file);
        }
    }

    private static List<String> statusesIn(String sql) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("status\\s*(?:=|<>|IN|NOT IN)\\s*\\(?((?:'[a-z_]+'(?:,\\s*)?)+)",
                Pattern.CASE_INSENSITIVE).matcher(sql);
        while (m.find()) {
            Matcher q = Pattern.compile("'([a-z_]+)'").matcher(m.group(1));
            while (q.find()) {
                found.add(q.group(1));
            }
        }
        assertTrue(!found.isEmpty());
        return found;
    }

    private static List<SqlColumn> columns(String body) {
        List<SqlColumn> columns = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (line.isBlank() || line.trim().startsWith("--")) {
                continue;
            }
            Matcher m = COLUMN.matcher(line);
            assertTrue(m.matches(), "not a column definition: '" + line + "'");
            columns.add(new SqlColumn(m.group(1), m.group(2), m.group(3) != null));
        }
        return columns;
    }
}
