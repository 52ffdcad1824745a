package io.lakeshift.emulator.storage;

import java.io.IOException;

/** The client sent fewer bytes than it announced (or went away): nothing may be stored. */
public final class IncompleteBodyException extends IOException {
    public IncompleteBodyException(String message) {
        super(message);
    }
}
