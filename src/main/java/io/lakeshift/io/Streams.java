package io.lakeshift.io;

import java.io.IOException;
import java.io.InputStream;

/** Reading a source stream to its listed length, for every sink. */
public final class Streams {
    private Streams() {}

    /** Reads until {@code length} bytes or the end of the stream; returns the bytes read. */
    public static int readFully(InputStream in, byte[] buf, int length) throws IOException {
        int off = 0;
        while (off < length) {
            int n = in.read(buf, off, length - off);
            if (n < 0) {
                break;
            }
            off += n;
        }
        return off;
    }

    /** After reading {@code read} bytes: the source must have had exactly its listed length. */
    public static void checkLength(String name, long listed, long read, InputStream in) throws IOException {
        if (read < listed) {
            throw new ChangedException("source for " + name + " ended after " + read + " of its " + listed
                    + " listed bytes; it changed or shrank since it was listed");
        }
        if (in.read() != -1) {
            throw new ChangedException("source for " + name + " is longer than the " + listed
                    + " bytes listed; it changed since it was listed");
        }
    }
}
