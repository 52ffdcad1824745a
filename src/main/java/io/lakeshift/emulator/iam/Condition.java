package io.lakeshift.emulator.iam;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A {@code where} clause or a dynamic group's matching rule: {@code variable = value}, {@code variable != value},
 * {@code ALL {...}} (and) and {@code ANY {...}} (or). Values are quoted strings, patterns ({@code /abc* /},
 * {@code /*abc/}, {@code /*abc* /}: starts with, ends with, contains) or another variable. Matching ignores case, and
 * a variable that does not apply to the request makes its comparison false (Oracle: "Variables that Aren't
 * Applicable to a Request Result in a Declined Request"), whether the operator is {@code =} or {@code !=}.
 */
public sealed interface Condition {

    /** @param variables a request variable's value, or null where it does not apply */
    boolean test(Function<String, String> variables);

    /** Every variable named, for checking a statement against what the emulator knows. */
    List<String> variables();

    record All(List<Condition> parts) implements Condition {
        public boolean test(Function<String, String> variables) {
            return parts.stream().allMatch(c -> c.test(variables));
        }

        public List<String> variables() {
            return parts.stream().flatMap(c -> c.variables().stream()).toList();
        }
    }

    record Any(List<Condition> parts) implements Condition {
        public boolean test(Function<String, String> variables) {
            return parts.stream().anyMatch(c -> c.test(variables));
        }

        public List<String> variables() {
            return parts.stream().flatMap(c -> c.variables().stream()).toList();
        }
    }

    /** {@code variable = value} or, with {@code equal} false, {@code variable != value}. */
    record Compare(String variable, boolean equal, Value value) implements Condition {
        public boolean test(Function<String, String> variables) {
            String actual = variables.apply(variable);
            if (actual == null) {
                return false;
            }
            Boolean matches = value.matches(actual, variables);
            return matches != null && matches == equal;
        }

        public List<String> variables() {
            return value instanceof Value.Variable v ? List.of(variable, v.name()) : List.of(variable);
        }
    }

    sealed interface Value {
        /** Whether {@code actual} matches; null when the value is a variable that does not apply. */
        Boolean matches(String actual, Function<String, String> variables);

        record Literal(String text) implements Value {
            public Boolean matches(String actual, Function<String, String> variables) {
                return actual.equalsIgnoreCase(text);
            }
        }

        /** A pattern between slashes; {@code *} matches any run of characters. */
        record Glob(String pattern) implements Value {
            public Boolean matches(String actual, Function<String, String> variables) {
                StringBuilder regex = new StringBuilder();
                for (String part : pattern.split("\\*", -1)) {
                    if (regex.length() > 0) {
                        regex.append(".*");
                    }
                    regex.append(Pattern.quote(part));
                }
                return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL)
                        .matcher(actual).matches();
            }
        }

        record Variable(String name) implements Value {
            public Boolean matches(String actual, Function<String, String> variables) {
                String other = variables.apply(name.toLowerCase(Locale.ROOT));
                return other == null ? null : actual.equalsIgnoreCase(other);
            }
        }
    }
}
