package io.lakeshift.target;

import java.io.IOException;

/** Runs after every byte of a file was read and before its object is created; throwing stops the upload. */
@FunctionalInterface
public interface CommitCheck {
    CommitCheck NONE = () -> { };

    void beforeCommit() throws IOException;
}
