package io.lakeshift.emulator.storage;

/** One uploaded part of a multipart upload; {@code md5} is base64. */
public record PartRecord(int partNumber, long size, String md5, String etag, String blobId) {
}
