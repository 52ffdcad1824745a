package io.lakeshift.emulator.storage;

/**
 * A fully received body stored as a blob that no object references yet. Digests are raw bytes; {@code checksum}
 * is the additional checksum the API verified it against, or null.
 */
public record StagedBody(String blobId, long size, byte[] md5, byte[] sha256, Checksum checksum) {
    public StagedBody(String blobId, long size, byte[] md5, byte[] sha256) {
        this(blobId, size, md5, sha256, null);
    }

    public StagedBody withChecksum(Checksum c) {
        return new StagedBody(blobId, size, md5, sha256, c);
    }
}
