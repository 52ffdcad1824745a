package io.lakeshift.emulator.auth;

import java.security.PublicKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The public keys the emulator trusts, by fingerprint, each with the tenancy and user it is an API key of. A keyId
 * "tenancy/user/fingerprint" is accepted only when the fingerprint is trusted and the tenancy and user OCIDs are
 * the key's own: OCI uploads an API key to one user of one tenancy, and a keyId naming another tenancy or user
 * is not authenticated (401 NotAuthenticated), whatever key signed it.
 */
public final class KeyRing {
    private final Map<String, Entry> byFingerprint = new ConcurrentHashMap<>();

    private record Entry(PublicKey key, String tenancy, String user) {
    }

    /** Trusts {@code key} as an API key of {@code user} in {@code tenancy}. */
    public String trust(PublicKey key, String tenancy, String user) {
        String fingerprint = Fingerprint.of(key);
        byFingerprint.put(fingerprint, new Entry(key, tenancy, user));
        return fingerprint;
    }

    /** The key a keyId names, or null when the fingerprint is unknown or the key is not that tenancy's user's. */
    public PublicKey find(String keyId) {
        String[] parts = keyId.split("/");
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            return null;
        }
        Entry entry = byFingerprint.get(parts[2].toLowerCase());
        if (entry == null || !entry.tenancy().equals(parts[0]) || !entry.user().equals(parts[1])) {
            return null;
        }
        return entry.key();
    }
}
