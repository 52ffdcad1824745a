package io.lakeshift.run;

import io.lakeshift.log.RunTotals;
import io.lakeshift.plan.PlannedFile;
import java.io.Serializable;
import java.util.List;

/** What one task does with its partition; serializable, so a cluster can ship it to its executors. */
public interface PartitionJob extends Serializable {
    /**
     * @param progress told of every file done (the progress line; never the source of truth)
     * @return the partition's totals, as data
     */
    RunTotals run(int partition, List<PlannedFile> files, Progress progress) throws Exception;

    /** Progress of one task, as files finish. */
    interface Progress {
        void fileDone(long bytesChecked);
    }
}
