package io.lakeshift.target;

/** What {@link ObjectSinkContract} expects of every Hadoop file system's sink, whatever the file system. */
abstract class HadoopSinkContract extends ObjectSinkContract {
    /** Hadoop file systems keep no user metadata: incremental runs rely on the migration log. */
    @Override
    boolean keepsMetadata() {
        return false;
    }

}
