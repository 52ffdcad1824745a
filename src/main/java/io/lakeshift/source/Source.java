package io.lakeshift.source;

import io.lakeshift.model.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.function.Consumer;

/**
 * A lake to read. Implementations are serializable settings: they are built on the driver, shipped to executors,
 * and create their clients lazily where they run.
 */
public interface Source extends Serializable {
    /** The root this source lists, as the user gave it. */
    String root();

    /**
     * Lists every file below the root, recursively, in no particular order, handing each to {@code sink} as it
     * is found (the listing is never held whole). Directories and directory markers are not files.
     *
     * @throws SourceException naming the root when it does not exist or cannot be listed
     */
    void list(Consumer<SourceFile> sink) throws IOException;

    /** Opens the file's content from its first byte. */
    InputStream open(SourceFile file) throws IOException;

    /**
     * Deletes the file (move mode, once its target is verified).
     *
     * @throws IOException naming the file if it cannot be deleted
     */
    default void delete(SourceFile file) throws IOException {
        throw new SourceException("source " + root() + " cannot delete files; use --mode copy");
    }
}
