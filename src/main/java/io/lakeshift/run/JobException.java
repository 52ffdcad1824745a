package io.lakeshift.run;

/** The run could not start or could not finish; the message names what is at fault and how to fix it. */
public class JobException extends RuntimeException {
    public JobException(String message) {
        super(message);
    }

    public JobException(String message, Throwable cause) {
        super(message, cause);
    }
}
