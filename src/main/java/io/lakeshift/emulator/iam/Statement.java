package io.lakeshift.emulator.iam;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One {@code allow} statement: who, verb, resource-type, where, and an optional condition; with its line in the
 * file and its text as written.
 */
public record Statement(int line, String text, Subject subject, Verb verb, String resourceType, Scope scope,
                        Condition condition) {

    /** True when the emulator enforces it: an Object Storage resource-type, and a subject that can send requests. */
    public boolean enforced() {
        return ResourceTypes.isObjectStorage(resourceType) && subject.kind() != Subject.Kind.SERVICE;
    }

    /** The permissions the verb grants on the resource-type (empty for resource-types of other services). */
    public Set<Permission> permissions() {
        return ResourceTypes.isObjectStorage(resourceType) ? ResourceTypes.granted(verb, resourceType) : Set.of();
    }

    /** Who a statement is about: {@code group a, b}, {@code dynamic-group a}, {@code any-user}, {@code service x}. */
    public record Subject(Kind kind, List<String> names, boolean byId) {
        public enum Kind { GROUP, DYNAMIC_GROUP, ANY_USER, SERVICE }

        public Subject {
            names = names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
        }

        public String describe() {
            return switch (kind) {
                case ANY_USER -> "any-user";
                case GROUP -> "group " + (byId ? "id " : "") + String.join(", ", names);
                case DYNAMIC_GROUP -> "dynamic-group " + (byId ? "id " : "") + String.join(", ", names);
                case SERVICE -> "service " + String.join(", ", names);
            };
        }
    }

    /** {@code in tenancy}, or {@code in compartment <name>} / {@code in compartment id <ocid>}. */
    public record Scope(boolean tenancy, String compartment) {
        /** @param compartmentId the target's compartment, or null when the request names none */
        boolean covers(String compartmentId) {
            return tenancy || (compartmentId != null && compartmentId.equalsIgnoreCase(compartment));
        }
    }
}
