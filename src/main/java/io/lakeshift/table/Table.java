package io.lakeshift.table;

/**
 * A table found in the source.
 *
 * @param format its format
 * @param root its folder below the source root, ending in '/', or "" when the source root is the table
 */
public record Table(TableFormat format, String root) {
    /** Delta's log folder, below the table's root. */
    static final String DELTA_LOG = "_delta_log/";

    /** Whether a path below the source root is inside this table's folder. */
    public boolean contains(String relativePath) {
        return relativePath.startsWith(root);
    }

    /** The path below the table's root of a path inside it. */
    public String inner(String relativePath) {
        return relativePath.substring(root.length());
    }

    /** Iceberg's metadata folder, below the table's root. */
    static final String ICEBERG_METADATA = "metadata/";
    /** Iceberg's pointer to the current metadata file of a table without a catalog (HadoopTables). */
    static final String VERSION_HINT = ICEBERG_METADATA + "version-hint.text";

    /**
     * Whether a path inside the table is part of its log, copied last: Delta's {@code _delta_log/}, Iceberg's
     * metadata files and {@code version-hint.text} (not its manifests: nothing reaches them before the metadata).
     */
    public boolean isLog(String relativePath) {
        String inner = inner(relativePath);
        return format == TableFormat.DELTA ? inner.startsWith(DELTA_LOG)
                : inner.equals(VERSION_HINT) || isIcebergMetadataFile(inner);
    }

    /** Whether a path below an Iceberg table's root is one of its metadata files. */
    static boolean isIcebergMetadataFile(String inner) {
        return inner.startsWith(ICEBERG_METADATA) && inner.indexOf('/', ICEBERG_METADATA.length()) < 0
                && inner.endsWith(".metadata.json");
    }

    /** The table's folder as a person reads it: {@code sales/orders/}, or {@code (source root)}. */
    public String name() {
        return root.isEmpty() ? "(source root)" : root;
    }

    /** The table's URI, below the source root's URI. */
    public String uri(String sourceRoot) {
        return (sourceRoot.endsWith("/") ? sourceRoot : sourceRoot + "/") + root;
    }
}
