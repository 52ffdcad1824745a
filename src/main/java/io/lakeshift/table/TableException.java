package io.lakeshift.table;

/** A table that cannot be migrated as a table; the message says what to do. */
public class TableException extends RuntimeException {
    public TableException(String message) {
        super(message);
    }

    public TableException(String message, Throwable cause) {
        super(message, cause);
    }
}
