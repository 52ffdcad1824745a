package io.lakeshift.emulator.storage;

import java.util.Map;

/**
 * An in-progress multipart upload: what the object will look like once committed. {@code checksumAlgorithm} (null:
 * none) is the additional checksum every part carries and the object is given, composed of the parts'.
 */
public record UploadRecord(String uploadId, String namespace, String bucket, String object, long timeCreated,
                           String storageTier, ContentHeaders content, Map<String, String> metadata,
                           Encryption encryption, String checksumAlgorithm) {
    public UploadRecord(String uploadId, String namespace, String bucket, String object, long timeCreated,
                        String storageTier, ContentHeaders content, Map<String, String> metadata) {
        this(uploadId, namespace, bucket, object, timeCreated, storageTier, content, metadata, Encryption.NONE, null);
    }
}
