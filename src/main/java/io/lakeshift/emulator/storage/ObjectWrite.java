package io.lakeshift.emulator.storage;

import java.util.Map;

/**
 * The caller-chosen properties of an object being written; {@code checksumAlgorithm} is only read by
 * createUpload (a single write's checksum comes with its {@link StagedBody}).
 */
public record ObjectWrite(String name, String storageTier, ContentHeaders content, Map<String, String> metadata,
                          Encryption encryption, String checksumAlgorithm) {
    public ObjectWrite(String name, String storageTier, ContentHeaders content, Map<String, String> metadata) {
        this(name, storageTier, content, metadata, Encryption.NONE, null);
    }

    public ObjectWrite(String name, String storageTier, ContentHeaders content, Map<String, String> metadata,
                       Encryption encryption) {
        this(name, storageTier, content, metadata, encryption, null);
    }

    public ObjectWrite withChecksumAlgorithm(String algorithm) {
        return new ObjectWrite(name, storageTier, content, metadata, encryption, algorithm);
    }
}
