package io.lakeshift.plan;

/** The source cannot be migrated as it is; nothing has been uploaded. The message names the files at fault. */
public class PlanException extends RuntimeException {
    public PlanException(String message) {
        super(message);
    }
}
