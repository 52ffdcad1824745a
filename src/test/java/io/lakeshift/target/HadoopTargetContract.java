package io.lakeshift.target;

import java.util.List;

/** What {@link TargetContract} expects of every Hadoop folder target, whatever the file system. */
abstract class HadoopTargetContract extends TargetContract {
    /** Hadoop writes are the file system's own business (S3A's uploads too): a HadoopTarget tracks none. */
    @Override
    boolean leaveUnfinishedUpload(Target target, String relative) {
        return false;
    }

    @Override
    List<String> unfinishedUploads(Target target) {
        return List.of();
    }
}
