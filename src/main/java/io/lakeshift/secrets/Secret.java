package io.lakeshift.secrets;

import java.io.Serializable;

/**
 * A resolved secret (a key, a client secret, a SAS token). It travels to the executors inside the source's
 * settings, and prints as {@code ****}: the value leaves only through {@link #value()}.
 */
public final class Secret implements Serializable {
    private final String value;

    public Secret(String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("empty secret");
        }
        this.value = value;
        Secrets.register(value);
    }

    /** The value; using it (on the driver or an executor) also makes sure every message there masks it. */
    public String value() {
        Secrets.register(value);
        return value;
    }

    @Override
    public String toString() {
        return "****";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
