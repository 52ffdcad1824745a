package io.lakeshift.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.lakeshift.emulator.OciException;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * User-defined metadata: {@code opc-meta-*} headers on PutObject, the {@code metadata} map of
 * CreateMultipartUploadDetails (whose keys "must be in opc-meta-* format", OCI Java SDK 3.77.2 model; the SDK's
 * ObjectMetadataInterceptor adds the prefix). Stored without the prefix, lower-cased, and returned as
 * {@code opc-meta-*} headers on GET and HEAD, so a name must be an HTTP header token and a value must not hold
 * control characters; anything else is refused rather than dropped.
 */
final class UserMetadata {
    static final String PREFIX = "opc-meta-";

    private UserMetadata() {
    }

    /** PutObject's opc-meta-* headers. */
    static Map<String, String> fromHeaders(Call call) {
        Map<String, String> out = new LinkedHashMap<>();
        call.requestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith(PREFIX) && !values.isEmpty()) {
                put(out, lower.substring(PREFIX.length()), values.get(0), name);
            }
        });
        return out;
    }

    /** CreateMultipartUploadDetails.metadata. */
    static Map<String, String> fromJson(JsonNode metadata) {
        Map<String, String> out = new LinkedHashMap<>();
        if (metadata == null || metadata.isNull()) {
            return out;
        }
        if (!metadata.isObject()) {
            throw OciException.invalidParameter("metadata must be a JSON object of strings");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = metadata.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey().toLowerCase(Locale.ROOT);
            if (!key.startsWith(PREFIX)) {
                throw OciException.invalidParameter("metadata key '" + e.getKey() + "' must be in opc-meta-* format");
            }
            if (!e.getValue().isTextual()) {
                throw OciException.invalidParameter("metadata '" + e.getKey() + "' must be a string");
            }
            put(out, key.substring(PREFIX.length()), e.getValue().asText(), e.getKey());
        }
        return out;
    }

    private static void put(Map<String, String> out, String name, String value, String given) {
        if (name.isEmpty() || !isToken(name)) {
            throw OciException.invalidParameter("'" + given + "' is not a valid metadata name (opc-meta- and an HTTP"
                    + " header token)");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                throw OciException.invalidParameter("The value of metadata '" + given + "' has a control character");
            }
        }
        out.put(name, value);
    }

    /** RFC 7230 token: visible ASCII but no separators. */
    private static boolean isToken(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || c >= 0x7f || "\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }
}
