package io.lakeshift.emulator.iam;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What each verb grants on each Object Storage resource-type: the table "Details for Verb + Resource-Type
 * Combinations" of {@link Reference#POLICY_REFERENCE} (read {@value Reference#READ_ON}). inspect on
 * objectstorage-namespaces has no row there and grants nothing; {@code object-family} is the union of the three
 * individual types, as the reference defines it; {@code all-resources} covers every resource-type and so these too.
 */
public final class ResourceTypes {
    public static final String NAMESPACES = "objectstorage-namespaces";
    public static final String BUCKETS = "buckets";
    public static final String OBJECTS = "objects";
    public static final String FAMILY = "object-family";
    public static final String ALL = "all-resources";

    private ResourceTypes() {
    }

    /** True for the resource-types the emulator enforces; statements on any other type are parsed and ignored. */
    public static boolean isObjectStorage(String type) {
        String t = type.toLowerCase(Locale.ROOT);
        return t.equals(NAMESPACES) || t.equals(BUCKETS) || t.equals(OBJECTS) || t.equals(FAMILY) || t.equals(ALL);
    }

    /** The permissions {@code verb} grants on {@code type} (an Object Storage type, individual or aggregate). */
    public static Set<Permission> granted(Verb verb, String type) {
        String t = type.toLowerCase(Locale.ROOT);
        Set<Permission> out = EnumSet.noneOf(Permission.class);
        if (t.equals(FAMILY) || t.equals(ALL)) {
            out.addAll(granted(verb, NAMESPACES));
            out.addAll(granted(verb, BUCKETS));
            out.addAll(granted(verb, OBJECTS));
            return out;
        }
        for (Permission p : Permission.values()) {
            if (p.resourceType().equals(t) && p.leastVerb().compareTo(verb) <= 0) {
                out.add(p);
            }
        }
        return out;
    }
}
