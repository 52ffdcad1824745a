package io.lakeshift.io;

import java.io.IOException;

/** A problem with the file itself (it changed, it is corrupt, it failed verification): trying again will not help. */
public class FileProblem extends IOException {
    public FileProblem(String message) {
        super(message);
    }
}
