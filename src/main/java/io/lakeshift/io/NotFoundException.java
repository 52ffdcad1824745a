package io.lakeshift.io;

/** The object, bucket or file does not exist (or the principal may not see it, as OCI answers). */
public class NotFoundException extends StorageException {
    public NotFoundException(String message) {
        super(message, null);
    }

    public NotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
