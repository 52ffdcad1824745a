package io.lakeshift.config;

import java.io.Serializable;
import java.util.List;

/**
 * Which source files a run considers.
 *
 * @param include globs a file must match one of (empty = all)
 * @param exclude globs that leave a file out
 * @param minSize smallest size kept, or null
 * @param maxSize largest size kept, or null
 * @param modifiedAfter epoch millis: files modified before are left out, or null
 * @param modifiedBefore epoch millis: files modified at or after are left out, or null
 * @param filesFrom manifest of paths to keep, or null
 */
public record FilterSettings(List<String> include, List<String> exclude, Long minSize, Long maxSize,
        Long modifiedAfter, Long modifiedBefore, String filesFrom) implements Serializable {
    public FilterSettings {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }

    public static FilterSettings none() {
        return new FilterSettings(List.of(), List.of(), null, null, null, null, null);
    }
}
