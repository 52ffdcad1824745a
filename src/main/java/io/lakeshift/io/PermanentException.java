package io.lakeshift.io;

/** Trying again gets the same answer */
public class PermanentException extends StorageException {
    public PermanentException(String message) {
        super(message, null);
    }

    public PermanentException(String message, Throwable cause) {
        super(message, cause);
    }
}
