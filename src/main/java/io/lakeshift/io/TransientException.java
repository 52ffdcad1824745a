package io.lakeshift.io;

/** Trying again may succeed */
public class TransientException extends StorageException {
    public TransientException(String message) {
        super(message, null);
    }

    public TransientException(String message, Throwable cause) {
        super(message, cause);
    }
}
