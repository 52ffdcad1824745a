package io.lakeshift.io;

/** A precondition failed */
public class ChangedException extends StorageException {
    public ChangedException(String message) {
        super(message, null);
    }

    public ChangedException(String message, Throwable cause) {
        super(message, cause);
    }
}
