package io.lakeshift.io;

import java.io.InterruptedIOException;
import java.util.ArrayDeque;

/** At most {@code capacity} part buffers, made on demand and reused; {@link #take} waits for one to come back. */
public final class BufferPool {
    private final int size;
    private final int capacity;
    private final ArrayDeque<byte[]> free = new ArrayDeque<>();
    private int made;

    public BufferPool(int size, int capacity) {
        this.size = size;
        this.capacity = capacity;
    }

    public int size() {
        return size;
    }

    public synchronized byte[] take() throws InterruptedIOException {
        while (free.isEmpty() && made >= capacity) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for a part buffer");
            }
        }
        if (!free.isEmpty()) {
            return free.pop();
        }
        made++;
        return new byte[size];
    }

    public synchronized void give(byte[] buf) {
        free.push(buf);
        notifyAll();
    }
}
