package io.lakeshift.job;

import io.lakeshift.plan.FileRules;
import io.lakeshift.plan.Plan;
import io.lakeshift.plan.PlannedFile;
import io.lakeshift.run.Cluster;
import io.lakeshift.run.ClusterPlan;
import io.lakeshift.run.PartitionJob;
import java.io.Serializable;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;

/** A plan whose rows Spark holds (persisted, memory and disk), already dealt to their partitions. */
final class SparkPlan implements ClusterPlan {
    private final SparkCluster cluster;
    private final Plan totals;
    private final long targetObjects;
    private final JavaRDD<PlannedFile> planned;
    private final JavaRDD<PlannedFile> balanced;
    private final long[][] perPartition;
    private final List<JavaRDD<?>> held;

    SparkPlan(SparkCluster cluster, Plan totals, long targetObjects, JavaRDD<PlannedFile> planned,
            JavaRDD<PlannedFile> balanced, long[][] perPartition, List<JavaRDD<?>> held) {
        this.cluster = cluster;
        this.totals = totals;
        this.targetObjects = targetObjects;
        this.planned = planned;
        this.balanced = balanced;
        this.perPartition = perPartition;
        this.held = held;
    }

    @Override
    public Plan totals() {
        return totals;
    }

    @Override
    public int partitions() {
        return perPartition.length;
    }

    @Override
    public long targetObjects() {
        return targetObjects;
    }

    /** Each partition's {files, weight} (tests check the balance with it). */
    long[][] perPartition() {
        return perPartition;
    }

    /** Every row (tests compare the plans of both ways with it; never for a run: it collects). */
    List<PlannedFile> collectRows() {
        return balanced.collect();
    }

    @Override
    public List<PlannedFile> smallestReads(int n) {
        return planned.filter(f -> FileRules.reads(f) && f.source() != null && f.sourceSize() > 0)
                .takeOrdered(n, new PlanOrder.Smallest());
    }

    /** The sizes of the rows that read, folded by partition on the executors: only the tally comes back. */
    @Override
    public <T extends Serializable> T foldReads(T zero, Add<T> add, Merge<T> merge) {
        return planned.filter(FileRules::reads).map(PlannedFile::sourceSize).aggregate(zero, add::add, merge::merge);
    }

    @Override
    public <T extends Serializable> List<T> run(Cluster.Work work, PartitionJob<T> job) {
        return cluster.runRows(balanced, work, job);
    }

    @Override
    public void close() {
        held.forEach(rdd -> rdd.unpersist(false));
    }
}
