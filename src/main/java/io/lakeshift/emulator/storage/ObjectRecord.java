package io.lakeshift.emulator.storage;

import java.util.Map;

/**
 * An object's properties as stored. Exactly one of {@code md5} (single PUT: base64 MD5 of the body)
 * and {@code multipartMd5} (multipart: "base64-N") is set. Times are epoch milliseconds. {@code encryption} and
 * {@code restore} may be null (none; never restored), and {@code checksum} (no additional checksum).
 */
public record ObjectRecord(String name, long size, String md5, String multipartMd5, String etag,
                           long timeCreated, long timeModified, String storageTier,
                           ContentHeaders content, Map<String, String> metadata, String blobId,
                           Encryption encryption, Restore restore, Checksum checksum) {

    public ObjectRecord(String name, long size, String md5, String multipartMd5, String etag, long timeCreated,
                        long timeModified, String storageTier, ContentHeaders content, Map<String, String> metadata,
                        String blobId, Encryption encryption, Restore restore) {
        this(name, size, md5, multipartMd5, etag, timeCreated, timeModified, storageTier, content, metadata, blobId,
                encryption, restore, null);
    }

    public ObjectRecord(String name, long size, String md5, String multipartMd5, String etag, long timeCreated,
                        long timeModified, String storageTier, ContentHeaders content, Map<String, String> metadata,
                        String blobId) {
        this(name, size, md5, multipartMd5, etag, timeCreated, timeModified, storageTier, content, metadata, blobId,
                Encryption.NONE, null, null);
    }

    /** What ListObjects reports as "md5": OCI lists the multipart hash string for multipart objects. */
    public String listedMd5() {
        return md5 != null ? md5 : multipartMd5;
    }

    /** Archived, Restoring or Restored for an Archive object; null for the other tiers, as OCI reports it. */
    public String archivalState(long now) {
        if (!"Archive".equals(storageTier)) {
            return null;
        }
        return restore == null ? "Archived" : restore.state(now);
    }

    public ObjectRecord withTier(String tier) {
        return new ObjectRecord(name, size, md5, multipartMd5, etag, timeCreated, timeModified, tier, content,
                metadata, blobId, encryption, null, checksum);
    }

    public ObjectRecord withRestore(Restore r) {
        return new ObjectRecord(name, size, md5, multipartMd5, etag, timeCreated, timeModified, storageTier, content,
                metadata, blobId, encryption, r, checksum);
    }

    ObjectRecord renamed(String newName, String newEtag, long now) {
        return new ObjectRecord(newName, size, md5, multipartMd5, newEtag, timeCreated, now, storageTier,
                content, metadata, blobId, encryption, restore, checksum);
    }
}
