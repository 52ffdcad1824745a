package io.lakeshift.emulator.storage;

import java.util.Map;

/**
 * An object's properties as stored. Exactly one of {@code md5} (single PUT: base64 MD5 of the body)
 * and {@code multipartMd5} (multipart: "base64-N") is set. Times are epoch milliseconds.
 */
public record ObjectRecord(String name, long size, String md5, String multipartMd5, String etag,
                           long timeCreated, long timeModified, String storageTier,
                           ContentHeaders content, Map<String, String> metadata, String blobId) {

    /** What ListObjects reports as "md5": OCI lists the multipart hash string for multipart objects. */
    public String listedMd5() {
        return md5 != null ? md5 : multipartMd5;
    }

    ObjectRecord renamed(String newName, String newEtag, long now) {
        return new ObjectRecord(newName, size, md5, multipartMd5, newEtag, timeCreated, now, storageTier,
                content, metadata, blobId);
    }
}
