package io.lakeshift.plan;

import java.io.Serializable;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Bookkeeping files left out of a migration ({@code _SUCCESS}, {@code _temporary}, {@code *.crc}, ...): globs
 * matched against each element of a relative path, so {@code _temporary} also skips everything below it.
 */
public final class SkipRules implements Serializable {
    /** The marker files --keep-markers copies though --skip lists them: Spark's and Hadoop's job-done flag. */
    public static final List<String> MARKERS = List.of("_SUCCESS");

    private final List<Pattern> patterns;
    private final boolean keepMarkers;

    public SkipRules(List<String> globs) {
        this(globs, false);
    }

    /**
     * @param keepMarkers keep {@link #MARKERS} files (below folders the rules do not skip, so a {@code _SUCCESS}
     *     inside {@code _temporary/} is still left out)
     */
    public SkipRules(List<String> globs, boolean keepMarkers) {
        this.patterns = globs.stream().map(SkipRules::toRegex).map(Pattern::compile).toList();
        this.keepMarkers = keepMarkers;
    }

    public boolean skips(String relativePath) {
        if (patterns.isEmpty()) {
            return false;
        }
        String[] elements = relativePath.split("/");
        int last = elements.length - 1;
        boolean marker = keepMarkers && !relativePath.endsWith("/") && MARKERS.contains(elements[last]);
        for (int i = 0; i < elements.length; i++) {
            String element = elements[i];
            if (marker && i == last) {
                continue;
            }
            for (Pattern p : patterns) {
                if (p.matcher(element).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    static String toRegex(String glob) {
        StringBuilder sb = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> sb.append(".*");
                case '?' -> sb.append('.');
                default -> sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return sb.toString();
    }
}
