package io.lakeshift.io;

import java.io.IOException;

/**
 * A store's answer, translated once at the edge of each backend (OCI SDK, Hadoop/S3A, Azure SDK) into what a
 * caller can act on. {@link Retry} decides on these types alone: only {@link TransientException} is tried again.
 * The message names the operation and the object; {@link #attempts} how many tries it took to give up.
 */
public abstract class StorageException extends IOException {
    private int attempts = 1;

    protected StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Tries made before this was given up; set by {@link Retry}. */
    public int attempts() {
        return attempts;
    }

    void attempts(int attempts) {
        this.attempts = attempts;
    }

    @Override
    public String getMessage() {
        return attempts > 1 ? super.getMessage() + " (after " + attempts + " attempts)" : super.getMessage();
    }
}
