package io.lakeshift.emulator.storage;

import java.io.IOException;

/** Where an incoming body is written before it becomes visible. */
interface BlobSink {
    void write(byte[] buf, int off, int len) throws IOException;

    /** Makes the bytes a stored blob and returns its id; the blob is still unreferenced. */
    String finish() throws IOException;

    /** Throws the bytes away. */
    void discard();
}
