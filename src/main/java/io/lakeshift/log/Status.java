package io.lakeshift.log;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What happened to one source file (or, for {@link #DELETED}, one target object; for {@link #TABLE}, one table). */
public enum Status {
    /** Copied and verified; the target did not exist before. */
    NEW,
    /** Copied and verified over an existing target that differed. */
    UPDATED,
    /** Skipped, nothing sent: the target holds this version. */
    EQUAL,
    /** Not copied, or not verified; the reason is in the record's error. Never left as an object. */
    FAILED,
    /** sync: a target object with no source file, deleted. */
    DELETED,
    /** move: copied (or found equal), verified, and the source file deleted. */
    MOVED,
    /** Left out by a filter or by --overwrite never; the note says which. */
    EXCLUDED,
    /** Dry run: what would happen is in the note. */
    PLANNED,
    /** Not attempted (not failed): the source file is in an archive tier; the note names the tier and whether a
     * restore was asked for or is in progress. A run after the restore copies it. */
    ARCHIVED,
    /** Not a file: one copied table (Delta, Iceberg), opened at the target and compared with the source's version;
     * {@code table_check} says equal, mismatch or not verified (docs/tables.md). */
    TABLE;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Status of(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }

    /** Whether the target holds the source's content, verified, after this status. */
    public boolean targetVerified() {
        return this == NEW || this == UPDATED || this == EQUAL || this == MOVED;
    }
}
