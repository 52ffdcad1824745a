package io.lakeshift.log;

import java.io.IOException;
import java.util.List;

/**
 * A place the migration log is written to: a folder of whole files, each written at once (an object store has no
 * rename, and a task that is run again simply writes its file again). Names are relative to the location and may
 * hold "/". A folder or prefix where nothing was written yet is an empty log, not an error (the bucket or file
 * system itself must exist). Every backend passes {@code LogStoreContract}.
 */
public interface LogStore {
    /** Where the files go, for messages. */
    String location();

    /** Writes (or replaces) one file below the location, making the folders its name needs. */
    void write(String name, byte[] content) throws IOException;

    /**
     * Reads one file below the location: the bytes last written under that name.
     *
     * @throws io.lakeshift.io.NotFoundException naming the file, when there is none of that name (never written,
     *     or deleted)
     * @throws IOException naming the file, when it cannot be read for another reason
     */
    byte[] read(String name) throws IOException;

    /**
     * The files below the location whose names start with {@code prefix} (a string prefix, not only a folder),
     * recursively, in no particular order; empty where nothing was written yet.
     */
    List<Entry> list(String prefix) throws IOException;

    /** Deletes one file below the location; a missing file is not an error. */
    void delete(String name) throws IOException;

    /** A file of the log: its name below the location and when it was last written (epoch millis). */
    record Entry(String name, long modified) {}
}
