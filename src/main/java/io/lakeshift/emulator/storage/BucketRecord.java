package io.lakeshift.emulator.storage;

import java.util.Map;

/** A bucket's properties as stored. Times are epoch milliseconds. */
public record BucketRecord(String name, String namespace, String compartmentId, String createdBy,
                           long timeCreated, String etag, String storageTier, String publicAccessType,
                           Map<String, String> metadata) {
}
