package io.lakeshift.emulator.iam;

import java.util.Locale;

/** The four policy verbs; each grants what the one before it does and more (inspect &lt; read &lt; use &lt; manage). */
public enum Verb {
    INSPECT, READ, USE, MANAGE;

    /** The verb a policy names, or null. */
    static Verb parse(String word) {
        for (Verb v : values()) {
            if (v.name().equalsIgnoreCase(word)) {
                return v;
            }
        }
        return null;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
