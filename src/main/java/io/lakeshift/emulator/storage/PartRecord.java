package io.lakeshift.emulator.storage;

/** One uploaded part of a multipart upload; {@code md5} is base64; {@code checksum} its additional one, or null. */
public record PartRecord(int partNumber, long size, String md5, String etag, String blobId, Checksum checksum) {
    public PartRecord(int partNumber, long size, String md5, String etag, String blobId) {
        this(partNumber, size, md5, etag, blobId, null);
    }
}
