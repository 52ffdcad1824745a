package io.lakeshift.job;

import io.lakeshift.config.MigrationConfig;
import io.lakeshift.log.LogFormat;
import io.lakeshift.log.LogStores;
import io.lakeshift.log.LogTimes;
import io.lakeshift.log.RunSummary;
import io.lakeshift.log.RunTotals;
import io.lakeshift.model.ByteSize;
import io.lakeshift.model.OciLocation;
import io.lakeshift.plan.Plan;
import io.lakeshift.plan.Planner;
import io.lakeshift.plan.PlannedFile;
import io.lakeshift.plan.SkipRules;
import io.lakeshift.sink.OciClients;
import io.lakeshift.source.Source;
import io.lakeshift.source.Sources;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import scala.Tuple2;

/**
 * One migration run: list and plan on the driver, copy on the executors, write the log and the summary.
 * The only place lakeshift talks to Spark.
 */
public final class MigrationJob {
    /** Where the log goes when --log is not given: this prefix in the target bucket. */
    public static final String DEFAULT_LOG_PREFIX = "_lakeshift/logs/";

    private final SparkSession spark;
    private final PrintStream out;

    public MigrationJob(SparkSession spark, PrintStream out) {
        this.spark = spark;
        this.out = out;
    }

    public RunSummary run(MigrationConfig config) throws IOException {
        Instant start = Instant.now();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Map<String, String> hadoop = hadoopProperties(jsc);

        OciLocation target = checkTarget(config);
        String logLocation = logLocation(config, target);

        Source source = Sources.open(config.source(), config.sources(), config.oci(), hadoop);
        out.println("lakeshift: run " + config.runId() + ": listing " + config.source());
        Planner planner = new Planner(target, new SkipRules(config.skip()));
        jsc.setJobGroup("lakeshift-" + config.runId(), "lakeshift: list " + config.source(), false);
        source.list(planner::add);
        Plan plan = planner.finish(config.partitions(), jsc.defaultParallelism());
        out.printf("lakeshift: %,d files, %s to copy to %s in %d partitions (%,d bookkeeping files skipped),"
                        + " listed in %.1fs%n", plan.fileCount(), ByteSize.format(plan.totalBytes()), target,
                plan.partitions().size(), plan.skipped(), seconds(start));
        if (plan.fileCount() == 0) {
            throw new JobException("source " + config.source() + " holds no files to migrate"
                    + (plan.skipped() > 0 ? " (" + plan.skipped() + " bookkeeping files skipped, see --skip)" : "")
                    + "; check --source");
        }

        RunTotals totals = copy(jsc, config, source, target, logLocation, hadoop, plan, start);

        RunSummary summary = summary(config, target, logLocation, plan, totals, start);
        LogStores.open(logLocation, config.oci(), hadoop).write(LogFormat.SUMMARY, LogFormat.summary(summary));
        return summary;
    }

    /**
     * Signs in to OCI and reads the target bucket, filling in the namespace if the target left it out.
     *
     * @throws JobException naming the profile, bucket or setting at fault
     */
    public static OciLocation checkTarget(MigrationConfig config) {
        return OciTargetCheck.resolve(OciClients.get(config.oci()), config.oci(), config.target());
    }

    private RunTotals copy(JavaSparkContext jsc, MigrationConfig config, Source source, OciLocation target,
            String logLocation, Map<String, String> hadoop, Plan plan, Instant start) {
        LongAccumulator files = jsc.sc().longAccumulator("lakeshift files done");
        LongAccumulator bytes = jsc.sc().longAccumulator("lakeshift bytes done");
        ProgressTracker progress = new ProgressTracker(files, bytes, plan.fileCount(), plan.totalBytes(), out);
        jsc.sc().addSparkListener(progress);
        progress.start(config.progressIntervalSeconds());
        try {
            jsc.setJobGroup("lakeshift-" + config.runId(), String.format("lakeshift: copy %,d files (%s) to %s",
                    plan.fileCount(), ByteSize.format(plan.totalBytes()), target), false);
            List<List<PlannedFile>> partitions = plan.partitions();
            PartitionTask task = new PartitionTask(source, target, config.oci(), config.transfer(), logLocation,
                    hadoop, config.runId(), start, files, bytes);
            List<RunTotals> parts = jsc.parallelize(partitions, partitions.size())
                    .mapPartitionsWithIndex(task, false)
                    .collect();
            RunTotals totals = new RunTotals();
            parts.forEach(totals::merge);
            return totals;
        } finally {
            progress.close();
            jsc.sc().removeSparkListener(progress);
            jsc.clearJobGroup();
        }
    }

    private static RunSummary summary(MigrationConfig config, OciLocation target, String logLocation, Plan plan,
            RunTotals totals, Instant start) {
        Instant end = Instant.now();
        double seconds = Math.max(0.001, Duration.between(start, end).toMillis() / 1000.0);
        return new RunSummary(config.runId(), config.source(), target.toString(), logLocation,
                LogTimes.date(start), LogTimes.date(end), seconds, plan.fileCount(), plan.totalBytes(),
                totals.files(), totals.bytes(), totals.bytesSent(), (long) (totals.bytesSent() / seconds),
                plan.skipped(), plan.partitions().size(), totals.failures(), totals.failureCount());
    }

    /** The run's log folder: below --log, or below {@value #DEFAULT_LOG_PREFIX} in the target bucket. */
    static String logLocation(MigrationConfig config, OciLocation target) {
        String folder = LogFormat.runFolder(config.runId());
        if (config.log() == null) {
            return new OciLocation(target.bucket(), target.namespace(), DEFAULT_LOG_PREFIX).child(folder).toString();
        }
        if (config.log().startsWith("oci://")) {
            OciLocation log = OciLocation.parse(config.log());
            return (log.namespace() == null ? log.withNamespace(target.namespace()) : log).child(folder).toString();
        }
        return config.log().endsWith("/") ? config.log() + folder : config.log() + "/" + folder;
    }

    /** Spark's {@code spark.hadoop.*} settings, which executors apply over Hadoop's defaults when reading. */
    private static Map<String, String> hadoopProperties(JavaSparkContext jsc) {
        Map<String, String> props = new HashMap<>();
        for (Tuple2<String, String> kv : jsc.getConf().getAllWithPrefix("spark.hadoop.")) {
            props.put(kv._1(), kv._2());
        }
        return props;
    }

    private static double seconds(Instant since) {
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }
}
