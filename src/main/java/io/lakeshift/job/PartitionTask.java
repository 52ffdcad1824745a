package io.lakeshift.job;

import io.lakeshift.log.RunTotals;
import io.lakeshift.plan.PlannedFile;
import io.lakeshift.run.PartitionJob;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.util.LongAccumulator;

/** A Spark task: the partition's {@link PartitionJob}; accumulators only feed the progress line. */
final class PartitionTask implements Function2<Integer, Iterator<List<PlannedFile>>, Iterator<RunTotals>> {
    private final PartitionJob job;
    private final LongAccumulator filesDone;
    private final LongAccumulator bytesDone;

    PartitionTask(PartitionJob job, LongAccumulator filesDone, LongAccumulator bytesDone) {
        this.job = job;
        this.filesDone = filesDone;
        this.bytesDone = bytesDone;
    }

    @Override
    public Iterator<RunTotals> call(Integer partition, Iterator<List<PlannedFile>> work) throws Exception {
        List<PlannedFile> files = new ArrayList<>();
        work.forEachRemaining(files::addAll);
        RunTotals totals = job.run(partition, files, bytes -> {
            filesDone.add(1);
            bytesDone.add(bytes);
        });
        return List.of(totals).iterator();
    }
}
