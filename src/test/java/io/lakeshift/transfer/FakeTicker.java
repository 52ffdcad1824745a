package io.lakeshift.transfer;

import java.time.Instant;

/** A clock that moves only when told, or when someone sleeps on it: the limits' tests need no real time. */
final class FakeTicker implements Ticker {
    private long nanos;
    private long millis;
    long slept;
    int sleeps;

    FakeTicker(Instant at) {
        this.millis = at.toEpochMilli();
    }

    @Override
    public synchronized long nanos() {
        return nanos;
    }

    @Override
    public synchronized long millis() {
        return millis;
    }

    @Override
    public synchronized void sleepNanos(long n) {
        slept += n;
        sleeps++;
        advance(n);
    }

    synchronized void advance(long n) {
        nanos += n;
        millis += n / 1_000_000;
    }
}
