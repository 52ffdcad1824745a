package io.lakeshift.source;

import io.lakeshift.model.ObjectHeaders;
import io.lakeshift.model.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.function.Consumer;

/**
 * A lake to read. Implementations are serializable settings: they are built on the driver, shipped to executors,
 * and create their clients lazily where they run. They never print a credential: not in {@code toString}, not in
 * an error.
 */
public interface Source extends Serializable {
    /** The root this source lists, as the user gave it. */
    String root();

    /**
     * Lists every file below the root, recursively, in no particular order, handing each to {@code sink} as it
     * is found (the listing is never held whole). Directories and directory markers are not files. Each file has
     * its size and modification time, and its ETag and MD5 where the store lists them (null otherwise). A root
     * that is itself a file lists as that one file.
     *
     * @throws SourceException naming the root (and the bucket or account) when it does not exist, cannot be
     *     listed, or the credentials are refused, with the setting to fix
     */
    void list(Consumer<SourceFile> sink) throws IOException;

    /** Opens a listed file's content from its first byte. */
    InputStream open(SourceFile file) throws IOException;

    /**
     * A listed file's content headers and user metadata as the store keeps them ({@link ObjectHeaders#NONE} for a
     * store without them, such as a file system). May cost a request per file.
     *
     * @throws IOException naming the file, typed as {@link #open} types its errors
     */
    default ObjectHeaders headers(SourceFile file) throws IOException {
        return ObjectHeaders.NONE;
    }

    /**
     * Deletes the file (move mode, once its target is verified).
     *
     * @throws IOException naming the file if it cannot be deleted
     */
    default void delete(SourceFile file) throws IOException {
        throw new SourceException("source " + root() + " cannot delete files; use --mode copy");
    }

    /**
     * Opens {@code length} bytes of a listed file from {@code offset} (a ranged read). The stream ends after
     * those bytes, or at the end of the file if it comes first. This default reads and drops the bytes before
     * {@code offset}; stores with ranged reads do better.
     */
    default InputStream open(SourceFile file, long offset, long length) throws IOException {
        InputStream in = open(file);
        try {
            in.skipNBytes(offset);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
        return new BoundedInputStream(in, length);
    }
}
