package io.lakeshift.job;

import io.lakeshift.run.JobException;
import io.lakeshift.oci.OciTargetCheck;
import io.lakeshift.run.PlanText;
import io.lakeshift.run.RunHistory;
import io.lakeshift.run.SourceReadCheck;

import io.lakeshift.run.Overlap;

import io.lakeshift.config.MigrationConfig;
import io.lakeshift.config.Mode;
import io.lakeshift.secrets.Secrets;
import io.lakeshift.log.LogFormat;
import io.lakeshift.log.LogStore;
import io.lakeshift.log.PlanReport;
import io.lakeshift.log.LogStores;
import io.lakeshift.log.LogTimes;
import io.lakeshift.log.RunSummary;
import io.lakeshift.log.RunTotals;
import io.lakeshift.model.ByteSize;
import io.lakeshift.model.HadoopLocation;
import io.lakeshift.model.OciLocation;
import io.lakeshift.model.TargetLocation;
import io.lakeshift.model.TargetObject;
import io.lakeshift.plan.Action;
import io.lakeshift.plan.CopyRecord;
import io.lakeshift.plan.Filters;
import io.lakeshift.plan.Plan;
import io.lakeshift.plan.Planner;
import io.lakeshift.plan.PlannedFile;
import io.lakeshift.plan.SkipRules;
import io.lakeshift.oci.OciClients;
import io.lakeshift.oci.OciErrors;
import io.lakeshift.target.HadoopTarget;
import io.lakeshift.target.OciTarget;
import io.lakeshift.target.Target;
import io.lakeshift.source.Manifest;
import io.lakeshift.source.Source;
import io.lakeshift.source.Sources;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

    /** Runs the migration (or, with --dry-run, plans it); returns the summary also written to the log. */
    public RunSummary run(MigrationConfig config) throws IOException {
        Instant start = Instant.now();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Map<String, String> hadoop = hadoopProperties(jsc);
        jsc.setJobGroup("lakeshift-" + config.runId(), "lakeshift: plan " + config.source(), false);

        Secrets.registerSecretKeys(hadoop.entrySet());
        out.println("lakeshift: " + Secrets.redact(settingsLine(config)));
        TargetLocation location = checkTarget(config);
        String logRoot = logRoot(config, location);
        Overlap.check(config.source(), location, logRoot);
        // The target's and the log's settings: Spark's, plus --s3-* for s3a:// (the source adds its own).
        Map<String, String> stores = Sources.hadoopProperties(location.toString(), config.sources(), config.oci(),
                hadoop);
        Target target = location instanceof OciLocation oci ? new OciTarget(oci, config.oci())
                : HadoopTarget.of((HadoopLocation) location, stores, config.transfer());
        Map<String, TargetObject> targets = target.objects(); // first: a Hadoop target is checked by it
        String runFolder = LogFormat.runFolder(config.runId());
        String logLocation = logRoot + runFolder;
        LogStore history = LogStores.open(logRoot, config.oci(), stores);
        Map<String, CopyRecord> records = RunHistory.load(history);
        RunHistory.clear(history, runFolder);

        Source source = Sources.open(config.source(), config.sources(), config.oci(), hadoop);
        String files = config.filters().filesFrom();
        Filters filters = new Filters(config.filters(), files == null ? null : Manifest.read(files, hadoop));
        out.println("lakeshift: run " + config.runId() + ": listing " + config.source());
        Planner planner = new Planner(location, new SkipRules(config.skip()), filters, targets, records,
                config.overwrite(), config.mode(), protectedPrefix(logRoot, location));
        source.list(planner::add);
        Plan plan = planner.finish(config.partitions(), jsc.defaultParallelism());
        out.printf("lakeshift: %,d files, %s in the source (%,d bookkeeping files skipped); %,d to copy, %,d to"
                        + " check, %,d equal, %,d excluded, %,d to delete; listed and compared in %.1fs%n",
                plan.fileCount(), ByteSize.format(plan.totalBytes()), plan.skipped(),
                plan.count(Action.COPY_NEW) + plan.count(Action.COPY_UPDATE), plan.count(Action.CHECK),
                plan.count(Action.SKIP_EQUAL), plan.count(Action.EXCLUDE), plan.count(Action.DELETE), seconds(start));
        if (plan.fileCount() == 0) {
            throw new JobException("source " + config.source() + " holds no files to migrate"
                    + (plan.skipped() > 0 ? " (" + plan.skipped() + " bookkeeping files skipped, see --skip)" : "")
                    + "; check --source");
        }
        if (config.mode() == Mode.SYNC && plan.count(Action.DELETE) > config.maxDelete()) {
            throw new JobException("sync would delete " + plan.count(Action.DELETE) + " objects below " + location
                    + ", more than --max-delete " + config.maxDelete() + "; nothing was changed. Check --source and"
                    + " --target, or raise --max-delete");
        }

        SourceReadCheck.run(source, plan, config.dryRun());
        long aborted = 0;
        if (!config.dryRun()) {
            writeStarted(LogStores.open(logLocation, config.oci(), stores), config, location);
            aborted = target.abortLeftovers(start.toEpochMilli());
            if (aborted > 0) {
                out.printf("lakeshift: aborted %d unfinished multipart upload(s) left below %s by an earlier run%n",
                        aborted, location);
            }
        }
        RunTotals totals = execute(jsc, config, source, target, logLocation, stores, plan, start);
        if (!config.dryRun()) {
            // Tasks Spark ran again after a lost executor may have left uploads no one will finish.
            aborted += target.abortLeftovers(System.currentTimeMillis());
        }
        LogStore log = LogStores.open(logLocation, config.oci(), stores);
        if (config.dryRun()) {
            PlanReport report = planReport(config, location, logLocation, plan, totals);
            log.write(LogFormat.PLAN, LogFormat.pretty(report));
            out.print(PlanText.of(report));
        }
        RunSummary summary = summary(config, location, logLocation, plan, totals, start, aborted);
        if (!config.dryRun()) {
            log.write(LogFormat.SUMMARY, LogFormat.summary(summary));
        }
        return summary;
    }

    /** The settings a person checks at the start of a run; secrets never appear (masked again by the caller). */
    static String settingsLine(MigrationConfig c) {
        return String.format("settings: mode=%s overwrite=%s dry-run=%s oci-auth=%s oci-profile=%s oci-endpoint=%s"
                        + " multipart-threshold=%s part-size=%s parallel-parts=%d parallel-files=%d partitions=%s"
                        + " verify=%s parquet-check=%s max-attempts=%d", c.mode().name().toLowerCase(),
                c.overwrite().name().toLowerCase(), c.dryRun(), c.oci().auth().name().toLowerCase(),
                c.oci().profile(), c.oci().endpoint() == null ? "(region)" : c.oci().endpoint(),
                ByteSize.format(c.transfer().multipartThreshold()), ByteSize.format(c.transfer().partSize()),
                c.transfer().parallelParts(), c.transfer().parallelFiles(),
                c.partitions() == 0 ? "auto" : String.valueOf(c.partitions()),
                c.transfer().verify(), c.transfer().parquetCheck().name().toLowerCase(), c.transfer().maxAttempts());
    }

    /** Marks the run as started, and proves before any copy that the log location can be written. */
    private static void writeStarted(LogStore log, MigrationConfig config, TargetLocation target) {
        Map<String, String> started = new TreeMap<>();
        started.put("run_id", config.runId());
        started.put("run_date", LogTimes.date(Instant.now()));
        started.put("source", config.source());
        started.put("target", target.toString());
        started.put("settings", Secrets.redact(settingsLine(config)));
        try {
            log.write(LogFormat.STARTED, LogFormat.pretty(started));
        } catch (IOException e) {
            throw new JobException("cannot write the migration log to " + log.location() + ": "
                    + OciErrors.describe(e) + "; fix the permissions or choose another --log", e);
        }
    }

    /**
     * For an OCI target: signs in and reads the target bucket, filling in the namespace if the target left it out.
     * A Hadoop target is checked by its first listing, with the run's Hadoop settings.
     *
     * @throws JobException naming the profile, bucket or setting at fault
     */
    public static TargetLocation checkTarget(MigrationConfig config) {
        return config.target() instanceof OciLocation oci
                ? OciTargetCheck.resolve(OciClients.get(config.oci()), config.oci(), oci)
                : config.target();
    }

    private RunTotals execute(JavaSparkContext jsc, MigrationConfig config, Source source, Target target,
            String logLocation, Map<String, String> hadoop, Plan plan, Instant start) {
        LongAccumulator files = jsc.sc().longAccumulator("lakeshift files done");
        LongAccumulator bytes = jsc.sc().longAccumulator("lakeshift bytes done");
        long work = plan.partitions().stream().mapToLong(List::size).sum();
        ProgressTracker progress = new ProgressTracker(files, bytes, work, plan.bytesToSend(), out);
        jsc.sc().addSparkListener(progress);
        progress.start(config.progressIntervalSeconds());
        try {
            jsc.setJobGroup("lakeshift-" + config.runId(), String.format("lakeshift: %s %,d files (%s to send) to %s",
                    config.dryRun() ? "plan" : config.mode().name().toLowerCase(), work,
                    ByteSize.format(plan.bytesToSend()), target.location()), false);
            List<List<PlannedFile>> partitions = plan.partitions();
            PartitionTask task = new PartitionTask(source, target, config, logLocation, hadoop, start, files, bytes);
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

    private static PlanReport planReport(MigrationConfig config, TargetLocation target, String logLocation, Plan plan,
            RunTotals totals) {
        Map<String, Long> bytes = new TreeMap<>();
        plan.byAction().forEach((a, c) -> bytes.put(a.name().toLowerCase(), c[1]));
        long estimate = plan.bytesToSend() / Math.max(1, config.estimateRate());
        return new PlanReport(config.runId(), config.source(), target.toString(), logLocation, totals.planned(),
                bytes, plan.bytesToSend(), estimate, config.estimateRate(),
                plan.largest().stream().map(f -> new PlanReport.Item(f.relativePath(), f.sourceSize())).toList(),
                plan.skipped());
    }

    private static RunSummary summary(MigrationConfig config, TargetLocation target, String logLocation, Plan plan,
            RunTotals totals, Instant start, long aborted) {
        Instant end = Instant.now();
        double seconds = Math.max(0.001, Duration.between(start, end).toMillis() / 1000.0);
        return new RunSummary(config.runId(), config.source(), target.toString(), logLocation,
                LogTimes.date(start), LogTimes.date(end), seconds, plan.fileCount(), plan.totalBytes(),
                totals.files(), totals.bytes(), totals.bytesSent(), (long) (totals.bytesSent() / seconds),
                plan.skipped(), plan.partitions().size(), totals.failures(), totals.failureCount(), aborted);
    }

    /**
     * The log root, where every run has its folder: --log, or {@value #DEFAULT_LOG_PREFIX} in the target bucket
     * (OCI) or below the target folder (Hadoop).
     */
    public static String logRoot(MigrationConfig config, TargetLocation target) {
        return logRoot(config.log(), target);
    }

    /** The log root for a --log value (null for the default) and a target (null if only --log is known). */
    public static String logRoot(String log, TargetLocation target) {
        if (log == null) {
            return target instanceof OciLocation oci
                    ? new OciLocation(oci.bucket(), oci.namespace(), DEFAULT_LOG_PREFIX).toString()
                    : target + DEFAULT_LOG_PREFIX;
        }
        if (log.startsWith("oci://")) {
            OciLocation l = OciLocation.parse(log);
            if (l.namespace() == null && target instanceof OciLocation oci) {
                l = l.withNamespace(oci.namespace());
            }
            return l.toString();
        }
        return log.endsWith("/") ? log : log + "/";
    }

    /** Object names in the target that belong to the log, which sync must never delete. */
    static String protectedPrefix(String logRoot, TargetLocation target) {
        if (target instanceof HadoopLocation h) {
            return logRoot.startsWith(h.root()) ? logRoot.substring(h.root().length()) : null;
        }
        if (!logRoot.startsWith("oci://")) {
            return null;
        }
        OciLocation log = OciLocation.parse(logRoot);
        return log.bucket().equals(((OciLocation) target).bucket()) ? log.prefix() : null;
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
