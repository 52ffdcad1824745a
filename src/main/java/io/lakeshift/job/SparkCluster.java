package io.lakeshift.job;

import io.lakeshift.model.SourceFile;
import io.lakeshift.plan.PlannedFile;
import io.lakeshift.config.MigrationConfig;
import io.lakeshift.run.Cluster;
import io.lakeshift.run.ClusterPlan;
import io.lakeshift.run.PlanRequest;
import java.io.IOException;
import java.util.Optional;
import org.apache.spark.api.java.JavaRDD;
import io.lakeshift.run.PartitionJob;
import io.lakeshift.source.InventoryManifest;
import io.lakeshift.source.ListedSource;
import io.lakeshift.source.Source;
import io.lakeshift.source.Sources;
import java.io.PrintStream;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.apache.spark.SparkConf;
import scala.Tuple2;

/** The run's distributed parts on Spark: one task per partition, progress from the executors' heartbeats. */
final class SparkCluster implements Cluster {
    private final SparkSession spark;
    private final JavaSparkContext jsc;
    private final String group;
    private final PrintStream out;
    /**
     * --inventory or --files-from-lookup: the source {@link #listed} made, and its files as the executors read the
     * report or look the paths up.
     */
    private Source unlistedSource;
    private ClusterFiles unlistedFiles;
    /** --files-from-lookup: the distinct paths it names, counted on the executors; null for an inventory. */
    private NamedCount unlistedNamed;

    SparkCluster(SparkSession spark, String runId, PrintStream out) {
        this.spark = spark;
        this.jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        this.group = "lakeshift-" + runId;
        this.out = out;
    }

    @Override
    public int parallelism() {
        return jsc.defaultParallelism();
    }

    @Override
    public Map<String, String> hadoopProperties() {
        return hadoopProperties(jsc.getConf());
    }

    /** A Spark configuration's {@code spark.hadoop.*} settings, without the prefix. */
    static Map<String, String> hadoopProperties(SparkConf conf) {
        Map<String, String> props = new HashMap<>();
        for (Tuple2<String, String> kv : conf.getAllWithPrefix("spark.hadoop.")) {
            props.put(kv._1(), kv._2());
        }
        return props;
    }

    /**
     * --inventory: the report's rows read on the executors ({@link InventoryReader}); --files-from-lookup: the
     * named paths looked up on the executors ({@link PathLookup}). Either way no listing of the source.
     */
    @Override
    public Source listed(MigrationConfig config, Source source) throws IOException {
        String inventory = config.sources().inventory();
        if (inventory != null) {
            Map<String, String> props = Sources.hadoopProperties(inventory, config.sources(), config.oci(),
                    hadoopProperties());
            InventoryManifest manifest = InventoryManifest.read(inventory, props);
            out.printf("lakeshift: the files of %s come from the %s inventory %s (%s, %d report file(s)); the source"
                    + " is not listed%n", source.root(), manifest.kind() == InventoryManifest.Kind.S3 ? "S3" : "Azure",
                    inventory, manifest.format(), manifest.files().size());
            unlistedSource = new ListedSource(source, sink -> InventoryReader.forEach(spark, manifest, inventory,
                    source.root(), props, sink), "the inventory is older than the source");
            unlistedFiles = keeper -> InventoryReader.files(spark, manifest, source.root(), props);
            return unlistedSource;
        }
        if (config.sources().filesFromLookup()) {
            String files = config.filters().filesFrom();
            Map<String, String> props = Sources.hadoopProperties(files, config.sources(), config.oci(),
                    hadoopProperties());
            unlistedSource = new ListedSource(source, sink -> PathLookup.forEach(spark, source, files, props, sink,
                    out), "it changed after --files-from-lookup found it");
            unlistedFiles = keeper -> PathLookup.files(spark, source, files, props, out, keeper);
            unlistedNamed = () -> PathLookup.count(spark, source, files, props);
            return unlistedSource;
        }
        return source;
    }

    @Override
    public <T extends Serializable> List<T> run(Work work, PartitionJob<T> job) {
        return tracked(work, (files, bytes) -> jsc.parallelize(work.partitions(),
                        Math.max(1, work.partitions().size()))
                .mapPartitionsWithIndex(new PartitionTask<>(job, files, bytes), false)
                .collect());
    }

    @Override
    public boolean plansDistributed() {
        return true;
    }

    @Override
    public boolean listsOnCluster(Source source) {
        return source != null && source == unlistedSource;
    }

    @Override
    public long namedFiles(Source source) throws IOException {
        return listsOnCluster(source) && unlistedNamed != null ? unlistedNamed.count() : -1;
    }

    /** A count on the executors that fails as the source's reading fails. */
    private interface NamedCount {
        long count() throws IOException;
    }

    /**
     * The files of {@code source} read on the executors ({@link #listsOnCluster}), or null: list it.
     *
     * @param keeper persists what the reading keeps, for the plan to release
     */
    JavaRDD<SourceFile> filesOnCluster(Source source, DistributedPlanner.Keeper keeper) throws IOException {
        return listsOnCluster(source) ? unlistedFiles.get(keeper) : null;
    }

    @Override
    public Optional<ClusterPlan> plan(PlanRequest request, java.io.PrintStream out) throws IOException {
        jsc.setJobGroup(group, "lakeshift: plan on the cluster", false);
        try {
            return new DistributedPlanner(jsc, this, out).plan(request);
        } finally {
            jsc.clearJobGroup();
        }
    }

    /** Runs {@code job} on each partition of rows a distributed plan dealt ({@link SparkPlan}). */
    <T extends Serializable> List<T> runRows(JavaRDD<PlannedFile> rows, Work work, PartitionJob<T> job) {
        return tracked(work, (files, bytes) -> rows
                .mapPartitionsWithIndex(new RowTask<>(job, files, bytes), false)
                .collect());
    }

    /** The tasks Spark runs, with the progress line from the executors' heartbeats. */
    private interface Tasks<T> {
        List<T> run(LongAccumulator files, LongAccumulator bytes);
    }

    private <T> List<T> tracked(Work work, Tasks<T> tasks) {
        LongAccumulator files = jsc.sc().longAccumulator("lakeshift files done");
        LongAccumulator bytes = jsc.sc().longAccumulator("lakeshift bytes done");
        ProgressTracker progress = new ProgressTracker(files, bytes, work.files(), work.bytes(), out);
        jsc.sc().addSparkListener(progress);
        progress.start(work.progressIntervalSeconds());
        try {
            jsc.setJobGroup(group, work.description(), false);
            return tasks.run(files, bytes);
        } finally {
            progress.close();
            jsc.sc().removeSparkListener(progress);
            jsc.clearJobGroup();
        }
    }

    /** How the executors read the files of a source that is not listed. */
    private interface ClusterFiles {
        JavaRDD<SourceFile> get(DistributedPlanner.Keeper keeper) throws IOException;
    }
}
