package io.lakeshift.run;

import io.lakeshift.plan.Plan;
import io.lakeshift.plan.PlannedFile;
import java.io.Serializable;
import java.util.List;

/**
 * A plan made and held on the cluster ({@link Cluster#plan}): its rows stay on the executors, already spread over
 * partitions by bytes; the driver holds only what this answers (counts, totals, a few examples).
 */
public interface ClusterPlan extends AutoCloseable {
    /** The plan's counts and totals; its partitions are not here ({@link #partitions} says how many). */
    Plan totals();

    /** Partitions the rows are spread over. */
    int partitions();

    /** Objects the target listing found (matched or not), for the plan's request count. */
    long targetObjects();

    /** The smallest files with bytes the run reads, smallest first (the source read check). */
    List<PlannedFile> smallestReads(int n);

    /**
     * The sizes of the files the run reads (copies and checks) folded on the executors, for a dry run's request
     * and time estimate; only the tally comes to the driver.
     */
    <T extends Serializable> T foldReads(T zero, Add<T> add, Merge<T> merge);

    /** One file's size added to a tally, where the sizes are. */
    interface Add<T> extends Serializable {
        T add(T tally, long size);
    }

    /** Two partial tallies as one. */
    interface Merge<T> extends Serializable {
        T merge(T a, T b);
    }

    /** Runs {@code job} on each partition of rows, as {@link Cluster#run} does; {@code work} gives its totals. */
    <T extends Serializable> List<T> run(Cluster.Work work, PartitionJob<T> job);

    /** Frees what the cluster holds for the plan. */
    @Override
    void close();
}
