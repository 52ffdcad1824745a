package io.lakeshift.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.lakeshift.emulator.OciException;

import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Request options that OCI Object Storage serves and the emulator does not: they are refused, never ignored.
 *
 * <p>Which header belongs to which operation is taken from the OCI Java SDK 3.77.2
 * ({@code com.oracle.bmc.objectstorage.ObjectStorageClient}, the headers each operation sends). A refused option
 * answers 501 {@code NotImplemented}; a value or field that is not part of OCI's API answers 400
 * {@code InvalidParameter} ("A parameter is invalid or incorrectly formatted", OCI API Errors reference).
 */
final class Refusals {
    /** SSE-C: PutObject, UploadPart, CreateMultipartUpload, GetObject, HeadObject (and CopyObject). */
    static final List<String> SSE_CUSTOMER = List.of("opc-sse-customer-algorithm", "opc-sse-customer-key",
            "opc-sse-customer-key-sha256");
    /** A Vault key for the object: PutObject, UploadPart, CreateMultipartUpload (and CopyObject). */
    static final String SSE_KMS = "opc-sse-kms-key-id";
    /** Additional checksums: PutObject, UploadPart; the algorithm also on CreateMultipartUpload. */
    static final String CHECKSUM_ALGORITHM = "opc-checksum-algorithm";
    static final List<String> CHECKSUMS = List.of("opc-content-crc32c", "opc-content-sha256", "opc-content-sha384");

    private Refusals() {
    }

    /** GetObject and HeadObject: SSE-C keys to decrypt with. */
    static void readHeaders(Call call) {
        refuseAny(call, SSE_CUSTOMER, "customer-provided encryption keys (SSE-C)");
    }

    /** PutObject and UploadPart. */
    static void bodyHeaders(Call call) {
        refuseAny(call, SSE_CUSTOMER, "customer-provided encryption keys (SSE-C)");
        refuseAny(call, List.of(SSE_KMS), "Vault master encryption keys (opc-sse-kms-key-id)");
        refuseAny(call, List.of(CHECKSUM_ALGORITHM), "additional checksums (opc-checksum-algorithm)");
        refuseAny(call, CHECKSUMS, "additional checksums (CRC32C, SHA-256, SHA-384)");
    }

    /** CreateMultipartUpload. */
    static void uploadHeaders(Call call) {
        refuseAny(call, SSE_CUSTOMER, "customer-provided encryption keys (SSE-C)");
        refuseAny(call, List.of(SSE_KMS), "Vault master encryption keys (opc-sse-kms-key-id)");
        refuseAny(call, List.of(CHECKSUM_ALGORITHM), "additional checksums (opc-checksum-algorithm)");
    }

    private static void refuseAny(Call call, List<String> headers, String what) {
        for (String h : headers) {
            if (call.header(h) != null) {
                throw OciException.notImplemented("The OCI emulator does not implement " + what + "; the request has '"
                        + h + "'");
            }
        }
    }

    /** A JSON body whose field is not in the operation's OCI model is refused. */
    static void knownFields(JsonNode body, Set<String> known, String model) {
        if (!body.isObject()) {
            throw OciException.invalidParameter("The request body must be a JSON object (" + model + ")");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw OciException.invalidParameter("Unknown field '" + name + "' in " + model);
            }
        }
    }

    /** An OCI storage tier for an object: Archive is refused because restoring (RestoreObjects) is not served. */
    static String objectTier(String tier) {
        if (tier == null) {
            return null;
        }
        String known = ObjectApi.storageTier(tier);
        if (known.equals("Archive")) {
            throw OciException.notImplemented("The OCI emulator does not implement the Archive tier (objects there"
                    + " need RestoreObjects before they can be read)");
        }
        return known;
    }
}
