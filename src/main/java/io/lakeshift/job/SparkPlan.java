package io.lakeshift.job;

import io.lakeshift.model.SourceFile;
import io.lakeshift.plan.FileRules;
import io.lakeshift.plan.Plan;
import io.lakeshift.plan.PlannedFile;
import io.lakeshift.run.Cluster;
import io.lakeshift.run.ClusterPlan;
import io.lakeshift.run.PartitionJob;
import java.io.Serializable;
import java.util.Iterator;
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
    private JavaRDD<Long> readSizes;

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

    /**
     * Only each read's size comes to the driver for the estimate, in partitions of about this many (a few MB), not
     * a whole partition of the plan's rows (N / 16 rows on local[2], ~450 MB at 10M files).
     */
    static final long SIZES_PER_PARTITION = 250_000;

    /**
     * The files to read as the estimate sees them: only their sizes, streamed one bounded partition at a time (the
     * sizes shuffled once, to that many partitions; both passes of the estimate reuse the shuffle).
     */
    @Override
    public Iterable<PlannedFile> reads() {
        if (readSizes == null) {
            int parts = (int) Math.max(1, Math.min(100_000, totals.fileCount() / SIZES_PER_PARTITION + 1));
            readSizes = planned.filter(FileRules::reads).map(PlannedFile::sourceSize).repartition(parts);
        }
        JavaRDD<Long> sizes = readSizes;
        return () -> {
            Iterator<Long> it = sizes.toLocalIterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public PlannedFile next() {
                    return sized(it.next());
                }
            };
        };
    }

    /** A stand-in for a file to read that has only its size: what the estimate reads of it. */
    static PlannedFile sized(long size) {
        return PlannedFile.copy(new SourceFile("", "", size, 0, null, null), "");
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
