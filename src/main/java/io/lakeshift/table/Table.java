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

    /** Whether a path inside the table is part of its log (Delta's {@code _delta_log/}). */
    public boolean isLog(String relativePath) {
        return format == TableFormat.DELTA && inner(relativePath).startsWith(DELTA_LOG);
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
