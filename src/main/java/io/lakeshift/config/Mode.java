package io.lakeshift.config;

/** What a run does beyond copying. */
public enum Mode {
    /** Send new and changed files; touch nothing else. */
    COPY,
    /** As copy, and delete target objects that have no source file (bounded by max-delete). */
    SYNC,
    /** As copy, and delete each source file once its target is verified. */
    MOVE
}
