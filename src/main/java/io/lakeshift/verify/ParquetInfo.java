package io.lakeshift.verify;

/**
 * What the footer of a Parquet file says, or why it could not be read.
 *
 * @param rows rows in the file, or null
 * @param columns leaf columns in its schema, or null
 * @param problem why the file is not a sound Parquet file, or null if it is
 * @param note something worth knowing that is not a problem (e.g. a footer too large to check), or null
 */
public record ParquetInfo(Long rows, Integer columns, String problem, String note) {
    public boolean corrupt() {
        return problem != null;
    }
}
