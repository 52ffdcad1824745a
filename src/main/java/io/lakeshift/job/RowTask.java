package io.lakeshift.job;

import io.lakeshift.plan.PlannedFile;
import io.lakeshift.run.PartitionJob;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.util.LongAccumulator;

/**
 * A Spark task over a partition of a distributed plan's rows: the rows arrive from the shuffle on the executor
 * (never through the driver) and go to the partition's {@link PartitionJob}.
 */
final class RowTask<T extends Serializable> implements Function2<Integer, Iterator<PlannedFile>, Iterator<T>> {
    private final PartitionJob<T> job;
    private final LongAccumulator filesDone;
    private final LongAccumulator bytesDone;

    RowTask(PartitionJob<T> job, LongAccumulator filesDone, LongAccumulator bytesDone) {
        this.job = job;
        this.filesDone = filesDone;
        this.bytesDone = bytesDone;
    }

    @Override
    public Iterator<T> call(Integer partition, Iterator<PlannedFile> rows) throws Exception {
        List<PlannedFile> files = new ArrayList<>(); // one partition's rows, about 1 GiB of work
        rows.forEachRemaining(files::add);
        T totals = job.run(partition, files, bytes -> {
            filesDone.add(1);
            bytesDone.add(bytes);
        });
        return List.of(totals).iterator();
    }
}
