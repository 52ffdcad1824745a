package io.lakeshift.run;

import io.lakeshift.config.MigrationConfig;
import io.lakeshift.plan.PlannedFile;
import io.lakeshift.source.Source;
import io.lakeshift.source.SourceException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The distributed parts of a run, so the driver's flow ({@link MigrationRun}) needs no Spark: Spark on a cluster
 * ({@code job.SparkCluster}), or the partitions one after another in this thread (the flow's unit tests).
 */
public interface Cluster {
    /** Task slots the cluster offers; the plan spreads files over about this many partitions at least. */
    int parallelism();

    /** The Hadoop settings executors apply over Hadoop's defaults ({@code spark.hadoop.*}). */
    Map<String, String> hadoopProperties();

    /**
     * The source as the run lists it: the source itself, or one whose files come from an inventory report
     * ({@code --inventory}) or from the {@code --files-from} paths looked up one by one ({@code --files-from-lookup}),
     * both read on the cluster ({@code job.SourceListings}). Reads still go to {@code source}. The in-thread cluster
     * has no way to read a report, and says so.
     */
    default Source listed(MigrationConfig config, Source source) throws java.io.IOException {
        if (config.sources().inventory() != null || config.sources().filesFromLookup()) {
            throw new SourceException("--inventory and --files-from-lookup need Spark (lakeshift migrate)");
        }
        return source;
    }

    /**
     * Runs {@code job} once on each partition (again, if a task is retried), showing progress toward the given
     * totals, and returns each partition's result (its totals), in no particular order.
     */
    <T extends Serializable> List<T> run(Work work, PartitionJob<T> job);

    /** Whether {@link #plan} plans on the executors; a cluster that cannot leaves planning to the driver. */
    default boolean plansDistributed() {
        return false;
    }

    /**
     * Whether {@link #plan} reads the files of {@code source}, one of this cluster's {@link #listed} sources that is
     * not listed in parts (an inventory report), on the executors, so that the driver never holds them.
     */
    default boolean listsOnCluster(Source source) {
        return false;
    }

    /**
     * How many files a {@link #listsOnCluster} source names at most, counted without reading or looking any up
     * (--files-from-lookup: the distinct paths named), so that {@code --planning auto} can choose without looking
     * paths up twice; -1 where reading the first files is as cheap (an inventory report) or the source is listed.
     */
    default long namedFiles(Source source) throws java.io.IOException {
        return -1;
    }

    /**
     * Lists the source and the target and plans on the executors, keeping the rows there; empty when the request
     * finds tables in the listing ({@link PlanRequest#findTables}), which the driver then plans.
     *
     * @param out where a line goes as each step ends (the listing, the target's listing), for long plans
     * @throws io.lakeshift.plan.PlanException for names the target cannot store, or two files sharing a name
     */
    default java.util.Optional<ClusterPlan> plan(PlanRequest request, java.io.PrintStream out)
            throws java.io.IOException {
        throw new UnsupportedOperationException("this cluster plans on the driver only");
    }

    /** What to run: the partitions and what they add up to, for the progress line. */
    record Work(String description, List<List<PlannedFile>> partitions, long files, long bytes,
            int progressIntervalSeconds) {}
}
