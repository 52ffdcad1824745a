package io.lakeshift.model;

import java.io.Serializable;

/**
 * One file found in the source lake.
 *
 * @param uri full URI of the file, as the source lists it
 * @param relativePath path below the source root, '/'-separated, never starting with '/'
 * @param size length in bytes
 * @param modified last modification, epoch milliseconds
 * @param etag the store's ETag, or null where the store has none
 * @param md5 base64 MD5 of the content as the store reports it, or null
 * @param archived the archive tier the content sits in, unreadable until restored; null for a readable file
 */
public record SourceFile(String uri, String relativePath, long size, long modified, String etag, String md5,
        Archived archived) implements Serializable {
    public SourceFile {
        if (size < 0) {
            throw new IllegalArgumentException("negative size for " + uri);
        }
    }

    /** A readable file (not in an archive tier). */
    public SourceFile(String uri, String relativePath, long size, long modified, String etag, String md5) {
        this(uri, relativePath, size, modified, etag, md5, null);
    }
}
