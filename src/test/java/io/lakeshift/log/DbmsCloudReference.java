package io.lakeshift.log;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Facts about DBMS_CLOUD taken from Oracle's public reference, for checking docs/adw/*.sql without a database. Each
 * fact names the page it comes from (Oracle Autonomous Database Serverless documentation, docs.oracle.com, read on
 * 2026-12-01; the pages carry no version of their own and describe Autonomous Database on 19c and 23ai/26ai).
 *
 * <ul>
 *   <li>[SUBPROGRAMS] "DBMS_CLOUD Subprograms and REST APIs":
 *       https://docs.oracle.com/en/cloud/paas/autonomous-database/serverless/adbsb/dbms-cloud-subprograms.html
 *       (COPY_DATA, CREATE_EXTERNAL_TABLE, CREATE_CREDENTIAL, VALIDATE_EXTERNAL_TABLE and their parameters), and
 *       "DBMS_CLOUD_ADMIN" (ENABLE_RESOURCE_PRINCIPAL).</li>
 *   <li>[FORMAT] "DBMS_CLOUD Package Format Options":
 *       https://docs.oracle.com/en/cloud/paas/autonomous-database/serverless/adbsb/format-options.html — format is
 *       {@code json_object('option' value 'value', ...)}; "a limited set of format options are valid with
 *       DBMS_CLOUD.COPY_COLLECTION or with DBMS_CLOUD.COPY_DATA when the format type is JSON"; {@code columnpath}:
 *       "Only use with format JSON and COPY_DATA. Array of JSON path expressions that correspond to the fields that
 *       need to be extracted from the JSON records", e.g.
 *       {@code '["$.WEATHER_STATION_ID", "$.WEATHER_STATION_NAME"]'}.</li>
 *   <li>[PARQUET] "DBMS_CLOUD Package Parquet to Oracle Data Type Mapping":
 *       https://docs.oracle.com/en/cloud/paas/autonomous-database/serverless/adbsb/data-type-mapping-parquet.html</li>
 *   <li>[NAMES] "DBMS_CLOUD Package Avro, ORC, and Parquet to Oracle Column Name Mapping":
 *       https://docs.oracle.com/en-us/iaas/autonomous-database-serverless/doc/avro-parquet-column-name.html —
 *       "Oracle implicitly uppercases unquoted column names" (Parquet {@code part} is column {@code PART}); leading
 *       underscores or digits, blanks and Oracle SQL reserved words need double quotes.</li>
 *   <li>[URI] "DBMS_CLOUD URI Formats":
 *       https://docs.oracle.com/iaas/autonomous-database-serverless/doc/file-uri-formats.html —
 *       {@code https://objectstorage.region.oraclecloud.com/n/namespace-string/b/bucket/o/filename}.</li>
 *   <li>[WILDCARD] file_uri_list of COPY_DATA and CREATE_EXTERNAL_TABLE [SUBPROGRAMS], as also stated in "Query
 *       External Partitioned Data"
 *       (https://docs.oracle.com/en/cloud/paas/atp-cloud/atpgs/query-external-partition-hive.html):
 *       "Specify a single file URI with wildcards, where the wildcards can only be after the last slash "/". The
 *       character "*" can be used as the wildcard for multiple characters, the character "?" can be used as the
 *       wildcard for a single character."</li>
 *   <li>[REGEXURI] format option {@code regexuri} [FORMAT]: with {@code 'regexuri' value 'true'} the file_uri_list
 *       is a regular expression; "regular expression patterns are only supported for the file name or subfolder path
 *       in your URIs and the pattern matching is identical to that performed by the REGEXP_LIKE function" — a match
 *       anywhere in the URI unless anchored (Oracle Database SQL Language Reference 19c, REGEXP_LIKE Condition).</li>
 * </ul>
 */
public final class DbmsCloudReference {
    private DbmsCloudReference() {}

    /** The named parameters of each procedure the scripts call [SUBPROGRAMS]. */
    public static final Map<String, Set<String>> PARAMETERS = Map.of(
            "DBMS_CLOUD.COPY_DATA", Set.of("table_name", "credential_name", "file_uri_list", "schema_name",
                    "field_list", "format", "operation_id"),
            "DBMS_CLOUD.CREATE_EXTERNAL_TABLE", Set.of("table_name", "credential_name", "file_uri_list",
                    "column_list", "field_list", "format"),
            "DBMS_CLOUD.CREATE_CREDENTIAL", Set.of("credential_name", "username", "password", "user_ocid",
                    "tenancy_ocid", "private_key", "fingerprint", "params"),
            "DBMS_CLOUD.VALIDATE_EXTERNAL_TABLE", Set.of("table_name", "operation_id", "schema_name", "rowcount",
                    "stop_on_error"),
            "DBMS_CLOUD_ADMIN.ENABLE_RESOURCE_PRINCIPAL", Set.of("username", "grant_option"));

    /** The parameters each call needs [SUBPROGRAMS]. */
    public static final Map<String, Set<String>> REQUIRED = Map.of(
            "DBMS_CLOUD.COPY_DATA", Set.of("table_name", "file_uri_list"),
            "DBMS_CLOUD.CREATE_EXTERNAL_TABLE", Set.of("table_name", "file_uri_list"),
            "DBMS_CLOUD.CREATE_CREDENTIAL", Set.of("credential_name"));

    /** The credential name of the database's resource principal [SUBPROGRAMS, "Use Resource Principal"]. */
    public static final String RESOURCE_PRINCIPAL = "OCI$RESOURCE_PRINCIPAL";

    /**
     * The format options a script may give COPY_DATA of JSON records, and an external table over Parquet files; an
     * option outside these, or in the wrong place, fails the check. All are rows of the [FORMAT] table. For JSON,
     * [FORMAT] marks characterset ("Valid with format JSON and COPY_DATA"), columnpath ("Only use with format JSON
     * and COPY_DATA") and compression ("Option valid with JSON data"); its Autonomous Data Warehouse edition
     * (https://docs.oracle.com/en/cloud/paas/autonomous-data-warehouse-cloud/user/format-options.html) lists
     * characterset, compression, ignoreblanklines, recorddelimiter, rejectlimit and unpackarrays as valid with JSON
     * data for COPY_COLLECTION. timestampformat, dateformat, truncatecol and conversionerrors are general rows of the
     * table; the copy of the page read here showed no JSON mark on them either way, so their effect on a JSON load
     * is an assumption this check cannot confirm. For Parquet it accepts type and schema, and the general rows
     * regexuri, partition_columns, rejectlimit and maxvarchar.
     */
    public static final Set<String> JSON_COPY_DATA_OPTIONS = Set.of("type", "columnpath", "characterset",
            "compression", "timestampformat", "dateformat", "truncatecol", "rejectlimit", "conversionerrors",
            "recorddelimiter", "ignoreblanklines", "unpackarrays");
    public static final Set<String> PARQUET_EXTERNAL_OPTIONS = Set.of("type", "schema", "regexuri",
            "partition_columns", "rejectlimit", "maxvarchar");
    /** Format option values that are booleans, given as 'true' or 'false' [FORMAT]. */
    public static final Set<String> BOOLEAN_OPTIONS = Set.of("truncatecol", "regexuri", "unpackarrays");

    /** The Oracle type of a Parquet column, as DBMS_CLOUD reads it [PARQUET]. */
    public static String oracleType(Type field) {
        PrimitiveType p = field.asPrimitiveType();
        LogicalTypeAnnotation logical = p.getLogicalTypeAnnotation();
        switch (p.getPrimitiveTypeName()) {
            case INT64:
                if (logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation t) {
                    return switch (t.getUnit()) {
                        case MILLIS -> "TIMESTAMP(3)"; // TIMESTAMP_MILLIS(_UTC)
                        case MICROS -> "TIMESTAMP(6)"; // TIMESTAMP_MICROS(_UTC)
                        case NANOS -> "TIMESTAMP(9)"; // TIMESTAMP_NANOS
                    };
                }
                if (logical == null) {
                    return "NUMBER(19)"; // INT_64
                }
                break;
            case INT32:
                if (logical == null) {
                    return "NUMBER(10)"; // INT_32
                }
                break;
            case DOUBLE:
                return "BINARY_DOUBLE"; // DBL
            case FLOAT:
                return "BINARY_FLOAT"; // FLT
            case BOOLEAN:
                return "NUMBER(1)"; // BOOL
            case BINARY:
                if (logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation) {
                    return "VARCHAR2(4000)"; // UTF8 BYTE_ARRAY / STRING
                }
                break;
            default:
                break;
        }
        throw new AssertionError("no DBMS_CLOUD mapping listed for Parquet column " + field);
    }

    /**
     * Oracle SQL reserved words (Oracle Database SQL Language Reference 19c, Appendix D "Oracle SQL Reserved Words",
     * https://docs.oracle.com/en/database/oracle/oracle-database/19/sqlrf/Oracle-SQL-Reserved-Words.html): a column
     * named so needs double quotes everywhere [NAMES].
     */
    public static final Set<String> RESERVED = Set.of("ACCESS", "ADD", "ALL", "ALTER", "AND", "ANY", "AS", "ASC",
            "AUDIT", "BETWEEN", "BY", "CHAR", "CHECK", "CLUSTER", "COLUMN", "COLUMN_VALUE", "COMMENT", "COMPRESS",
            "CONNECT", "CREATE", "CURRENT", "DATE", "DECIMAL", "DEFAULT", "DELETE", "DESC", "DISTINCT", "DROP",
            "ELSE", "EXCLUSIVE", "EXISTS", "FILE", "FLOAT", "FOR", "FROM", "GRANT", "GROUP", "HAVING", "IDENTIFIED",
            "IMMEDIATE", "IN", "INCREMENT", "INDEX", "INITIAL", "INSERT", "INTEGER", "INTERSECT", "INTO", "IS",
            "LEVEL", "LIKE", "LOCK", "LONG", "MAXEXTENTS", "MINUS", "MLSLABEL", "MODE", "MODIFY", "NESTED_TABLE_ID",
            "NOAUDIT", "NOCOMPRESS", "NOT", "NOWAIT", "NULL", "NUMBER", "OF", "OFFLINE", "ON", "ONLINE", "OPTION",
            "OR", "ORDER", "PCTFREE", "PRIOR", "PUBLIC", "RAW", "RENAME", "RESOURCE", "REVOKE", "ROW", "ROWID",
            "ROWNUM", "ROWS", "SELECT", "SESSION", "SET", "SHARE", "SIZE", "SMALLINT", "START", "SUCCESSFUL",
            "SYNONYM", "SYSDATE", "TABLE", "THEN", "TO", "TRIGGER", "UID", "UNION", "UNIQUE", "UPDATE", "USER",
            "VALIDATE", "VALUES", "VARCHAR", "VARCHAR2", "VIEW", "WHENEVER", "WHERE", "WITH");

    /** The Object Storage native URI of an object [URI]. */
    public static String objectUri(String region, String namespace, String bucket, String object) {
        return "https://objectstorage." + region + ".oraclecloud.com/n/" + namespace + "/b/" + bucket + "/o/"
                + object;
    }

    /**
     * Whether a file_uri_list entry without regexuri selects a URI [WILDCARD]: wildcards only after the last slash,
     * {@code *} for any characters, {@code ?} for one. Whether {@code *} may also stand for a '/' of a deeper object
     * name the reference does not say, so {@code starCrossesSlash} picks; a check should hold either way.
     */
    public static boolean wildcardSelects(String pattern, String uri, boolean starCrossesSlash) {
        int lastSlash = pattern.lastIndexOf('/');
        String folder = pattern.substring(0, lastSlash + 1);
        if (folder.contains("*") || folder.contains("?")) {
            throw new AssertionError("wildcards may only follow the last '/' of a file_uri_list entry: " + pattern);
        }
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(starCrossesSlash ? ".*" : "[^/]*");
                case '?' -> regex.append(starCrossesSlash ? "." : "[^/]");
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return uri.matches(regex.toString());
    }

    /** The regular expression constructs whose meaning is the same in Oracle's POSIX dialect and in Java's. */
    private static final Pattern PORTABLE = Pattern.compile(
            "(?:[A-Za-z0-9_/:=%&@,~-]|\\\\\\.|\\.\\*?|\\[\\^?[^\\]\\\\]+\\]|[+*?]|\\{\\d+(?:,\\d*)?\\}|\\^|\\$)*");

    /**
     * Whether a file_uri_list regular expression selects a URI [REGEXURI]: REGEXP_LIKE, a match anywhere unless
     * anchored. Only constructs that mean the same in Oracle's and Java's dialects are accepted.
     */
    public static boolean regexSelects(String regex, String uri) {
        if (!PORTABLE.matcher(regex).matches()) {
            throw new AssertionError("the file_uri_list regular expression uses constructs this check does not"
                    + " model: " + regex);
        }
        return Pattern.compile(regex).matcher(uri).find();
    }

    /** Whether a file_uri_list with this format selects a URI. */
    public static boolean selects(String fileUriList, Map<String, String> format, String uri,
            boolean starCrossesSlash) {
        if (fileUriList.contains(",")) {
            throw new AssertionError("one URI expected in file_uri_list: " + fileUriList);
        }
        return "true".equals(format.getOrDefault("regexuri", "false").toLowerCase(Locale.ROOT))
                ? regexSelects(fileUriList, uri)
                : wildcardSelects(fileUriList, uri, starCrossesSlash);
    }

    /** The paths of a columnpath value, each of the simple form {@code $.name} this check resolves. */
    public static List<String> columnPaths(String columnpath) throws java.io.IOException {
        List<String> paths = List.of(new com.fasterxml.jackson.databind.ObjectMapper().readValue(columnpath,
                String[].class));
        for (String p : paths) {
            if (!p.matches("\\$\\.[A-Za-z_][A-Za-z0-9_]*")) {
                throw new AssertionError("columnpath " + p + " is not of the form $.name");
            }
        }
        return paths;
    }
}
