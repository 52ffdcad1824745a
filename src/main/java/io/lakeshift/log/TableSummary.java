package io.lakeshift.log;

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
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TableSummary(String format, String path, Long version, long files, long unreferenced) {

    /** One line for a person: {@code delta sales/orders/ version 5: 12 files, 3 left out}. */
    public String line() {
        return format + " " + (path.isEmpty() ? "(source root)" : path)
                + (version == null ? " (copied as plain files)" : " version " + version) + ": " + files + " files"
                + (unreferenced > 0 ? ", " + unreferenced + " left out" : "");
    }
}
