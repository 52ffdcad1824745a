package io.lakeshift.table;

import java.io.IOException;
import java.util.Map;

/**
 * Reads a table's metadata with the table format's own library (Delta Lake's and Iceberg's, through Spark:
 * implemented in {@code job}, the only Spark code).
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

    /**
     * One snapshot of an Iceberg table with its metadata rewritten for the target by Iceberg's own library, the
     * rewritten files written below {@code staging}; the source is not changed.
     *
     * @param uri the table's folder
     * @param metadataFile the latest metadata file listed, below the table's folder ({@code metadata/v3.metadata.json})
     * @param snapshotId the snapshot to copy, or null for the current one of {@code metadataFile}
     * @param targetUri the table's folder at the target, as readers will open it
     * @param staging an empty folder the rewritten metadata is written to (a Hadoop URI)
     * @param hadoop the Hadoop settings that reach the source
     */
    default IcebergSnapshot readIceberg(String uri, String metadataFile, Long snapshotId, String targetUri,
            String staging, Map<String, String> hadoop) throws IOException {
        throw new IOException("no Iceberg reader in this run");
    }

    /**
     * @param snapshotId the snapshot copied
     * @param metadataFile its metadata file, below the table's folder
     * @param staged the files whose rewritten copy is copied instead of the source's, below the table's folder:
     *     metadata files, manifest lists, manifests, position deletes (and {@code metadata/version-hint.text})
     * @param dataFiles the files copied as they are (data files, deletion vectors), below the table's folder
     */
    record IcebergSnapshot(long snapshotId, String metadataFile, Map<String, StagedFile> staged,
            java.util.Set<String> dataFiles) {
        public IcebergSnapshot {
            staged = Map.copyOf(staged);
            dataFiles = java.util.Set.copyOf(dataFiles);
        }
    }

    /**
     * A rewritten file.
     *
     * @param uri where it is staged
     * @param size its length in bytes
     * @param fresh whether it changes without its name changing ({@code version-hint.text}): never taken as equal
     *     to what an earlier run copied
     */
    record StagedFile(String uri, long size, boolean fresh) {}
}
