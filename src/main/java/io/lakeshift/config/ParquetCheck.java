package io.lakeshift.config;

/** What a corrupt Parquet file does to its copy. */
public enum ParquetCheck {
    /** The file is failed and nothing is uploaded. */
    FAIL,
    /** The file is copied byte for byte, and the log notes the problem. */
    WARN,
    /** No check. */
    OFF
}
