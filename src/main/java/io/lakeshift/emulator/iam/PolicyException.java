package io.lakeshift.emulator.iam;

/** A policy file the emulator cannot use: the message is one line and names the file's line. */
public final class PolicyException extends IllegalArgumentException {
    private final int line;

    public PolicyException(int line, String message) {
        super("policy line " + line + ": " + message);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
