package io.lakeshift.run;

import io.lakeshift.log.RunTotals;
import io.lakeshift.plan.PlannedFile;
import java.util.List;

/** A second phase's partitions, numbered after the first's so their log files do not overwrite each other's. */
record OffsetJob(PartitionJob<RunTotals> job, int offset) implements PartitionJob<RunTotals> {
    @Override
    public RunTotals run(int partition, List<PlannedFile> files, Progress progress) throws Exception {
        return job.run(offset + partition, files, progress);
    }
}
