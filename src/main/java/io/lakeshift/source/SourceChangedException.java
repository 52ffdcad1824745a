package io.lakeshift.source;

import io.lakeshift.io.ChangedException;

/**
 * The file changed or disappeared since it was listed: a matter of this one file (the next run lists it anew), not
 * of the source as a whole.
 */
public class SourceChangedException extends ChangedException {
    public SourceChangedException(String message, Throwable cause) {
        super(message, cause);
    }
}
