package io.lakeshift.plan;

import io.lakeshift.model.HadoopLocation;
import io.lakeshift.model.TargetLocation;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The rules a target sets for object names: OCI Object Storage's, and Hadoop paths' for a file-system target. */
public final class ObjectNames {
    /** OCI's limit on an object name, in bytes of UTF-8. */
    public static final int MAX_BYTES = 1024;

    private ObjectNames() {}

    /** Why the target cannot store this name, or empty if it can. */
    public static Optional<String> problem(String name, TargetLocation target) {
        if (target instanceof HadoopLocation && name.indexOf(':') >= 0) {
            return Optional.of("':' cannot be part of a Hadoop path (target " + target + ")");
        }
        return problem(name);
    }

    /** Why OCI cannot store this name, or empty if it can. */
    public static Optional<String> problem(String name) {
        if (name.isEmpty()) {
            return Optional.of("the name is empty");
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            return Optional.of("the name is " + bytes + " bytes of UTF-8; OCI allows " + MAX_BYTES);
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c)) {
                return Optional.of(String.format("control character U+%04X at position %d", (int) c, i));
            }
        }
        return Optional.empty();
    }
}
