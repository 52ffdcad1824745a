package io.lakeshift.emulator.storage;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/** An opened stored body. Opened under the bucket lock so that a concurrent replacement cannot pull it away. */
public interface Blob extends Closeable {
    long size();

    /** The bytes [offset, offset + length). */
    InputStream stream(long offset, long length) throws IOException;

    @Override
    default void close() throws IOException {
    }
}
