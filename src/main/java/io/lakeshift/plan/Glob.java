package io.lakeshift.plan;

import java.io.Serializable;
import java.util.regex.Pattern;

/**
 * A file glob: {@code *} and {@code ?} within a path element, {@code **} across elements, {@code {a,b}}
 * alternatives, {@code [abc]} classes. A glob without '/' matches a file's name; with '/', its path below the
 * source root.
 */
public final class Glob implements Serializable {
    private final String text;
    private final Pattern pattern;
    private final boolean wholePath;

    public Glob(String text) {
        this.text = text;
        this.wholePath = text.contains("/");
        this.pattern = Pattern.compile(toRegex(text.startsWith("/") ? text.substring(1) : text));
    }

    public boolean matches(String relativePath) {
        String subject = wholePath ? relativePath : relativePath.substring(relativePath.lastIndexOf('/') + 1);
        return pattern.matcher(subject).matches();
    }

    @Override
    public String toString() {
        return text;
    }

    static String toRegex(String glob) {
        StringBuilder sb = new StringBuilder();
        boolean inGroup = false;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> {
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                        boolean slash = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                        sb.append(slash ? "(?:.*/)?" : ".*");
                        i += slash ? 2 : 1;
                    } else {
                        sb.append("[^/]*");
                    }
                }
                case '?' -> sb.append("[^/]");
                case '{' -> {
                    sb.append("(?:");
                    inGroup = true;
                }
                case '}' -> {
                    sb.append(inGroup ? ")" : "\\}");
                    inGroup = false;
                }
                case ',' -> sb.append(inGroup ? "|" : ",");
                case '[' -> {
                    int end = glob.indexOf(']', i + 1);
                    if (end < 0) {
                        sb.append("\\[");
                    } else {
                        String cls = glob.substring(i + 1, end).replace("\\", "\\\\");
                        sb.append('[').append(cls.startsWith("!") ? "^" + cls.substring(1) : cls).append(']');
                        i = end;
                    }
                }
                default -> sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return sb.toString();
    }
}
