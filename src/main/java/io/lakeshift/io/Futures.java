package io.lakeshift.io;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for work done on another thread, with its failure thrown as it was thrown there. */
public final class Futures {
    private Futures() {}

    /**
     * The value of {@code f} once it is done. An IOException, RuntimeException or Error of the work is thrown as it
     * was; any other exception arrives as an IOException's cause.
     *
     * @param doing what the wait is for, for the message when it is interrupted ("sending parts")
     * @throws InterruptedIOException when this thread is interrupted while it waits (its flag set again)
     */
    public static <T> T get(Future<T> f, String doing) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while " + doing);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException(Errors.oneLine(cause), cause);
        }
    }
}
