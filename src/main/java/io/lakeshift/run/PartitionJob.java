package io.lakeshift.run;

import io.lakeshift.plan.PlannedFile;
import java.io.Serializable;
import java.util.List;

/**
 * What one task does with its partition; serializable, so a cluster can ship it to its executors.
 *
 * @param <T> the partition's result, as data (a migration's {@code RunTotals}, a check's {@code CheckTotals})
 */
public interface PartitionJob<T extends Serializable> extends Serializable {
    /**
     * @param progress told of every file done (the progress line; never the source of truth)
     * @return the partition's totals, as data
     */
    T run(int partition, List<PlannedFile> files, Progress progress) throws Exception;

    /** Progress of one task, as files finish. */
    interface Progress {
        void fileDone(long bytesChecked);
    }
}
