package io.lakeshift.config;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * What each target object is made with, beyond its bytes: its storage tier (one for the run, or chosen by globs),
 * its encryption (an OCI Vault key, or a key of the customer's, SSE-C), its Content-Type, and whether the
 * source's user metadata and content headers are carried.
 *
 * @param tier the tier of every object no glob below chooses
 * @param standardGlobs files matching one of these land in Standard
 * @param infrequentAccessGlobs files matching one of these land in InfrequentAccess
 * @param archiveGlobs files matching one of these land in Archive (checked first)
 * @param kmsKeyId OCID of an OCI Vault master encryption key, or null
 * @param sseCustomerKey base64 AES-256 key for SSE-C, or null; a secret, resolved on the driver
 * @param contentType {@code auto}, {@code source}, or a media type every object gets
 * @param dropMetadata leave the source's user metadata and content headers behind
 */
public record ObjectSettings(StorageTier tier, List<String> standardGlobs, List<String> infrequentAccessGlobs,
        List<String> archiveGlobs, String kmsKeyId, SecretRef sseCustomerKey, String contentType,
        boolean dropMetadata) implements Serializable {
    public static final String AUTO = "auto";
    public static final String SOURCE = "source";

    public ObjectSettings {
        standardGlobs = List.copyOf(standardGlobs);
        infrequentAccessGlobs = List.copyOf(infrequentAccessGlobs);
        archiveGlobs = List.copyOf(archiveGlobs);
        contentType = contentType == null ? SOURCE : contentType;
    }

    /** Every setting at its default (the schema's). */
    public static ObjectSettings defaults() {
        return ConfigLoader.defaultObjects();
    }

    /** Whether some objects may land in the Archive tier (which cannot be read back without a restore). */
    public boolean mayArchive() {
        return tier == StorageTier.ARCHIVE || !archiveGlobs.isEmpty();
    }

    public boolean autoContentType() {
        return AUTO.equals(contentType.toLowerCase(Locale.ROOT));
    }

    public boolean sourceContentType() {
        return SOURCE.equals(contentType.toLowerCase(Locale.ROOT));
    }
}
