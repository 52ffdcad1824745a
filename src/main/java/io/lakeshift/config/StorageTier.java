package io.lakeshift.config;

/**
 * OCI Object Storage's tiers for an object. The constants are spelt so that OCI's own names
 * ({@code InfrequentAccess}) read as one of them in any case.
 */
public enum StorageTier {
    STANDARD("Standard"),
    INFREQUENTACCESS("InfrequentAccess"),
    ARCHIVE("Archive");

    private final String ociName;

    StorageTier(String ociName) {
        this.ociName = ociName;
    }

    /** The name as OCI's API writes it ({@code storage-tier} header, {@code storageTier} field). */
    public String ociName() {
        return ociName;
    }
}
