package io.lakeshift.emulator.storage;

/** A fully received body stored as a blob that no object references yet. Digests are raw bytes. */
public record StagedBody(String blobId, long size, byte[] md5, byte[] sha256) {
}
