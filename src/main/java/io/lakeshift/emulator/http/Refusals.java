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
    /** Additional checksums: PutObject, UploadPart; the algorithm also on CreateMultipartUpload. */
    static final String CHECKSUM_ALGORITHM = "opc-checksum-algorithm";
    static final List<String> CHECKSUMS = List.of("opc-content-crc32c", "opc-content-sha256", "opc-content-sha384");

    private Refusals() {
    }

    /** PutObject and UploadPart. */
    static void bodyHeaders(Call call) {
        refuseAny(call, List.of(CHECKSUM_ALGORITHM), "additional checksums (opc-checksum-algorithm)");
        refuseAny(call, CHECKSUMS, "additional checksums (CRC32C, SHA-256, SHA-384)");
    }

    /** CreateMultipartUpload. */
    static void uploadHeaders(Call call) {
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
}
