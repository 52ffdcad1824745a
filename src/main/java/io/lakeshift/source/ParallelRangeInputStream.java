package io.lakeshift.source;

import io.lakeshift.io.Errors;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A file read as consecutive ranges, several in flight at once, handed out in order. At most {@code threads}
 * ranges are held (memory: threads x range size). A range shorter than asked means the file changed: an error.
 */
final class ParallelRangeInputStream extends InputStream {
    /** Files above this are read in ranges, several at once (ADLS, and s3a:// with --s3-read-threads above 1). */
    static final long PARALLEL_ABOVE = 16L << 20;
    /** One ranged GET's length. */
    static final int RANGE_SIZE = 8 << 20;

    /** Reads one range of the file; the answer has exactly {@code length} bytes unless the file changed. */
    interface RangeReader {
        byte[] read(long offset, int length) throws IOException;
    }

    private final RangeReader reader;
    private final long size;
    private final int rangeSize;
    private final int inFlight;
    private final String name;
    private final ExecutorService pool;
    private final ArrayDeque<Future<byte[]>> pending = new ArrayDeque<>();
    private final ArrayDeque<Integer> pendingLengths = new ArrayDeque<>();
    private long nextOffset;
    private byte[] current = new byte[0];
    private int pos;
    private boolean closed;

    /** Whether a file of {@code size} bytes is read in ranges with {@code threads} reads in flight. */
    static boolean inRanges(long size, int threads) {
        return threads > 1 && size > PARALLEL_ABOVE;
    }

    /** The GET requests a whole read of {@code size} bytes makes: one per range, or one. */
    static long requests(long size, int threads) {
        if (size == 0) {
            return 0;
        }
        return inRanges(size, threads) ? (size + RANGE_SIZE - 1) / RANGE_SIZE : 1;
    }

    ParallelRangeInputStream(RangeReader reader, long size, int threads, String name) {
        this(reader, size, RANGE_SIZE, threads, name);
    }

    ParallelRangeInputStream(RangeReader reader, long size, int rangeSize, int threads, String name) {
        this.reader = reader;
        this.size = size;
        this.rangeSize = rangeSize;
        this.inFlight = threads;
        this.name = name;
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "lakeshift-range-read");
            t.setDaemon(true);
            return t;
        });
        fill();
    }

    private void fill() {
        while (pending.size() < inFlight && nextOffset < size) {
            long offset = nextOffset;
            int length = (int) Math.min(rangeSize, size - offset);
            pending.add(pool.submit(() -> reader.read(offset, length)));
            pendingLengths.add(length);
            nextOffset += length;
        }
    }

    private boolean advance() throws IOException {
        if (closed) {
            throw new IOException("stream of " + name + " is closed");
        }
        while (pos >= current.length) {
            Future<byte[]> next = pending.poll();
            if (next == null) {
                return false;
            }
            int expected = pendingLengths.poll();
            try {
                current = next.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted reading " + name, e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                throw cause instanceof IOException io ? io : new IOException(Errors.oneLine(cause), cause);
            }
            if (current.length != expected) {
                throw new IOException(name + " changed while it was read: a range gave " + current.length
                        + " bytes instead of " + expected);
            }
            pos = 0;
            fill();
        }
        return true;
    }

    @Override
    public int read() throws IOException {
        return advance() ? current[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!advance()) {
            return -1;
        }
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            pending.forEach(f -> f.cancel(true));
            pending.clear();
            pool.shutdownNow();
        }
    }
}
