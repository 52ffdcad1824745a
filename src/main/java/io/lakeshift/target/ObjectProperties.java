package io.lakeshift.target;

import io.lakeshift.model.ObjectHeaders;
import java.util.Map;

/**
 * What a new object is made with besides its bytes.
 *
 * @param metadata user metadata, keys without a store prefix (lakeshift's own fingerprint among them)
 * @param headers Content-Type and the other content headers to store; their user metadata is not used (it is in
 *     {@code metadata} already, named as the store allows)
 * @param storageTier OCI's name of the object's tier ({@code InfrequentAccess}), or null for the bucket's default
 */
public record ObjectProperties(Map<String, String> metadata, ObjectHeaders headers, String storageTier) {
    public ObjectProperties {
        metadata = Map.copyOf(metadata);
        headers = headers == null ? ObjectHeaders.NONE : headers;
    }

    /** Metadata alone: no content headers, the bucket's tier. */
    public static ObjectProperties of(Map<String, String> metadata) {
        return new ObjectProperties(metadata, ObjectHeaders.NONE, null);
    }
}
