package io.lakeshift.log;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A table found in the source, as the plan and the summary list it.
 *
 * @param format delta or iceberg
 * @param path its folder below the source root ("" for the root itself)
 * @param version the Delta version copied, or null (an Iceberg table, copied as files for now)
 * @param files files of the table copied or planned (data, deletion vectors and log)
 * @param unreferenced files of its folder left out (not referenced by the version, or log entries after it)
 * @param check after the copy, what verifying it as a table found: equal, mismatch or not verified (null in a
 *     plan, or with --table-verify off)
 * @param sourceRows the version's rows at the source, where known
 * @param targetRows its rows at the target, where known
 * @param checkNote what differs, why it was not verified, or how rows were counted
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TableSummary(String format, String path, Long version, long files, long unreferenced,
        @JsonInclude(JsonInclude.Include.NON_NULL) String check,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long sourceRows,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long targetRows,
        @JsonInclude(JsonInclude.Include.NON_NULL) String checkNote) {
    /** The check's label when the target's table differs from the source's. */
    public static final String MISMATCH = "mismatch";

    /** A table as planned or copied, not (yet) verified. */
    public static TableSummary found(String format, String path, Long version, long files, long unreferenced) {
        return new TableSummary(format, path, version, files, unreferenced, null, null, null, null);
    }

    /** This table with what verifying it found. */
    public TableSummary checked(String check, Long sourceRows, Long targetRows, String checkNote) {
        return new TableSummary(format, path, version, files, unreferenced, check, sourceRows, targetRows, checkNote);
    }

    /** Whether verifying it found the target's table differs. */
    public boolean mismatch() {
        return MISMATCH.equals(check);
    }

    /** One line for a person: {@code delta sales/orders/ version 5: 12 files, 3 left out; verified: equal, 80 rows}. */
    public String line() {
        return format + " " + (path.isEmpty() ? "(source root)" : path)
                + (version == null ? " (copied as plain files)" : " version " + version) + ": " + files + " files"
                + (unreferenced > 0 ? ", " + unreferenced + " left out" : "")
                + (check == null ? "" : "; verified as a table: " + check.toUpperCase(java.util.Locale.ROOT)
                + (targetRows == null ? "" : ", " + targetRows + " rows") + (checkNote == null ? "" : " (" + checkNote + ")"));
    }
}
