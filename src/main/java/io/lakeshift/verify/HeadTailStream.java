package io.lakeshift.verify;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Passes a stream through while keeping its first bytes and a rolling window of its last ones. */
public final class HeadTailStream extends FilterInputStream {
    private final byte[] head = new byte[4];
    private final byte[] ring;
    private int headLength;
    private long total;

    public HeadTailStream(InputStream in, int tailBytes) {
        super(in);
        this.ring = new byte[tailBytes];
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            keep(new byte[] {(byte) b}, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            keep(b, off, n);
        }
        return n;
    }

    private void keep(byte[] b, int off, int n) {
        for (int i = 0; headLength < head.length && i < n; i++) {
            head[headLength++] = b[off + i];
        }
        int start = Math.max(0, n - ring.length);
        for (int i = start; i < n; ) {
            int pos = (int) ((total + i) % ring.length);
            int chunk = Math.min(n - i, ring.length - pos);
            System.arraycopy(b, off + i, ring, pos, chunk);
            i += chunk;
        }
        total += n;
    }

    public byte[] head() {
        return java.util.Arrays.copyOf(head, headLength);
    }

    /** The last bytes read, oldest first. */
    public byte[] tail() {
        int length = (int) Math.min(total, ring.length);
        byte[] out = new byte[length];
        int start = (int) ((total - length) % ring.length);
        int first = Math.min(length, ring.length - start);
        System.arraycopy(ring, start, out, 0, first);
        System.arraycopy(ring, 0, out, first, length - first);
        return out;
    }

    public long bytesRead() {
        return total;
    }

    /** Skipping would hide bytes from the check. */
    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skip is not supported while checking a file");
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
