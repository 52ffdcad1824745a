package io.lakeshift.transfer;

/** The clocks and the sleep the limits use, injectable so their tests need no real time. */
public interface Ticker {
    /** A monotonic clock, for pacing. */
    long nanos();

    /** The wall clock, epoch milliseconds: for deadlines and times of day, the same on every node. */
    long millis();

    void sleepNanos(long nanos) throws InterruptedException;

    Ticker SYSTEM = new Ticker() {
        @Override
        public long nanos() {
            return System.nanoTime();
        }

        @Override
        public long millis() {
            return System.currentTimeMillis();
        }

        @Override
        public void sleepNanos(long nanos) throws InterruptedException {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
    };
}
