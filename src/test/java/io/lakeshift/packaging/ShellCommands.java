package io.lakeshift.packaging;

import java.util.ArrayList;
import java.util.List;

/**
 * The simple commands of a piece of shell text, as bash would split them: words (quotes removed, {@code \}-newline
 * continuations joined, {@code $VAR} and {@code $(...)} kept as written), one command per pipeline element, list
 * element and line, commands inside {@code $(...)} and backticks as commands of their own, comments and
 * redirections left out. Enough to read the {@code oci} invocations of our scripts and docs; not a shell.
 */
final class ShellCommands {
    /**
     * @param words the command's words, as written after quote removal
     * @param dynamic whether a word is an array expansion ({@code "${args[@]}"}): the real arguments are not all known
     * @param line the line (from 1) the command starts on
     */
    record Command(List<String> words, boolean dynamic, int line) {}

    private final String s;
    private int i;
    private int line = 1;
    private final List<Command> out = new ArrayList<>();

    private ShellCommands(String s) {
        this.s = s;
    }

    static List<Command> of(String text) {
        ShellCommands p = new ShellCommands(text);
        p.commands(false);
        return p.out;
    }

    /** Reads commands up to the end, or (nested) up to the unmatched ')' or '`' that closes a substitution. */
    private void commands(boolean nested) {
        List<String> words = new ArrayList<>();
        boolean dynamic = false;
        int start = line;
        StringBuilder w = null;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                i += 2;
                line++;
                continue;
            }
            if (nested && (c == ')' || c == '`')) {
                i++;
                break;
            }
            if (c == ' ' || c == '\t') {
                i++;
                w = end(words, w);
                continue;
            }
            if (c == '\n' || c == ';' || c == '&' || c == '|' || c == '(' || c == ')') {
                w = end(words, w);
                if (c == '\n') {
                    line++;
                }
                i++;
                flush(words, dynamic, start);
                words = new ArrayList<>();
                dynamic = false;
                start = line;
                continue;
            }
            if (c == '#' && w == null) {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            if (c == '>' || c == '<') {
                if (w != null && w.toString().matches("\\d+")) {
                    w = null; // 2>&1: the descriptor is no word
                }
                w = end(words, w);
                i++;
                while (i < s.length() && (s.charAt(i) == '>' || s.charAt(i) == '&')) {
                    i++;
                }
                while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                    i++;
                }
                StringBuilder target = null; // the redirection's target is no word of the command
                while (i < s.length() && " \t\n;&|()<>".indexOf(s.charAt(i)) < 0) {
                    target = word(target, words);
                }
                continue;
            }
            int before = words.size();
            w = word(w, words);
            dynamic |= w != null && w.indexOf("[@]}") >= 0 || words.size() > before
                    && words.get(words.size() - 1).contains("[@]}");
        }
        end(words, w);
        flush(words, dynamic, start);
    }

    /** Reads one piece of a word (a quoted part, a substitution or a plain character) into w. */
    private StringBuilder word(StringBuilder w, List<String> words) {
        if (i >= s.length()) {
            return w;
        }
        char c = s.charAt(i);
        if (w == null) {
            w = new StringBuilder();
        }
        if (c == '\'') {
            int e = s.indexOf('\'', i + 1);
            e = e < 0 ? s.length() : e;
            String q = s.substring(i + 1, e);
            line += q.chars().filter(ch -> ch == '\n').count();
            w.append(q);
            i = e + 1;
        } else if (c == '"') {
            i++;
            while (i < s.length() && s.charAt(i) != '"') {
                char d = s.charAt(i);
                if (d == '\\' && i + 1 < s.length() && "\"\\$`\n".indexOf(s.charAt(i + 1)) >= 0) {
                    if (s.charAt(i + 1) != '\n') {
                        w.append(s.charAt(i + 1));
                    } else {
                        line++;
                    }
                    i += 2;
                } else if (d == '$' && i + 1 < s.length() && s.charAt(i + 1) == '(') {
                    substitution(w, 2);
                } else if (d == '`') {
                    substitution(w, 1);
                } else {
                    if (d == '\n') {
                        line++;
                    }
                    w.append(d);
                    i++;
                }
            }
            i++;
        } else if (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '(') {
            substitution(w, 2);
        } else if (c == '`') {
            substitution(w, 1);
        } else if (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
            int e = s.indexOf('}', i);
            e = e < 0 ? s.length() - 1 : e;
            w.append(s, i, e + 1);
            i = e + 1;
        } else if (c == '\\' && i + 1 < s.length()) {
            w.append(s.charAt(i + 1));
            i += 2;
        } else {
            w.append(c);
            i++;
        }
        return w;
    }

    /** $( ... ) or ` ... `: its commands are read as commands of their own; the word keeps "$(...)". */
    private void substitution(StringBuilder w, int open) {
        i += open;
        commands(true);
        w.append("$(...)");
    }

    private static StringBuilder end(List<String> words, StringBuilder w) {
        if (w != null) {
            words.add(w.toString());
        }
        return null;
    }

    private void flush(List<String> words, boolean dynamic, int start) {
        if (!words.isEmpty()) {
            out.add(new Command(List.copyOf(words), dynamic, start));
        }
    }
}
