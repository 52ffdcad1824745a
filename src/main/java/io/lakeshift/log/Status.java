package io.lakeshift.log;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What happened to one source file. */
public enum Status {
    /** Copied; the target did not exist before. */
    NEW,
    /** Not copied, or not verified; the reason is in the record's error. */
    FAILED;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
