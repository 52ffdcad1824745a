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
    public static final int MAX_PARTS = 10_000;

    /** Each bound is the schema's ({@link Option}), so a record built without the loader is held to the same. */
    public TransferSettings {
        Option.MULTIPART_THRESHOLD.check(multipartThreshold);
        Option.PART_SIZE.check(partSize);
        Option.PARALLEL_PARTS.check(parallelParts);
        Option.PARALLEL_FILES.check(parallelFiles);
        Option.MAX_ATTEMPTS.check(maxAttempts);
        Option.FILE_TIMEOUT.check(fileTimeoutMillis);
    }

    /** Every setting at its default ({@link Option#defaultValue()}). */
    public static TransferSettings defaults() {
        return ConfigLoader.defaultTransfer();
    }

    /** The defaults for everything but the sizes. */
    public static TransferSettings of(long multipartThreshold, long partSize, int parallelParts) {
        TransferSettings d = defaults();
        return new TransferSettings(multipartThreshold, partSize, parallelParts, d.parallelFiles(), d.verify(),
                d.parquetCheck(), d.maxAttempts(), d.fileTimeoutMillis());
    }

    /** Bytes per part for a file of this size: the configured size, raised if the file would need over 10,000 parts. */
    public long partSizeFor(long fileSize) {
        long needed = (fileSize + MAX_PARTS - 1) / MAX_PARTS;
        return Math.max(partSize, needed);
    }
}
