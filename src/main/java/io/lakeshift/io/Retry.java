package io.lakeshift.io;

import com.oracle.bmc.model.BmcException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Retries a request that failed for a reason that may pass (throttling, a 5xx, a time-out, a dropped connection),
 * with exponential backoff and full jitter, within a bounded number of attempts.
 */
public final class Retry {
    public static final int DEFAULT_ATTEMPTS = 5;
    /**
     * S3A's change detection (hadoop-aws): the object changed since it was listed, or the server sent it without
     * the ETag or version ID S3A requires. Reading again gets the same answer (and in S3A 3.3.4 every refused read
     * held on to a pooled connection). By name: hadoop-aws is on the classpath only for s3a:// sources.
     */
    private static final Set<String> CHANGE_DETECTION = Set.of("org.apache.hadoop.fs.s3a.RemoteFileChangedException",
            "org.apache.hadoop.fs.s3a.NoVersionAttributeException");
    private final int maxAttempts;
    private final long baseDelayMillis;
    private final long maxDelayMillis;

    public Retry(int maxAttempts, long baseDelayMillis, long maxDelayMillis) {
        this.maxAttempts = maxAttempts;
        this.baseDelayMillis = baseDelayMillis;
        this.maxDelayMillis = maxDelayMillis;
    }

    public static Retry standard() {
        return attempts(DEFAULT_ATTEMPTS);
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
                    throw e;
                }
                sleep(attempt);
            }
        }
    }

    /** Whether trying again may succeed. */
    public static boolean isTransient(Throwable e) {
        if (e instanceof BmcException b) {
            int status = b.getStatusCode();
            return status == 429 || status >= 500 || b.isTimeout() || (b.isClientSide() && hasIoCause(b));
        }
        // A read time-out is an InterruptedIOException too, but unlike an interrupt it is worth another try.
        boolean interrupted = e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException);
        return e instanceof IOException && !interrupted && !(e instanceof FileProblem) && !isChangeDetection(e);
    }

    /** Whether S3A's change detection refused the read, here or in a cause (a message that names the fix). */
    private static boolean isChangeDetection(Throwable e) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < 16; depth++, t = t.getCause()) {
            for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
                if (CHANGE_DETECTION.contains(c.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasIoCause(Throwable e) {
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof IOException) {
                return true;
            }
        }
        return false;
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
