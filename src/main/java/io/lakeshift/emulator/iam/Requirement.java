package io.lakeshift.emulator.iam;

import java.util.List;

/**
 * What one operation needs: every permission of {@link #all()}; or, when {@link #anyOf()} is true, any one of them.
 * An empty list needs nothing.
 */
public record Requirement(List<Permission> all, boolean anyOf) {
    public Requirement {
        all = List.copyOf(all);
    }

    public static Requirement none() {
        return new Requirement(List.of(), false);
    }

    public static Requirement allOf(Permission... permissions) {
        return new Requirement(List.of(permissions), false);
    }

    public static Requirement oneOf(Permission... permissions) {
        return new Requirement(List.of(permissions), true);
    }

    /** "BUCKET_READ", "OBJECT_CREATE and OBJECT_OVERWRITE", "OBJECT_READ or OBJECT_INSPECT". */
    public String describe() {
        if (all.isEmpty()) {
            return "no permission";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < all.size(); i++) {
            if (i > 0) {
                sb.append(i == all.size() - 1 ? (anyOf ? " or " : " and ") : ", ");
            }
            sb.append(all.get(i).name());
        }
        return sb.toString();
    }
}
