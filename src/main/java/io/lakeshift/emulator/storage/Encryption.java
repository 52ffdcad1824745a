package io.lakeshift.emulator.storage;

/**
 * How an object is encrypted, as far as a client chose: a Vault master key ({@code kmsKeyId}, the
 * {@code opc-sse-kms-key-id} it was written with) or a customer-provided key (SSE-C), of which only the key's
 * base64 SHA-256 is kept, never the key. At most one is set; both null is Oracle-managed encryption.
 */
public record Encryption(String kmsKeyId, String customerKeySha256) {
    public static final Encryption NONE = new Encryption(null, null);

    /** Null-safe: records stored before encryption was kept have none. */
    public static Encryption of(Encryption e) {
        return e == null ? NONE : e;
    }
}
