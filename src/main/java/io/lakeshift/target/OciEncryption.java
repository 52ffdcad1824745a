package io.lakeshift.target;

import io.lakeshift.config.ConfigException;
import io.lakeshift.config.Option;
import io.lakeshift.secrets.Secret;
import java.io.Serializable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * How the objects of a run are encrypted beyond the bucket's own key: with an OCI Vault master key (its OCID
 * goes with each write), or with a key of the customer's (SSE-C: the key and its SHA-256 go with every write and
 * every read, and OCI keeps only the hash). The key is a {@link Secret}: it prints as {@code ****}.
 *
 * @param kmsKeyId OCID of the Vault key, or null
 * @param customerKey base64 AES-256 key, or null
 */
public record OciEncryption(String kmsKeyId, Secret customerKey) implements Serializable {
    public static final OciEncryption NONE = new OciEncryption(null, null);
    /** The one algorithm OCI's SSE-C takes. */
    public static final String ALGORITHM = "AES256";

    /** @throws ConfigException naming --sse-c-key when the key is not a base64 256-bit key */
    public OciEncryption {
        if (customerKey != null) {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(customerKey.value().trim());
            } catch (IllegalArgumentException e) {
                key = new byte[0];
            }
            if (key.length != 32) {
                throw ConfigException.badValue(Option.SSE_C_KEY, null, "the key is not base64 of 32 bytes (AES-256)",
                        "give a key such as the output of: openssl rand -base64 32");
            }
        }
    }

    public boolean customer() {
        return customerKey != null;
    }

    /** The key as OCI takes it (base64), or null. */
    public String key() {
        return customerKey == null ? null : customerKey.value().trim();
    }

    /** Base64 SHA-256 of the decoded key, as OCI's {@code opc-sse-customer-key-sha256} wants it; or null. */
    public String keySha256() {
        if (customerKey == null) {
            return null;
        }
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(Base64.getDecoder().decode(key()));
            return Base64.getEncoder().encodeToString(sha);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The algorithm header for SSE-C, or null. */
    public String algorithm() {
        return customerKey == null ? null : ALGORITHM;
    }

    @Override
    public String toString() {
        return "OciEncryption[" + (customer() ? "sse-c" : kmsKeyId == null ? "bucket key" : "kms " + kmsKeyId) + "]";
    }
}
