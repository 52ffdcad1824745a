package io.lakeshift.emulator.iam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a policy file, one entry a line; blank lines and lines starting with {@code #} are skipped. Keywords,
 * names and values are matched ignoring case, as OCI does.
 *
 * <pre>
 * allow &lt;subject&gt; to &lt;verb&gt; &lt;resource-type&gt; in &lt;location&gt; [where &lt;condition&gt;]
 *   subject:   group &lt;name&gt;[, &lt;name&gt;...] | group id &lt;ocid&gt; | dynamic-group &lt;name&gt;[, ...]
 *              | dynamic-group id &lt;ocid&gt; | any-user | service &lt;name&gt;[, ...]
 *   verb:      inspect | read | use | manage
 *   location:  tenancy | compartment &lt;name&gt; | compartment id &lt;ocid&gt;
 *   condition: &lt;variable&gt; = | != &lt;'string' | /pattern/ | variable&gt;
 *              | all {&lt;condition&gt;, ...} | any {&lt;condition&gt;, ...}
 *
 * group &lt;name&gt; = &lt;user ocid&gt;[, &lt;user ocid&gt;...]          (the emulator's own: who is in a group)
 * dynamic-group &lt;name&gt; = &lt;matching rule&gt;                  (the emulator's own: e.g.
 *     ALL {resource.type = 'dataflowrun', resource.compartment.id = 'ocid1.compartment...'})
 * </pre>
 *
 * Statements on resource-types of other services (dataflow-family, secret-bundles, ...) and statements for a
 * {@code service} are accepted and ignored, with a {@link Policy#notes() note}. Anything else that is not of this
 * form is refused with a {@link PolicyException} naming the line.
 */
public final class PolicyParser {
    /**
     * Resource-principal session-token (RPST) claims the matching rules and request variables read, as the OCI SDKs
     * name them: res_compartment and res_tenant in the Java SDK's ResourcePrincipalAuthenticationDetailsProvider
     * .ClaimKeys, res_type and res_id beside them in the Go SDK's ResourcePrincipalTokenClaimValues (read
     * 2026-12-01). The emulator's {@link io.lakeshift.emulator.auth.Principal} carries them in its claims map.
     */
    public static final String CLAIM_TYPE = "res_type";
    public static final String CLAIM_COMPARTMENT = "res_compartment";
    public static final String CLAIM_ID = "res_id";
    public static final String CLAIM_TENANT = "res_tenant";

    /** The variables a statement on an Object Storage resource-type may use here. */
    static final Set<String> REQUEST_VARIABLES = Set.of("request.principal.type", "request.principal.id",
            "request.principal.compartment.id", "request.user.id", "request.permission", "request.operation",
            "target.bucket.name", "target.object.name", "target.compartment.id", "target.compartment.name");
    static final Set<String> RULE_VARIABLES = Set.of("resource.type", "resource.compartment.id", "resource.id",
            "resource.tenant.id");

    private final List<Statement> statements = new ArrayList<>();
    private final Map<String, Set<String>> groups = new LinkedHashMap<>();
    private final Map<String, Condition> dynamicGroups = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    private PolicyParser() {
    }

    public static Policy parse(String text) {
        PolicyParser p = new PolicyParser();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                p.entry(i + 1, line);
            }
        }
        p.checkReferences();
        return new Policy(p.statements, p.groups, p.dynamicGroups, p.notes);
    }

    private void entry(int line, String text) {
        Tokens t = new Tokens(line, Lexer.lex(line, text));
        String first = t.peekWord();
        if (first == null) {
            throw new PolicyException(line, "expected 'allow', 'group' or 'dynamic-group', not '" + t.peekText() + "'");
        }
        switch (first) {
            case "allow" -> statement(line, text, t);
            case "group", "dynamic-group" -> definition(line, t, first);
            case "deny", "define", "endorse", "admit" -> throw new PolicyException(line, "'" + first
                    + "' statements are not supported by the emulator (only 'allow')");
            default -> throw new PolicyException(line, "expected 'allow', 'group' or 'dynamic-group', not '"
                    + first + "'");
        }
    }

    private void statement(int line, String text, Tokens t) {
        t.expectWord("allow");
        Statement.Subject subject = subject(t);
        t.expectWord("to");
        if (t.peekSymbol("{")) {
            throw new PolicyException(line, "permission lists ('to {PERMISSION, ...}') are not supported by the"
                    + " emulator; write a verb and a resource-type");
        }
        String verbWord = t.word("a verb (inspect, read, use or manage)");
        Verb verb = Verb.parse(verbWord);
        if (verb == null) {
            throw new PolicyException(line, "'" + verbWord + "' is not a verb: use inspect, read, use or manage");
        }
        String resourceType = t.word("a resource-type");
        t.expectWord("in");
        Statement.Scope scope = scope(t);
        Condition condition = null;
        if (!t.atEnd()) {
            t.expectWord("where");
            condition = condition(t);
            if (!t.atEnd()) {
                throw new PolicyException(line, "unexpected '" + t.peekText() + "' after the condition");
            }
        }
        Statement s = new Statement(line, text, subject, verb, resourceType.toLowerCase(Locale.ROOT), scope, condition);
        if (!ResourceTypes.isObjectStorage(resourceType)) {
            notes.add("policy line " + line + ": ignored: '" + resourceType + "' is not an Object Storage"
                    + " resource-type (the emulator enforces objectstorage-namespaces, buckets, objects,"
                    + " object-family and all-resources)");
        } else if (subject.kind() == Statement.Subject.Kind.SERVICE) {
            notes.add("policy line " + line + ": ignored: it is for the " + subject.describe()
                    + ", which sends no requests to the emulator");
        } else if (condition != null) {
            for (String v : condition.variables()) {
                if (!REQUEST_VARIABLES.contains(v)) {
                    throw new PolicyException(line, "the variable '" + v + "' is not one the emulator evaluates ("
                            + String.join(", ", new java.util.TreeSet<>(REQUEST_VARIABLES)) + ")");
                }
            }
            checkPermissionValues(line, condition);
        }
        statements.add(s);
    }

    private static void checkPermissionValues(int line, Condition c) {
        if (c instanceof Condition.All a) {
            a.parts().forEach(p -> checkPermissionValues(line, p));
        } else if (c instanceof Condition.Any a) {
            a.parts().forEach(p -> checkPermissionValues(line, p));
        } else if (c instanceof Condition.Compare cmp && cmp.variable().equals("request.permission")
                && cmp.value() instanceof Condition.Value.Literal lit) {
            try {
                Permission.valueOf(lit.text().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new PolicyException(line, "'" + lit.text() + "' is not an Object Storage permission");
            }
        }
    }

    private Statement.Subject subject(Tokens t) {
        String kind = t.word("a subject (group, dynamic-group, any-user or service)");
        switch (kind) {
            case "any-user":
                return new Statement.Subject(Statement.Subject.Kind.ANY_USER, List.of(), false);
            case "group", "dynamic-group", "service": {
                boolean byId = !kind.equals("service") && t.peekWordIs("id");
                if (byId) {
                    t.word("id");
                }
                List<String> names = new ArrayList<>();
                names.add(t.name("a " + kind + " name"));
                while (t.peekSymbol(",")) {
                    t.symbol(",");
                    names.add(t.name("a " + kind + " name"));
                }
                Statement.Subject.Kind k = switch (kind) {
                    case "group" -> Statement.Subject.Kind.GROUP;
                    case "dynamic-group" -> Statement.Subject.Kind.DYNAMIC_GROUP;
                    default -> Statement.Subject.Kind.SERVICE;
                };
                return new Statement.Subject(k, names, byId);
            }
            default:
                throw new PolicyException(t.line, "'" + kind + "' is not a subject: use group, dynamic-group,"
                        + " any-user or service");
        }
    }

    private static Statement.Scope scope(Tokens t) {
        String where = t.word("'tenancy' or 'compartment'");
        if (where.equals("tenancy")) {
            return new Statement.Scope(true, null);
        }
        if (!where.equals("compartment")) {
            throw new PolicyException(t.line, "expected 'tenancy' or 'compartment' after 'in', not '" + where + "'");
        }
        if (t.peekWordIs("id")) {
            t.word("id");
        }
        return new Statement.Scope(false, t.name("a compartment name or id"));
    }

    private static Condition condition(Tokens t) {
        String word = t.peekWord();
        if (("all".equals(word) || "any".equals(word)) && t.peekSymbolAt(1, "{")) {
            t.word(word);
            t.symbol("{");
            List<Condition> parts = new ArrayList<>();
            parts.add(condition(t));
            while (t.peekSymbol(",")) {
                t.symbol(",");
                parts.add(condition(t));
            }
            t.symbol("}");
            return word.equals("all") ? new Condition.All(parts) : new Condition.Any(parts);
        }
        String variable = t.name("a variable");
        if (!variable.contains(".")) {
            throw new PolicyException(t.line, "'" + variable + "' is not a variable (such as target.bucket.name)");
        }
        boolean equal;
        if (t.peekSymbol("=")) {
            t.symbol("=");
            equal = true;
        } else if (t.peekSymbol("!=")) {
            t.symbol("!=");
            equal = false;
        } else {
            throw new PolicyException(t.line, "expected '=' or '!=' after '" + variable + "', not '" + t.peekText() + "'");
        }
        Lexer.Token value = t.next("a value ('text', /pattern/ or a variable)");
        Condition.Value v = switch (value.kind()) {
            case STRING -> {
                Lexer.checkNotPlaceholder(t.line, value.text());
                yield new Condition.Value.Literal(value.text());
            }
            case PATTERN -> new Condition.Value.Glob(value.text());
            case WORD -> {
                Lexer.checkNotPlaceholder(t.line, value.text());
                if (!value.text().contains(".")) {
                    throw new PolicyException(t.line, "the value " + value.text() + " needs single quotes: '"
                            + value.text() + "'");
                }
                yield new Condition.Value.Variable(value.text().toLowerCase(Locale.ROOT));
            }
            case SYMBOL -> throw new PolicyException(t.line, "expected a value after '" + (equal ? "=" : "!=")
                    + "', not '" + value.text() + "'");
        };
        return new Condition.Compare(variable.toLowerCase(Locale.ROOT), equal, v);
    }

    private void definition(int line, Tokens t, String kind) {
        t.word(kind);
        String name = t.name("a " + kind + " name");
        if (!t.peekSymbol("=")) {
            throw new PolicyException(line, "a " + kind + " definition reads '" + kind + " <name> = "
                    + (kind.equals("group") ? "<user ocid>, ...'" : "<matching rule>'"));
        }
        t.symbol("=");
        if (kind.equals("group")) {
            Set<String> members = new LinkedHashSet<>();
            members.add(t.name("a user OCID").toLowerCase(Locale.ROOT));
            while (t.peekSymbol(",")) {
                t.symbol(",");
                members.add(t.name("a user OCID").toLowerCase(Locale.ROOT));
            }
            if (!t.atEnd()) {
                throw new PolicyException(line, "unexpected '" + t.peekText() + "' in the group's members");
            }
            if (groups.putIfAbsent(name.toLowerCase(Locale.ROOT), members) != null) {
                throw new PolicyException(line, "group '" + name + "' is defined twice");
            }
        } else {
            Condition rule = condition(t);
            if (!t.atEnd()) {
                throw new PolicyException(line, "unexpected '" + t.peekText() + "' after the matching rule");
            }
            for (String v : rule.variables()) {
                if (!RULE_VARIABLES.contains(v)) {
                    throw new PolicyException(line, "the matching-rule variable '" + v + "' is not one the emulator"
                            + " evaluates (" + String.join(", ", new java.util.TreeSet<>(RULE_VARIABLES)) + ")");
                }
            }
            if (dynamicGroups.putIfAbsent(name.toLowerCase(Locale.ROOT), rule) != null) {
                throw new PolicyException(line, "dynamic-group '" + name + "' is defined twice");
            }
        }
    }

    private void checkReferences() {
        for (Statement s : statements) {
            if (!s.enforced() || s.subject().byId()) {
                continue;
            }
            for (String n : s.subject().names()) {
                boolean known = s.subject().kind() == Statement.Subject.Kind.GROUP ? groups.containsKey(n)
                        : dynamicGroups.containsKey(n);
                if (!known) {
                    notes.add("policy line " + s.line() + ": " + s.subject().kind().name().toLowerCase(Locale.ROOT)
                            .replace('_', '-') + " '" + n + "' is not defined in this file, so it has no members here");
                }
            }
        }
    }

    /** Tokens of one line with a cursor. */
    private static final class Tokens {
        final int line;
        private final List<Lexer.Token> tokens;
        private int at;

        Tokens(int line, List<Lexer.Token> tokens) {
            this.line = line;
            this.tokens = tokens;
        }

        boolean atEnd() {
            return at >= tokens.size();
        }

        String peekText() {
            return atEnd() ? "end of line" : tokens.get(at).text();
        }

        String peekWord() {
            return !atEnd() && tokens.get(at).kind() == Lexer.Kind.WORD
                    ? tokens.get(at).text().toLowerCase(Locale.ROOT) : null;
        }

        boolean peekWordIs(String word) {
            return word.equals(peekWord());
        }

        boolean peekSymbol(String symbol) {
            return peekSymbolAt(0, symbol);
        }

        boolean peekSymbolAt(int ahead, String symbol) {
            int i = at + ahead;
            return i < tokens.size() && tokens.get(i).kind() == Lexer.Kind.SYMBOL && tokens.get(i).text().equals(symbol);
        }

        Lexer.Token next(String what) {
            if (atEnd()) {
                throw new PolicyException(line, "expected " + what + ", but the line ends");
            }
            return tokens.get(at++);
        }

        /** A keyword, lower-cased. */
        String word(String what) {
            Lexer.Token tok = next(what);
            if (tok.kind() != Lexer.Kind.WORD) {
                throw new PolicyException(line, "expected " + what + ", not '" + tok.text() + "'");
            }
            Lexer.checkNotPlaceholder(line, tok.text());
            return tok.text().toLowerCase(Locale.ROOT);
        }

        /** A name or id as written (a quoted one too). */
        String name(String what) {
            Lexer.Token tok = next(what);
            if (tok.kind() != Lexer.Kind.WORD && tok.kind() != Lexer.Kind.STRING) {
                throw new PolicyException(line, "expected " + what + ", not '" + tok.text() + "'");
            }
            Lexer.checkNotPlaceholder(line, tok.text());
            return tok.text();
        }

        void expectWord(String word) {
            Lexer.Token tok = next("'" + word + "'");
            if (tok.kind() != Lexer.Kind.WORD || !tok.text().equalsIgnoreCase(word)) {
                throw new PolicyException(line, "expected '" + word + "', not '" + tok.text() + "'");
            }
        }

        void symbol(String symbol) {
            Lexer.Token tok = next("'" + symbol + "'");
            if (tok.kind() != Lexer.Kind.SYMBOL || !tok.text().equals(symbol)) {
                throw new PolicyException(line, "expected '" + symbol + "', not '" + tok.text() + "'");
            }
        }
    }
}
