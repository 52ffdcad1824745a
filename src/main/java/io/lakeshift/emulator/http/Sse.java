package io.lakeshift.emulator.http;

import io.lakeshift.emulator.OciException;
import io.lakeshift.emulator.storage.Encryption;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Server-side encryption options of object requests: a customer-provided key (SSE-C) or a Vault master key.
 *
 * <p>Headers as the OCI Java SDK 3.77.2 sends them: {@code opc-sse-customer-algorithm}, {@code -key},
 * {@code -key-sha256} on PutObject, CreateMultipartUpload, UploadPart, GetObject, HeadObject;
 * {@code opc-sse-kms-key-id} on PutObject, CreateMultipartUpload, UploadPart. Their meaning is OCI's model
 * SSECustomerKeyDetails: the only algorithm is "AES256", the key is a base64 256-bit key, its SHA-256 (base64)
 * checks its integrity. The emulator does not encrypt: it keeps the key's SHA-256 (never the key) and enforces it.
 * Reading an SSE-C object without the key answers 400, with another key 403: what Oracle's own CLI integration test
 * records against the service (oracle/oci-cli, services/object_storage/tests/integ/test_object_storage_encryption_key.py).
 * The error codes are the emulator's best reading of OCI's API Errors reference (docs/emulator.md).
 */
final class Sse {
    static final String ALGORITHM = "opc-sse-customer-algorithm";
    static final String KEY = "opc-sse-customer-key";
    static final String KEY_SHA256 = "opc-sse-customer-key-sha256";
    static final String KMS_KEY_ID = "opc-sse-kms-key-id";
    private static final int KEY_BYTES = 32;

    private Sse() {
    }

    /**
     * The base64 SHA-256 of the request's customer key, after checking the three headers belong together; null when
     * the request has none of them. Messages never repeat the key.
     */
    static String customerKey(Call call) {
        String algorithm = call.header(ALGORITHM);
        String key = call.header(KEY);
        String sha = call.header(KEY_SHA256);
        if (algorithm == null && key == null && sha == null) {
            return null;
        }
        for (String[] h : new String[][] {{ALGORITHM, algorithm}, {KEY, key}, {KEY_SHA256, sha}}) {
            if (h[1] == null) {
                throw new OciException(400, "MissingParameter", "SSE-C needs " + ALGORITHM + ", " + KEY + " and "
                        + KEY_SHA256 + " together; the request lacks " + h[0]);
            }
        }
        if (!algorithm.trim().equals("AES256")) {
            throw OciException.invalidParameter(ALGORITHM + " must be AES256, not '" + algorithm.trim() + "'");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(key.trim());
        } catch (IllegalArgumentException e) {
            bytes = null;
        }
        if (bytes == null || bytes.length != KEY_BYTES) {
            throw OciException.invalidParameter(KEY + " must be the base64 of a 256-bit key");
        }
        String actual = Base64.getEncoder().encodeToString(Call.sha256(bytes));
        if (!actual.equals(sha.trim())) {
            throw OciException.invalidParameter(KEY_SHA256 + " is not the SHA-256 of " + KEY);
        }
        return actual;
    }

    /** A Vault master key OCID, or null. Only its form is checked: the emulator has no Vault. */
    static String kmsKeyId(Call call) {
        String id = call.header(KMS_KEY_ID);
        if (id == null) {
            return null;
        }
        id = id.trim();
        if (!id.startsWith("ocid1.key.") || id.length() > 255 || !StandardCharsets.US_ASCII.newEncoder().canEncode(id)) {
            throw OciException.invalidParameter(KMS_KEY_ID + " '" + id + "' is not the OCID of a Vault key"
                    + " (ocid1.key....)");
        }
        return id;
    }

    /** The encryption a write (PutObject, CreateMultipartUpload) asks for: one of SSE-C and a Vault key, or none. */
    static Encryption forWrite(Call call) {
        String customer = customerKey(call);
        String kms = kmsKeyId(call);
        if (customer != null && kms != null) {
            throw OciException.invalidParameter("An object is encrypted with a customer-provided key ("
                    + KEY + ") or a Vault key (" + KMS_KEY_ID + "), not both");
        }
        return customer == null && kms == null ? Encryption.NONE : new Encryption(kms, customer);
    }

    /**
     * A read (GetObject, HeadObject) or a part (UploadPart) presents the customer key of the object or upload
     * exactly when it has one, and the same key.
     */
    static void checkKey(Encryption stored, String given, String what) {
        String wanted = Encryption.of(stored).customerKeySha256();
        if (wanted == null && given == null) {
            return;
        }
        if (wanted == null) {
            throw OciException.invalidParameter("The " + what + " is not encrypted with a customer-provided key;"
                    + " send no opc-sse-customer-* headers");
        }
        if (given == null) {
            throw new OciException(400, "MissingParameter", "The " + what + " is encrypted with a customer-provided"
                    + " key (SSE-C): send " + ALGORITHM + ", " + KEY + " and " + KEY_SHA256);
        }
        if (!wanted.equals(given)) {
            throw new OciException(403, "NotAuthorized", "The customer-provided key is not the one the " + what
                    + " is encrypted with");
        }
    }

    /** UploadPart may repeat the upload's Vault key; another one is refused. */
    static void checkKms(Encryption upload, String given) {
        if (given != null && !given.equals(Encryption.of(upload).kmsKeyId())) {
            throw OciException.invalidParameter(KMS_KEY_ID + " '" + given + "' is not the Vault key of the upload");
        }
    }
}
