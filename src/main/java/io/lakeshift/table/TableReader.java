package io.lakeshift.table;

import java.io.IOException;
import java.util.Map;

/**
 * Reads a table's metadata with the table format's own library (Delta Lake's, through Spark: implemented in
 * {@code job}, the only Spark code).
 */
public interface TableReader {
    /** For runs without tables to read (unit tests of the flow): every read fails. */
    TableReader NONE = (uri, version, timestampMillis, hadoop) -> {
        throw new IOException("no table reader in this run");
    };

    /**
     * The referenced files of one version of a Delta table.
     *
     * @param uri the table's folder
     * @param version the version to read, or null
     * @param timestampMillis read the version current at this time, when {@code version} is null; or null for the latest
     * @param hadoop the Hadoop settings that reach the source
     */
    DeltaVersion readDelta(String uri, Long version, Long timestampMillis, Map<String, String> hadoop)
            throws IOException;

    /**
     * @param version the version read
     * @param files its data files and deletion vectors, below the table's folder (files outside it are not listed)
     */
    record DeltaVersion(long version, java.util.Set<String> files) {}
}
