package io.lakeshift.io;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Retries a request that failed for a reason that may pass (throttling, a 5xx, a time-out, a dropped connection),
 * with exponential backoff and full jitter, within a bounded number of attempts. It decides on the types each
 * backend's translator gives ({@link StorageException}): only a {@link TransientException}, or I/O that no
 * translator has seen (a stream that broke mid-read), is tried again; an interrupt never is.
 */
public final class Retry implements java.io.Serializable {
    private final int maxAttempts;
    private final long baseDelayMillis;
    private final long maxDelayMillis;

    public Retry(int maxAttempts, long baseDelayMillis, long maxDelayMillis) {
        this.maxAttempts = maxAttempts;
        this.baseDelayMillis = baseDelayMillis;
        this.maxDelayMillis = maxDelayMillis;
    }

    /** Exponential backoff from 200 ms up to 10 s between tries. */
    public static Retry attempts(int maxAttempts) {
        return new Retry(maxAttempts, 200, 10_000);
    }

    /** Waits before try number {@code attempt + 1}. */
    public void pause(int attempt) throws InterruptedIOException {
        sleep(attempt);
    }

    /** A request that can be repeated as it is. */
    @FunctionalInterface
    public interface Request<T> {
        T send() throws IOException;
    }

    /** The answer and the number of tries it took. */
    public record Outcome<T>(T value, int attempts) {}

    public <T> Outcome<T> call(Request<T> request) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return new Outcome<>(request.send(), attempt);
            } catch (RuntimeException | IOException e) {
                if (attempt >= maxAttempts || !isTransient(e)) {
                    if (e instanceof StorageException s) {
                        s.attempts(attempt);
                    }
                    throw e;
                }
                sleep(attempt);
            }
        }
    }

    /** Whether trying again may succeed. */
    public static boolean isTransient(Throwable e) {
        if (e instanceof StorageException) {
            return e instanceof TransientException;
        }
        // A read time-out is an InterruptedIOException too, but unlike an interrupt it is worth another try.
        boolean interrupted = e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException);
        return e instanceof IOException && !interrupted;
    }

    private void sleep(int attempt) throws InterruptedIOException {
        long cap = Math.min(maxDelayMillis, baseDelayMillis << Math.min(attempt - 1, 20));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(cap / 2, cap + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry");
        }
    }
}
