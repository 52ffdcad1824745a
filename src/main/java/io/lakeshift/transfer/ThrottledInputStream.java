package io.lakeshift.transfer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A source stream held to a {@link TokenBucket}: reads are paced, in slices small enough to keep the pace even. */
final class ThrottledInputStream extends FilterInputStream {
    static final int SLICE = 256 * 1024;

    private final TokenBucket bucket;

    ThrottledInputStream(InputStream in, TokenBucket bucket) {
        super(in);
        this.bucket = bucket;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            bucket.take(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = in.read(buf, off, Math.min(len, SLICE));
        if (n > 0) {
            bucket.take(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        return in.skip(n); // skipped bytes are not sent
    }
}
