package io.lakeshift.emulator.auth;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.HexFormat;

/** OCI's API key fingerprint: MD5 of the DER SubjectPublicKeyInfo as colon-separated lowercase hex. */
public final class Fingerprint {
    private Fingerprint() {
    }

    public static String of(PublicKey key) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(key.getEncoded());
            return HexFormat.ofDelimiter(":").formatHex(md5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
