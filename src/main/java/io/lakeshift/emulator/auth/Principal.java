package io.lakeshift.emulator.auth;

import java.util.Map;

/**
 * Who signed a request, as the emulator's authorization step sees it: the tenancy, the kind of principal, its
 * OCID and, for resource principals, the claims of its session token (res_type, res_compartment, ...).
 */
public record Principal(Kind kind, String tenancy, String id, Map<String, String> claims) {
    public enum Kind { USER, RESOURCE }

    public Principal {
        claims = Map.copyOf(claims);
    }

    public static Principal user(String tenancy, String user) {
        return new Principal(Kind.USER, tenancy, user, Map.of());
    }

    /** A claim of the session token, or null. */
    public String claim(String name) {
        return claims.get(name);
    }
}
