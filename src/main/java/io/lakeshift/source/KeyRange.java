package io.lakeshift.source;

import io.lakeshift.model.NameOrder;
import java.io.Serializable;

/**
 * A part of a folder's recursive listing, listed apart ({@link Source#listRange}): the files below {@code folder}
 * whose relative paths lie after {@code after} (exclusive) and up to {@code until} (inclusive), in UTF-8 byte order
 * ({@link NameOrder}), the order S3 lists keys in. A null bound is open. Exclusive below because S3's
 * ListObjectsV2 {@code start-after} is: "Amazon S3 starts listing after this specified key" (Amazon S3 API
 * Reference, ListObjectsV2, API version 2006-03-01).
 *
 * @param folder "" or a path below the root ending in '/'
 */
public record KeyRange(String folder, String after, String until) implements Serializable {
    /** The whole folder: every file below it. */
    public static KeyRange below(String folder) {
        return new KeyRange(folder, null, null);
    }

    /** Whether this is a whole folder ({@link Source#listBelow}). */
    public boolean whole() {
        return after == null && until == null;
    }

    /** Whether a relative path lies in this range. */
    public boolean holds(String relative) {
        return relative.startsWith(folder) && (after == null || NameOrder.compare(relative, after) > 0)
                && !past(relative);
    }

    /** Whether a relative path lies beyond the range's end (a listing in key order can stop there). */
    public boolean past(String relative) {
        return until != null && NameOrder.compare(relative, until) > 0;
    }
}
