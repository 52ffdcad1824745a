package io.lakeshift.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a store says about a file beyond its bytes: the HTTP content headers it serves with it and its user
 * metadata. Any field may be null where the store has none.
 *
 * @param contentType Content-Type
 * @param contentEncoding Content-Encoding
 * @param contentLanguage Content-Language
 * @param contentDisposition Content-Disposition
 * @param cacheControl Cache-Control
 * @param userMetadata user metadata, keys without a store prefix (S3's {@code x-amz-meta-}, OCI's
 *     {@code opc-meta-}), as the store gives them
 */
public record ObjectHeaders(String contentType, String contentEncoding, String contentLanguage,
        String contentDisposition, String cacheControl, Map<String, String> userMetadata) {
    public static final ObjectHeaders NONE = new ObjectHeaders(null, null, null, null, null, Map.of());

    public ObjectHeaders {
        userMetadata = userMetadata == null ? Map.of() : Map.copyOf(new TreeMap<>(userMetadata));
        contentType = blankToNull(contentType);
        contentEncoding = blankToNull(contentEncoding);
        contentLanguage = blankToNull(contentLanguage);
        contentDisposition = blankToNull(contentDisposition);
        cacheControl = blankToNull(cacheControl);
    }

    /** The same headers with another Content-Type. */
    public ObjectHeaders withContentType(String type) {
        return new ObjectHeaders(type, contentEncoding, contentLanguage, contentDisposition, cacheControl,
                userMetadata);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
