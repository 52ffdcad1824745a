package io.lakeshift.table;

/** The table formats lakeshift recognises in a source lake. */
public enum TableFormat {
    /** A folder holding {@code _delta_log/}. */
    DELTA,
    /** A folder holding {@code metadata/*.metadata.json} or {@code metadata/version-hint.text}. */
    ICEBERG;

    public String label() {
        return this == DELTA ? "delta" : "iceberg";
    }
}
