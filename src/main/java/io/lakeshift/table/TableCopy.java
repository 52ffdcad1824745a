package io.lakeshift.table;

/**
 * One table a run copied, as its verifier is asked about it.
 *
 * @param table the table (its format and folder below the source root)
 * @param version the version copied (Delta's version; an Iceberg snapshot id)
 * @param source the table's folder at the source (a URI)
 * @param target the table's folder at the target (a URI: oci://bucket@namespace/prefix/..., or a Hadoop folder)
 * @param countRows whether rows are counted by reading the table at both ends (--table-verify rows), not only taken
 *     from the table's metadata
 * @param metadata an Iceberg table's metadata file copied, below the table's folder at both ends
 *     ({@code metadata/v5.metadata.json}); null for a Delta table
 */
public record TableCopy(Table table, long version, String source, String target, boolean countRows,
        String metadata) {
    /** A Delta table's copy (its version is found by its log). */
    public TableCopy(Table table, long version, String source, String target, boolean countRows) {
        this(table, version, source, target, countRows, null);
    }
}
