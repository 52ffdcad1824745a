package io.lakeshift.emulator.storage;

import java.util.Map;

/** An in-progress multipart upload: what the object will look like once committed. */
public record UploadRecord(String uploadId, String namespace, String bucket, String object, long timeCreated,
                           String storageTier, ContentHeaders content, Map<String, String> metadata,
                           Encryption encryption) {
    public UploadRecord(String uploadId, String namespace, String bucket, String object, long timeCreated,
                        String storageTier, ContentHeaders content, Map<String, String> metadata) {
        this(uploadId, namespace, bucket, object, timeCreated, storageTier, content, metadata, Encryption.NONE);
    }
}
