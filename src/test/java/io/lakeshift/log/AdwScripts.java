package io.lakeshift.log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docs/adw/*.sql read the way SQL*Plus and SQLcl read them, for tests: the substitution variables ({@code DEFINE},
 * {@code &1}, {@code &name.}) replaced by a run's arguments, the {@code DBMS_CLOUD} calls taken apart into their named
 * parameters, and the column lists of the DDL.
 *
 * <p>Substitution follows the SQL*Plus User's Guide and Reference (19c, "Using Substitution Variables"): {@code &name}
 * ends at the first character that cannot be part of a name, and a period right after the name ends it and is
 * consumed ({@code &region..oraclecloud} is {@code <region>.oraclecloud}); {@code &1}..{@code &9} are the script's
 * arguments. An undefined variable is an error here, where SQL*Plus would stop and prompt for it. The whole script is
 * scanned, comments included, as SQL*Plus scans them.
 */
public final class AdwScripts {
    public static final Path DIR = Path.of("docs/adw");
    private static final Pattern DEFINE = Pattern.compile("(?im)^DEFINE\\s+([a-z_][a-z0-9_]*)\\s*=\\s*'([^']*)'\\s*$");
    private static final Pattern VARIABLE = Pattern.compile("&([a-zA-Z_][a-zA-Z0-9_$#]*|[1-9])(\\.?)");

    private AdwScripts() {}

    public static String read(String script) throws IOException {
        return Files.readString(DIR.resolve(script));
    }

    /** The script with its DEFINEs and positional arguments substituted, as SQL*Plus would run it. */
    public static String substitute(String sql, List<String> args) {
        Map<String, String> vars = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            vars.put(String.valueOf(i + 1), args.get(i));
        }
        StringBuilder out = new StringBuilder();
        for (String line : sql.split("\n", -1)) {
            String done = replace(line, vars);
            Matcher d = DEFINE.matcher(done);
            if (d.matches()) {
                vars.put(d.group(1).toLowerCase(Locale.ROOT), d.group(2));
            }
            out.append(done).append('\n');
        }
        return out.toString();
    }

    private static String replace(String line, Map<String, String> vars) {
        Matcher m = VARIABLE.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = vars.get(m.group(1).toLowerCase(Locale.ROOT));
            if (value == null) {
                throw new IllegalArgumentException("substitution variable &" + m.group(1)
                        + " is not defined (SQL*Plus would prompt for it) in: " + line);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** One call of a PL/SQL procedure with named parameters: name to value (strings, or a json_object's pairs). */
    public record Call(String procedure, Map<String, Object> parameters) {
        public String string(String name) {
            Object v = parameters.get(name);
            if (!(v instanceof String s)) {
                throw new AssertionError(procedure + " has no string parameter " + name + ": " + parameters);
            }
            return s;
        }

        @SuppressWarnings("unchecked")
        public Map<String, String> format() {
            Object v = parameters.get("format");
            if (!(v instanceof Map)) {
                throw new AssertionError(procedure + " has no json_object format: " + parameters);
            }
            return (Map<String, String>) v;
        }
    }

    /** Every call of {@code procedure} (e.g. DBMS_CLOUD.COPY_DATA) in a substituted script, in order. */
    public static List<Call> calls(String sql, String procedure) {
        List<Call> calls = new ArrayList<>();
        String code = withoutComments(sql);
        Matcher m = Pattern.compile("(?i)\\b" + Pattern.quote(procedure) + "\\s*\\(").matcher(code);
        while (m.find()) {
            Tokens t = new Tokens(code, m.end());
            calls.add(new Call(procedure, t.namedArguments()));
        }
        return calls;
    }

    /** The one call of a procedure in a script. */
    public static Call call(String sql, String procedure) {
        List<Call> calls = calls(sql, procedure);
        if (calls.size() != 1) {
            throw new AssertionError("expected one call of " + procedure + ", found " + calls.size());
        }
        return calls.get(0);
    }

    /** The SQL without its {@code --} comments (string literals kept whole). */
    public static String withoutComments(String sql) {
        StringBuilder out = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (!inString && c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                while (i < sql.length() && sql.charAt(i) != '\n') {
                    i++;
                }
                out.append('\n');
                continue;
            }
            if (c == '\'') {
                inString = !inString;
            }
            out.append(c);
        }
        return out.toString();
    }

    /** A column of a column list: its name (lower case), its type as written, and NOT NULL. */
    public record Column(String name, String type, boolean notNull) {}

    private static final Pattern COLUMN = Pattern.compile(
            "^\\s*([a-z_][a-z0-9_]*)\\s+([A-Z_0-9]+(?:\\(\\d+\\))?)(\\s+NOT NULL)?\\s*,?\\s*$");

    /** The columns of a column list, one per line ({@code name TYPE [NOT NULL],}). */
    public static List<Column> columns(String body) {
        List<Column> columns = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (line.isBlank() || line.trim().startsWith("--")) {
                continue;
            }
            Matcher m = COLUMN.matcher(line);
            if (!m.matches()) {
                throw new AssertionError("not a column definition: '" + line + "'");
            }
            columns.add(new Column(m.group(1), m.group(2), m.group(3) != null));
        }
        return columns;
    }

    /** The columns of {@code CREATE TABLE name (...)}. */
    public static List<Column> table(String sql, String name) {
        Matcher m = Pattern.compile("(?is)CREATE TABLE " + Pattern.quote(name) + " \\((.*?)\\n\\);").matcher(sql);
        if (!m.find()) {
            throw new AssertionError("no CREATE TABLE " + name);
        }
        return columns(m.group(1));
    }

    /** A view's select list: output column name (lower case) to the source column it reads. */
    public static Map<String, String> view(String sql, String name) {
        Matcher m = Pattern.compile("(?is)CREATE OR REPLACE VIEW " + Pattern.quote(name)
                + " AS\\s+SELECT\\s+(.*?)\\s+FROM\\s+([a-z_]+)\\s*;").matcher(sql);
        if (!m.find()) {
            throw new AssertionError("no CREATE OR REPLACE VIEW " + name);
        }
        Map<String, String> columns = new LinkedHashMap<>();
        for (String item : m.group(1).split(",")) {
            Matcher c = Pattern.compile("(?i)^\\s*([a-z_][a-z0-9_]*)(?:\\s+AS\\s+([a-z_][a-z0-9_]*))?\\s*$")
                    .matcher(item);
            if (!c.matches()) {
                throw new AssertionError("not a plain column of the view: '" + item.trim() + "'");
            }
            String source = c.group(1).toLowerCase(Locale.ROOT);
            String out = c.group(2) == null ? source : c.group(2).toLowerCase(Locale.ROOT);
            if (columns.put(out, source) != null) {
                throw new AssertionError("view column " + out + " twice");
            }
        }
        columns.put("", m.group(2).toLowerCase(Locale.ROOT)); // the table it reads, under the empty name
        return columns;
    }

    /** A small tokenizer for a call's parameter list: {@code name => 'a' || 'b'} and {@code json_object(...)}. */
    private static final class Tokens {
        private final String s;
        private int i;

        Tokens(String s, int start) {
            this.s = s;
            this.i = start;
        }

        Map<String, Object> namedArguments() {
            Map<String, Object> args = new LinkedHashMap<>();
            skip();
            if (peek() == ')') {
                i++;
                return args;
            }
            while (true) {
                String name = identifier().toLowerCase(Locale.ROOT);
                skip();
                expect("=>");
                Object value = value();
                if (args.put(name, value) != null) {
                    throw new AssertionError("parameter " + name + " given twice");
                }
                skip();
                char c = s.charAt(i++);
                if (c == ')') {
                    return args;
                }
                if (c != ',') {
                    throw new AssertionError("expected ',' or ')' at " + context());
                }
            }
        }

        private Object value() {
            skip();
            if (s.regionMatches(true, i, "json_object", 0, 11)) {
                i += 11;
                skip();
                expect("(");
                Map<String, String> pairs = new LinkedHashMap<>();
                while (true) {
                    String key = concatenation();
                    skip();
                    String word = identifier();
                    if (!word.equalsIgnoreCase("value")) {
                        throw new AssertionError("expected VALUE in json_object at " + context());
                    }
                    String v = concatenation();
                    if (pairs.put(key, v) != null) {
                        throw new AssertionError("format option " + key + " given twice");
                    }
                    skip();
                    char c = s.charAt(i++);
                    if (c == ')') {
                        return pairs;
                    }
                    if (c != ',') {
                        throw new AssertionError("expected ',' or ')' in json_object at " + context());
                    }
                }
            }
            return concatenation();
        }

        /** String literals joined by ||, or a number. */
        private String concatenation() {
            StringBuilder out = new StringBuilder();
            while (true) {
                skip();
                if (peek() == '\'') {
                    out.append(literal());
                } else if (Character.isDigit(peek())) {
                    int start = i;
                    while (Character.isDigit(peek())) {
                        i++;
                    }
                    out.append(s, start, i);
                } else {
                    throw new AssertionError("expected a string literal at " + context());
                }
                skip();
                if (s.startsWith("||", i)) {
                    i += 2;
                } else {
                    return out.toString();
                }
            }
        }

        private String literal() {
            StringBuilder out = new StringBuilder();
            i++;
            while (true) {
                char c = s.charAt(i++);
                if (c == '\'') {
                    if (i < s.length() && s.charAt(i) == '\'') {
                        out.append('\'');
                        i++;
                    } else {
                        return out.toString();
                    }
                } else {
                    out.append(c);
                }
            }
        }

        private String identifier() {
            skip();
            int start = i;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                i++;
            }
            if (start == i) {
                throw new AssertionError("expected a name at " + context());
            }
            return s.substring(start, i);
        }

        private void expect(String token) {
            skip();
            if (!s.startsWith(token, i)) {
                throw new AssertionError("expected '" + token + "' at " + context());
            }
            i += token.length();
        }

        private char peek() {
            return i < s.length() ? s.charAt(i) : '\0';
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private String context() {
            return "'" + s.substring(i, Math.min(s.length(), i + 60)) + "'";
        }
    }
}
