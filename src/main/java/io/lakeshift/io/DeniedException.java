package io.lakeshift.io;

/** The principal may not do this, or its credentials were refused. */
public class DeniedException extends StorageException {
    public DeniedException(String message) {
        super(message, null);
    }

    public DeniedException(String message, Throwable cause) {
        super(message, cause);
    }
}
