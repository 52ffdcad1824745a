package io.lakeshift.table;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version a file of {@code _delta_log/} belongs to, from its name as the Delta protocol spells it
 * (https://github.com/delta-io/delta/blob/master/PROTOCOL.md: commits {@code 00000000000000000010.json},
 * checkpoints {@code 00000000000000000010.checkpoint.parquet} and multi-part or UUID-named ones, checksums
 * {@code 00000000000000000010.crc}, log compactions {@code <from>.<to>.compacted.json}).
 */
final class DeltaLogEntry {
    private static final Pattern VERSIONED = Pattern.compile("(\\d{20})\\.(?:(\\d{20})\\.compacted\\.json|.+)");
    private static final Pattern COMMIT = Pattern.compile("\\d{20}\\.json");
    static final String LAST_CHECKPOINT = "_last_checkpoint";

    private DeltaLogEntry() {}

    /** The version a log file (its name, directly in {@code _delta_log/}) belongs to, or empty if it has none. */
    static OptionalLong version(String name) {
        Matcher m = VERSIONED.matcher(name);
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(m.group(2) != null ? m.group(2) : m.group(1)));
    }

    /** Whether the name is a commit or a checkpoint: a version a reader can start from. */
    static boolean isVersion(String name) {
        return COMMIT.matcher(name).matches() || name.matches("\\d{20}\\.checkpoint\\..*parquet|\\d{20}\\.checkpoint\\..*json");
    }
}
