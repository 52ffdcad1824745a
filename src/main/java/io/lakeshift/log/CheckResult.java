package io.lakeshift.log;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What {@code lakeshift check} found for one file or object. */
public enum CheckResult {
    /** Source file and target object hold the same content (as far as {@link CheckRecord#by()} says). */
    MATCH,
    /** The target object differs from the source file: in size, or in MD5. */
    DIFFER,
    /** A source file with no target object. */
    MISSING,
    /** A target object with no source file (the log's own folder, bookkeeping and filtered names aside). */
    EXTRA,
    /** The file could not be compared (a read failed after its retries); not a match. */
    ERROR;

    /** The name used in the lists and the summary. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
