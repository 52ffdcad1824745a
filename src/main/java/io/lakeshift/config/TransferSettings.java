package io.lakeshift.config;

import java.io.Serializable;

/**
 * How each file is sent and checked.
 *
 * @param multipartThreshold files at least this long go multipart
 * @param partSize bytes per part
 * @param parallelParts parts of one file in flight at once; also the number of part buffers held
 * @param parallelFiles files below the multipart threshold in flight at once per task
 * @param verify read each object back after its upload and compare MD5s
 * @param parquetCheck what a corrupt Parquet file does
 * @param maxAttempts tries per request and per file
 * @param fileTimeoutMillis time limit for one file, retries included
 */
public record TransferSettings(long multipartThreshold, long partSize, int parallelParts, int parallelFiles,
        boolean verify,
        ParquetCheck parquetCheck, int maxAttempts, long fileTimeoutMillis) implements Serializable {
    public static final long MIN_PART_SIZE = 1L << 20;
    public static final long MAX_PART_SIZE = 50L << 30;
    public static final int MAX_PARTS = 10_000;

    public TransferSettings {
        if (partSize < MIN_PART_SIZE || partSize > MAX_PART_SIZE) {
            throw new ConfigException("part-size must be between 1MiB and 50GiB, got " + partSize + " bytes");
        }
        if (partSize > Integer.MAX_VALUE - 16) {
            throw new ConfigException("part-size must be below 2GiB: each part is held in memory while it is sent");
        }
        if (multipartThreshold < 1) {
            throw new ConfigException("multipart-threshold must be positive");
        }
        if (multipartThreshold > Integer.MAX_VALUE - 16) {
            throw new ConfigException("multipart-threshold must be below 2GiB: a single PUT is held in memory"
                    + " to send its Content-MD5 first");
        }
        if (parallelParts < 1 || parallelParts > 64) {
            throw new ConfigException("parallel-parts must be between 1 and 64, got " + parallelParts);
        }
        if (parallelFiles < 1 || parallelFiles > 256) {
            throw new ConfigException("parallel-files must be between 1 and 256, got " + parallelFiles);
        }
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new ConfigException("max-attempts must be between 1 and 100, got " + maxAttempts);
        }
        if (fileTimeoutMillis < 1000) {
            throw new ConfigException("file-timeout must be at least 1s");
        }
    }

    /** Defaults for everything but the sizes. */
    public static TransferSettings of(long multipartThreshold, long partSize, int parallelParts) {
        return new TransferSettings(multipartThreshold, partSize, parallelParts, 1, false, ParquetCheck.FAIL, 5,
                6 * 3600_000L);
    }

    /** Bytes per part for a file of this size: the configured size, raised if the file would need over 10,000 parts. */
    public long partSizeFor(long fileSize) {
        long needed = (fileSize + MAX_PARTS - 1) / MAX_PARTS;
        return Math.max(partSize, needed);
    }
}
