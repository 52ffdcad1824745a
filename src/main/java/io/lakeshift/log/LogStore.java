package io.lakeshift.log;

import java.io.IOException;

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
}
