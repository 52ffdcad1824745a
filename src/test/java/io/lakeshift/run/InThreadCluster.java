package io.lakeshift.run;

import io.lakeshift.plan.PlannedFile;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** The run's distributed parts in this thread, one partition after another: the flow's unit tests need no Spark. */
final class InThreadCluster implements Cluster {
    final AtomicLong filesDone = new AtomicLong();
    final List<Work> runs = new ArrayList<>();

    @Override
    public int parallelism() {
        return 2;
    }

    @Override
    public Map<String, String> hadoopProperties() {
        return Map.of();
    }

    @Override
    public <T extends Serializable> List<T> run(Work work, PartitionJob<T> job) {
        runs.add(work);
        List<T> out = new ArrayList<>();
        for (int i = 0; i < work.partitions().size(); i++) {
            List<PlannedFile> files = work.partitions().get(i);
            try {
                out.add(job.run(i, files, bytes -> filesDone.incrementAndGet()));
            } catch (Exception e) {
                throw new IllegalStateException("partition " + i + " failed", e);
            }
        }
        return out;
    }
}
