package io.lakeshift.plan;

import java.io.Serializable;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Bookkeeping files left out of a migration ({@code _SUCCESS}, {@code _temporary}, {@code *.crc}, ...): globs
 * matched against each element of a relative path, so {@code _temporary} also skips everything below it.
 */
public final class SkipRules implements Serializable {
    private final List<Pattern> patterns;

    public SkipRules(List<String> globs) {
        this.patterns = globs.stream().map(SkipRules::toRegex).map(Pattern::compile).toList();
    }

    public boolean skips(String relativePath) {
        if (patterns.isEmpty()) {
            return false;
        }
        for (String element : relativePath.split("/")) {
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
