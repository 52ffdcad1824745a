package io.lakeshift.job;

import io.lakeshift.plan.PlannedFile;
import io.lakeshift.run.PartitionJob;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.util.LongAccumulator;

/** A Spark task: the partition's {@link PartitionJob}; accumulators only feed the progress line. */
final class PartitionTask<T extends Serializable>
        implements Function2<Integer, Iterator<List<PlannedFile>>, Iterator<T>> {
    private final PartitionJob<T> job;
    private final LongAccumulator filesDone;
    private final LongAccumulator bytesDone;

    PartitionTask(PartitionJob<T> job, LongAccumulator filesDone, LongAccumulator bytesDone) {
        this.job = job;
        this.filesDone = filesDone;
        this.bytesDone = bytesDone;
    }

    @Override
    public Iterator<T> call(Integer partition, Iterator<List<PlannedFile>> work) throws Exception {
        List<PlannedFile> files = new ArrayList<>();
        work.forEachRemaining(files::addAll);
        T totals = job.run(partition, files, bytes -> {
            filesDone.add(1);
            bytesDone.add(bytes);
        });
        return List.of(totals).iterator();
    }
}
