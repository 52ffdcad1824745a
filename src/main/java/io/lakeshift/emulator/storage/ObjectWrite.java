package io.lakeshift.emulator.storage;

import java.util.Map;

/** The caller-chosen properties of an object being written. */
public record ObjectWrite(String name, String storageTier, ContentHeaders content, Map<String, String> metadata,
                          Encryption encryption) {
    public ObjectWrite(String name, String storageTier, ContentHeaders content, Map<String, String> metadata) {
        this(name, storageTier, content, metadata, Encryption.NONE);
    }
}
