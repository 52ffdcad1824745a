package io.lakeshift.sink;

/** What {@link ObjectSinkContract} expects of every Hadoop file system's sink, whatever the file system. */
abstract class HadoopSinkContract extends ObjectSinkContract {
    /** Hadoop file systems keep no user metadata: incremental runs rely on the migration log. */
    @Override
    boolean keepsMetadata() {
        return false;
    }

    // typed: FileProblem (the version is checked just before the delete)
    @Override
    Class<? extends Exception> staleDeleteError() {
        return FileProblem.class;
    }
}
