package io.lakeshift.model;

import java.io.Serializable;

/**
 * A source file whose content cannot be read until the store restores it: an S3 object in GLACIER or
 * DEEP_ARCHIVE, an Azure blob in the Archive tier.
 *
 * @param tier the store's own name of the tier (GLACIER, DEEP_ARCHIVE, Archive)
 * @param restoring whether a restore was asked for and has not finished yet
 */
public record Archived(String tier, boolean restoring) implements Serializable {
    public Archived {
        if (tier == null || tier.isEmpty()) {
            throw new IllegalArgumentException("an archived file needs its tier");
        }
    }

    /** How the plan and the log say it: "GLACIER" or "GLACIER, restore in progress". */
    public String describe() {
        return restoring ? tier + ", restore in progress" : tier;
    }
}
