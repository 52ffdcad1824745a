package io.lakeshift.emulator.iam;

import io.lakeshift.target.Target;

import io.lakeshift.emulator.auth.Principal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A parsed policy file: the {@code allow} statements, who is in which group ({@code group <name> = <user ocid>, ...})
 * and which resource principals each dynamic group matches ({@code dynamic-group <name> = <matching rule>}), and
 * notes on what the emulator ignores. See {@link PolicyParser} for the syntax.
 */
public final class Policy {
    private final List<Statement> statements;
    private final Map<String, Set<String>> groups;
    private final Map<String, Condition> dynamicGroups;
    private final List<String> notes;

    Policy(List<Statement> statements, Map<String, Set<String>> groups, Map<String, Condition> dynamicGroups,
           List<String> notes) {
        this.statements = List.copyOf(statements);
        this.groups = Map.copyOf(groups);
        this.dynamicGroups = Map.copyOf(dynamicGroups);
        this.notes = List.copyOf(notes);
    }

    public static Policy parse(String text) {
        return PolicyParser.parse(text);
    }

    public static Policy read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    public List<Statement> statements() {
        return statements;
    }

    /** One line for each statement or definition the emulator accepted but will not act on, and why. */
    public List<String> notes() {
        return notes;
    }

    /** What a request is about: its operation, bucket, object and the bucket's compartment (each may be null). */
    public record Target(String operation, String bucket, String object, String compartmentId) {
    }

    /** The answer for one request: allowed, or the first permission no statement grants. */
    public record Decision(boolean allowed, Permission missing, Requirement requirement) {
    }

    public Decision decide(Principal principal, Requirement requirement, Target target) {
        if (requirement.all().isEmpty()) {
            return new Decision(true, null, requirement);
        }
        Permission firstMissing = null;
        for (Permission p : requirement.all()) {
            boolean granted = grants(principal, p, target);
            if (granted && requirement.anyOf()) {
                return new Decision(true, null, requirement);
            }
            if (!granted && !requirement.anyOf()) {
                return new Decision(false, p, requirement);
            }
            if (!granted && firstMissing == null) {
                firstMissing = p;
            }
        }
        return requirement.anyOf() ? new Decision(false, firstMissing, requirement)
                : new Decision(true, null, requirement);
    }

    /** The answer for a principal no statement is about (one of another tenancy): what the operation needs is missing. */
    public Decision decideForNobody(Requirement requirement) {
        return requirement.all().isEmpty() ? new Decision(true, null, requirement)
                : new Decision(false, requirement.all().get(0), requirement);
    }

    /** True when some enforced statement grants {@code permission} to {@code principal} on {@code target}. */
    public boolean grants(Principal principal, Permission permission, Target target) {
        for (Statement s : statements) {
            if (s.enforced() && s.permissions().contains(permission) && s.scope().covers(target.compartmentId())
                    && isSubject(principal, s.subject())
                    && (s.condition() == null || s.condition().test(variables(principal, permission, target)))) {
                return true;
            }
        }
        return false;
    }

    /** The groups (for users) or dynamic groups (for resource principals) the principal is in. */
    public List<String> memberships(Principal principal) {
        List<String> out = new ArrayList<>();
        if (principal.kind() == Principal.Kind.USER) {
            groups.forEach((name, members) -> {
                if (members.contains(principal.id().toLowerCase(Locale.ROOT))) {
                    out.add("group " + name);
                }
            });
        } else {
            dynamicGroups.forEach((name, rule) -> {
                if (rule.test(resourceVariables(principal))) {
                    out.add("dynamic-group " + name);
                }
            });
        }
        out.sort(null);
        return out;
    }

    private boolean isSubject(Principal principal, Statement.Subject subject) {
        return switch (subject.kind()) {
            case ANY_USER -> true;
            case SERVICE -> false;
            case GROUP -> principal.kind() == Principal.Kind.USER && subject.names().stream().anyMatch(n -> {
                Set<String> members = groups.get(n);
                return members != null && members.contains(principal.id().toLowerCase(Locale.ROOT));
            });
            case DYNAMIC_GROUP -> principal.kind() == Principal.Kind.RESOURCE && subject.names().stream().anyMatch(n -> {
                Condition rule = dynamicGroups.get(n);
                return rule != null && rule.test(resourceVariables(principal));
            });
        };
    }

    /**
     * The variables of a dynamic group's matching rule, from a resource principal's session-token claims:
     * resource.type (res_type), resource.compartment.id (res_compartment), resource.id (res_id) and
     * resource.tenant.id (res_tenant).
     */
    static java.util.function.Function<String, String> resourceVariables(Principal principal) {
        return name -> switch (name) {
            case "resource.type" -> principal.claim(PolicyParser.CLAIM_TYPE);
            case "resource.compartment.id" -> principal.claim(PolicyParser.CLAIM_COMPARTMENT);
            case "resource.id" -> principal.claim(PolicyParser.CLAIM_ID);
            case "resource.tenant.id" -> principal.claim(PolicyParser.CLAIM_TENANT);
            default -> null;
        };
    }

    /** The request variables a {@code where} clause can use, for one permission check. */
    static java.util.function.Function<String, String> variables(Principal principal, Permission permission,
                                                                  Target target) {
        Map<String, String> v = new HashMap<>();
        boolean user = principal.kind() == Principal.Kind.USER;
        v.put("request.principal.type", user ? "user" : principal.claim(PolicyParser.CLAIM_TYPE));
        v.put("request.principal.id", principal.id());
        v.put("request.principal.compartment.id", user ? null : principal.claim(PolicyParser.CLAIM_COMPARTMENT));
        v.put("request.user.id", user ? principal.id() : null);
        v.put("request.permission", permission.name());
        v.put("request.operation", target.operation());
        v.put("target.bucket.name", target.bucket());
        v.put("target.object.name", target.object());
        v.put("target.compartment.id", target.compartmentId());
        v.put("target.compartment.name", target.compartmentId());
        return name -> v.get(name.toLowerCase(Locale.ROOT));
    }
}
