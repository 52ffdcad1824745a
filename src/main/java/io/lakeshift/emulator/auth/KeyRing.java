package io.lakeshift.emulator.auth;

import java.security.PublicKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The public keys the emulator trusts, by fingerprint. A keyId "tenancy/user/fingerprint" is accepted when its
 * fingerprint is trusted; the tenancy and user OCIDs are not checked (there is no IAM here).
 */
public final class KeyRing {
    private final Map<String, PublicKey> byFingerprint = new ConcurrentHashMap<>();

    public String trust(PublicKey key) {
        String fingerprint = Fingerprint.of(key);
        byFingerprint.put(fingerprint, key);
        return fingerprint;
    }

    /** The key a keyId names, or null. */
    public PublicKey find(String keyId) {
        String[] parts = keyId.split("/");
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            return null;
        }
        return byFingerprint.get(parts[2].toLowerCase());
    }
}
