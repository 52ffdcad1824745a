package io.lakeshift.transfer;

import io.lakeshift.config.BandwidthSchedule;
import java.io.InterruptedIOException;

/**
 * Paces the bytes of one task to its share of the job's cap, whatever the number of its threads: each
 * {@link #take} reserves its bytes' time at the rate of the moment and sleeps until that time has come. Time left
 * unused is saved up only to {@link #BURST_NANOS}, so an idle moment does not license a burst later.
 */
public final class TokenBucket {
    /** Unused time a task may save up (its bytes then go at once). */
    static final long BURST_NANOS = 100_000_000L;

    private final BandwidthSchedule schedule;
    private final Ticker ticker;
    private long nextFree;
    private boolean started;

    public TokenBucket(BandwidthSchedule schedule, Ticker ticker) {
        this.schedule = schedule;
        this.ticker = ticker;
    }

    /** Blocks until {@code bytes} more may go at the rate of the moment (no cap: returns at once). */
    public void take(long bytes) throws InterruptedIOException {
        long wait = reserve(bytes);
        if (wait > 0) {
            try {
                ticker.sleepNanos(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while held to --bwlimit");
            }
        }
    }

    /** Books the bytes' time; returns how long to wait before they go. */
    synchronized long reserve(long bytes) {
        long now = ticker.nanos();
        long rate = schedule.rateAt(ticker.millis());
        if (rate <= 0 || bytes <= 0) {
            return 0;
        }
        if (!started || nextFree < now - BURST_NANOS) {
            nextFree = started ? now - BURST_NANOS : now;
            started = true;
        }
        nextFree += nanosFor(bytes, rate);
        return Math.max(0, nextFree - now);
    }

    private static long nanosFor(long bytes, long rate) {
        double nanos = bytes * 1e9 / rate;
        return nanos >= Long.MAX_VALUE / 4 ? Long.MAX_VALUE / 4 : (long) nanos;
    }
}
