package io.lakeshift.config;

import java.io.Serializable;

/**
 * How Delta Lake and Iceberg tables in the source are migrated (docs/tables.md).
 *
 * @param detect whether folders holding a table are found and copied as tables
 * @param version the Delta version to copy, or null for the latest
 * @param timestampMillis copy the Delta version current at this time (epoch ms), or null
 * @param files which data files of a Delta or Iceberg table are copied
 * @param verify how each copied table is verified as a table at the target
 * @param snapshot the Iceberg snapshot to copy, or null for the current one
 */
public record TableSettings(Detect detect, Long version, Long timestampMillis, Files files, Verify verify,
        Long snapshot) implements Serializable {

    /** Settings for the current snapshot of Iceberg tables. */
    public TableSettings(Detect detect, Long version, Long timestampMillis, Files files, Verify verify) {
        this(detect, version, timestampMillis, files, verify, null);
    }

    /** Every default: tables found, the latest version, referenced files only. */
    public static TableSettings defaults() {
        return ConfigLoader.defaultTables();
    }

    /** --tables. */
    public enum Detect {
        /** Folders holding {@code _delta_log/} or Iceberg metadata are copied as tables. */
        AUTO,
        /** Every file is a plain file, copied in no particular order. */
        OFF
    }

    /** --table-files. */
    public enum Files {
        /** Only the data and deletion-vector files the chosen version references; the rest is reported. */
        REFERENCED,
        /** Every file of the table's folder (still in table order: data first, log last). */
        ALL
    }

    /** --table-verify. */
    public enum Verify {
        /** Rows from the table log's per-file statistics (Delta's numRecords); schema, version and files compared,
         * every file the target's version names looked up at the target. Reads no data file. */
        METADATA,
        /** As metadata, and the rows counted by reading the table at both ends with Spark. */
        ROWS,
        /** Not verified as a table (each file is still verified). */
        OFF
    }
}
