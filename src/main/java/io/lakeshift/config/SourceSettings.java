package io.lakeshift.config;

import io.lakeshift.secrets.Secrets;


import java.io.Serializable;

/**
 * How to read the source lake: which reader, and the S3 and Azure sign-in settings. Secrets are references
 * ({@link SecretRef}), resolved where the source is opened.
 */
public record SourceSettings(SourceApi api, S3Settings s3, AzureSettings azure) implements Serializable {
    /** Every default ({@link Option#defaultValue()}): the reader chosen by URI, each store's own default sign-in. */
    public static SourceSettings defaults() {
        return ConfigLoader.defaultSources();
    }
}
