package io.lakeshift.log;

import java.io.IOException;
import java.util.List;

/**
 * A place the migration log is written to: a folder of whole files, each written at once (an object store has no
 * rename, and a task that is run again simply writes its file again).
 */
public interface LogStore {
    /** Where the files go, for messages. */
    String location();

    /** Writes (or replaces) one file below the location. */
    void write(String name, byte[] content) throws IOException;

    /** Reads one file below the location. */
    byte[] read(String name) throws IOException;

    /** The files below the location whose names start with {@code prefix}, recursively. */
    List<Entry> list(String prefix) throws IOException;

    /** Deletes one file below the location; a missing file is not an error. */
    void delete(String name) throws IOException;

    /** A file of the log: its name below the location and when it was last written (epoch millis). */
    record Entry(String name, long modified) {}
}
