package io.lakeshift.config;

import io.lakeshift.secrets.Secrets;


import java.io.Serializable;

/**
 * How to read the source lake: which reader, the S3 and Azure sign-in settings, and where its files come from
 * (its listing, an inventory report {@code inventory}, or {@code --files-from} paths looked up one by one). Secrets are references
 * ({@link SecretRef}), resolved where the source is opened.
 */
public record SourceSettings(SourceApi api, S3Settings s3, AzureSettings azure, String inventory,
        boolean filesFromLookup) implements Serializable {
    /** Listed as usual: no --inventory, no --files-from-lookup. */
    public SourceSettings(SourceApi api, S3Settings s3, AzureSettings azure) {
        this(api, s3, azure, null, false);
    }

    /** Every default ({@link Option#defaultValue()}): the reader chosen by URI, each store's own default sign-in. */
    public static SourceSettings defaults() {
        return ConfigLoader.defaultSources();
    }
}
