package io.lakeshift.source;

import java.io.IOException;

/** The source cannot be read; the message names the path and what to check. */
public class SourceException extends IOException {
    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }

    public SourceException(String message) {
        super(message);
    }
}
