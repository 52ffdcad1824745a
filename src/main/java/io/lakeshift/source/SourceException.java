package io.lakeshift.source;

import io.lakeshift.io.PermanentException;

/** The source cannot be read; the message names the path and what to check. */
public class SourceException extends PermanentException {
    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }

    public SourceException(String message) {
        super(message, null);
    }
}
