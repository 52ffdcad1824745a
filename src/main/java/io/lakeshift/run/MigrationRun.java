package io.lakeshift.run;

import io.lakeshift.config.MigrationConfig;
import io.lakeshift.config.Mode;
import io.lakeshift.io.Errors;
import io.lakeshift.io.Retry;
import io.lakeshift.io.StorageException;
import io.lakeshift.log.LogFormat;
import io.lakeshift.log.LogRoots;
import io.lakeshift.log.LogStore;
import io.lakeshift.log.LogStores;
import io.lakeshift.log.LogTimes;
import io.lakeshift.log.PlanReport;
import io.lakeshift.log.RunSummary;
import io.lakeshift.log.RunTotals;
import io.lakeshift.log.TableSummary;
import io.lakeshift.model.ByteSize;
import io.lakeshift.model.TargetLocation;
import io.lakeshift.model.TargetObject;
import io.lakeshift.plan.Action;
import io.lakeshift.plan.CopyRecord;
import io.lakeshift.plan.FileRoles;
import io.lakeshift.plan.Filters;
import io.lakeshift.plan.Plan;
import io.lakeshift.plan.Planner;
import io.lakeshift.plan.PlannedFile;
import io.lakeshift.plan.SkipRules;
import io.lakeshift.secrets.Secrets;
import io.lakeshift.source.Manifest;
import io.lakeshift.source.Source;
import io.lakeshift.source.Sources;
import io.lakeshift.table.LakeTables;
import io.lakeshift.table.TableException;
import io.lakeshift.table.TableReader;
import io.lakeshift.target.Target;
import io.lakeshift.target.Targets;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One migration run, as the driver sees it: check the target, open the stores, read the history, plan, check the
 * plan, prepare, copy on the cluster, clean up, report. No Spark here: the copy runs through a {@link Cluster}.
 */
public final class MigrationRun {
    private final Cluster cluster;
    private final TableReader tableReader;
    private final PrintStream out;

    public MigrationRun(Cluster cluster, PrintStream out) {
        this(cluster, TableReader.NONE, out);
    }

    /** @param tableReader reads Delta tables' versions with Delta's library (Spark: {@code job}) */
    public MigrationRun(Cluster cluster, TableReader tableReader, PrintStream out) {
        this.cluster = cluster;
        this.tableReader = tableReader;
        this.out = out;
    }

    /** Runs the migration (or, with --dry-run, plans it); returns the summary also written to the log. */
    public RunSummary run(MigrationConfig config) throws IOException {
        Instant start = Instant.now();
        Map<String, String> hadoop = cluster.hadoopProperties();
        Secrets.registerSecretKeys(hadoop.entrySet());
        out.println("lakeshift: " + Secrets.redact(Settings.line(config)));
        Retry retry = Retry.attempts(config.transfer().maxAttempts());

        TargetLocation location = checkTarget(config, retry);
        String logRoot = LogRoots.of(config.log(), location);
        Overlap.check(config.source(), location, logRoot);
        // The target's and the log's settings: Spark's, plus --s3-* for s3a:// (the source adds its own).
        Map<String, String> stores = Sources.hadoopProperties(location.toString(), config.sources(), config.oci(),
                hadoop);
        Target target = Targets.open(location, config.oci(), stores, config.transfer(), retry);
        Map<String, TargetObject> targets = target.objects(); // first: a Hadoop target is checked by it
        String logLocation = logRoot + LogFormat.runFolder(config.runId());
        Map<String, CopyRecord> records = history(config, logRoot, stores, retry);

        Source source = Sources.open(config.source(), config.sources(), config.oci(), hadoop);
        LakeTables tables = new LakeTables(config.tables());
        Plan plan = plan(config, source, location, targets, records, logRoot, hadoop, tables);
        checkPlan(config, plan, location);
        SourceReadCheck.run(source, plan, config.dryRun());

        long aborted = config.dryRun() ? 0 : prepare(config, target, location, logLocation, stores, retry, start);
        RunTotals totals = copy(config, source, target, logLocation, stores, plan, start);
        totals.merge(copyLast(config, source, target, logLocation, stores, plan, start, totals));
        if (!config.dryRun()) {
            // Tasks run again after a lost executor may have left uploads no one will finish.
            aborted += target.abortLeftovers(System.currentTimeMillis());
        }
        return report(config, location, logLocation, stores, retry, plan, totals, start, aborted,
                tables.summaries());
    }

    /** Credentials and bucket; run by the CLI before Spark takes seconds to start, and again here. */
    public static TargetLocation checkTarget(MigrationConfig config, Retry retry) {
        try {
            return Targets.resolve(config.target(), config.oci(), retry);
        } catch (StorageException e) {
            throw new JobException(e.getMessage(), e);
        }
    }

    /** The latest finished run's records (and those of later crashed runs); this run's folder is cleared. */
    private static Map<String, CopyRecord> history(MigrationConfig config, String logRoot, Map<String, String> stores,
            Retry retry) throws IOException {
        LogStore history = LogStores.open(logRoot, config.oci(), stores, retry);
        Map<String, CopyRecord> records = RunHistory.load(history);
        RunHistory.clear(history, LogFormat.runFolder(config.runId()));
        return records;
    }

    private Plan plan(MigrationConfig config, Source source, TargetLocation location, Map<String, TargetObject> targets,
            Map<String, CopyRecord> records, String logRoot, Map<String, String> hadoop, LakeTables tables)
            throws IOException {
        Instant start = Instant.now();
        String files = config.filters().filesFrom();
        Filters filters = new Filters(config.filters(), files == null ? null : Manifest.read(files, hadoop));
        out.println("lakeshift: run " + config.runId() + ": listing " + config.source());
        Planner planner = new Planner(location, new SkipRules(config.skip()), filters, targets, records,
                config.overwrite(), config.mode(), location.nameInStore(logRoot));
        source.list(f -> {
            tables.see(f.relativePath());
            planner.add(f);
        });
        FileRoles roles;
        try {
            roles = tables.roles(tableReader, config.source(),
                    Sources.hadoopProperties(config.source(), config.sources(), config.oci(), hadoop));
        } catch (TableException e) {
            throw new JobException(e.getMessage(), e);
        }
        Plan plan = planner.finish(config.partitions(), cluster.parallelism(), roles);
        try {
            tables.checkComplete();
        } catch (TableException e) {
            throw new JobException(e.getMessage(), e);
        }
        out.printf("lakeshift: %,d files, %s in the source (%,d bookkeeping files skipped); %,d to copy, %,d to"
                        + " check, %,d equal, %,d excluded, %,d to delete; listed and compared in %.1fs%n",
                plan.fileCount(), ByteSize.format(plan.totalBytes()), plan.skipped(),
                plan.count(Action.COPY_NEW) + plan.count(Action.COPY_UPDATE), plan.count(Action.CHECK),
                plan.count(Action.SKIP_EQUAL), plan.count(Action.EXCLUDE), plan.count(Action.DELETE), seconds(start));
        tables.summaries().forEach(t -> out.println("lakeshift: table " + t.line()));
        return plan;
    }

    /** Refuses a plan that is surely a mistake: nothing to migrate, or more deletes than --max-delete. */
    static void checkPlan(MigrationConfig config, Plan plan, TargetLocation location) {
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
    }

    /** Marks the run as started (proving the log can be written) and aborts what earlier runs left unfinished. */
    private long prepare(MigrationConfig config, Target target, TargetLocation location, String logLocation,
            Map<String, String> stores, Retry retry, Instant start) throws IOException {
        writeStarted(LogStores.open(logLocation, config.oci(), stores, retry), config, location);
        long aborted = target.abortLeftovers(start.toEpochMilli());
        if (aborted > 0) {
            out.printf("lakeshift: aborted %d unfinished multipart upload(s) left below %s by an earlier run%n",
                    aborted, location);
        }
        return aborted;
    }

    private static void writeStarted(LogStore log, MigrationConfig config, TargetLocation target) {
        Map<String, String> started = new TreeMap<>();
        started.put("run_id", config.runId());
        started.put("run_date", LogTimes.date(Instant.now()));
        started.put("source", config.source());
        started.put("target", target.toString());
        started.put("settings", Secrets.redact(Settings.line(config)));
        try {
            log.write(LogFormat.STARTED, LogFormat.pretty(started));
        } catch (IOException e) {
            throw new JobException("cannot write the migration log to " + log.location() + ": "
                    + Errors.oneLine(e) + "; fix the permissions or choose another --log", e);
        }
    }

    private RunTotals copy(MigrationConfig config, Source source, Target target, String logLocation,
            Map<String, String> stores, Plan plan, Instant start) {
        List<List<PlannedFile>> partitions = plan.partitions();
        long files = partitions.stream().mapToLong(List::size).sum();
        String description = String.format("lakeshift: %s %,d files (%s to send) to %s",
                config.dryRun() ? "plan" : config.mode().name().toLowerCase(), files,
                ByteSize.format(plan.bytesToSend()), target.location());
        PartitionRun job = new PartitionRun(source, target, config, logLocation, stores, start);
        RunTotals totals = new RunTotals();
        cluster.run(new Cluster.Work(description, partitions, files, plan.bytesToSend(),
                config.progressIntervalSeconds()), job).forEach(totals::merge);
        return totals;
    }

    /**
     * The second phase: tables' logs, only once every file of the first has succeeded, so the target never holds
     * a version whose files are missing. After a failure they are logged as excluded, and not copied.
     */
    private RunTotals copyLast(MigrationConfig config, Source source, Target target, String logLocation,
            Map<String, String> stores, Plan plan, Instant start, RunTotals first) {
        if (plan.last().isEmpty()) {
            return new RunTotals();
        }
        List<List<PlannedFile>> last = plan.last();
        if (first.failureCount() > 0) {
            last = last.stream().map(p -> p.stream().map(MigrationRun::heldBack).toList()).toList();
        }
        long files = last.stream().mapToLong(List::size).sum();
        long bytes = last.stream().flatMap(List::stream).filter(f -> f.action().sendsBytes())
                .mapToLong(PlannedFile::sourceSize).sum();
        String description = String.format("lakeshift: tables' logs, %,d files, to %s", files, target.location());
        PartitionJob job = new OffsetJob(new PartitionRun(source, target, config, logLocation, stores, start),
                plan.partitions().size());
        RunTotals totals = new RunTotals();
        cluster.run(new Cluster.Work(description, last, files, bytes, config.progressIntervalSeconds()), job)
                .forEach(totals::merge);
        return totals;
    }

    private static PlannedFile heldBack(PlannedFile f) {
        return f.action() == Action.EXCLUDE ? f : new PlannedFile(f.source(), f.objectName(), f.relativePath(),
                Action.EXCLUDE, f.target(), f.recordedMd5(), "table log held back: data files of this run failed");
    }

    /** plan.json for a dry run, summary.json for a real one; the summary either way. */
    private RunSummary report(MigrationConfig config, TargetLocation location, String logLocation,
            Map<String, String> stores, Retry retry, Plan plan, RunTotals totals, Instant start, long aborted,
            List<TableSummary> tables) throws IOException {
        LogStore log = LogStores.open(logLocation, config.oci(), stores, retry);
        if (config.dryRun()) {
            PlanReport report = planReport(config, location, logLocation, plan, totals, tables);
            log.write(LogFormat.PLAN, LogFormat.pretty(report));
            out.print(PlanText.of(report));
        }
        RunSummary summary = summary(config, location, logLocation, plan, totals, start, aborted, tables);
        if (!config.dryRun()) {
            log.write(LogFormat.SUMMARY, LogFormat.summary(summary));
        }
        return summary;
    }

    private static PlanReport planReport(MigrationConfig config, TargetLocation target, String logLocation, Plan plan,
            RunTotals totals, List<TableSummary> tables) {
        Map<String, Long> bytes = new TreeMap<>();
        plan.byAction().forEach((a, c) -> bytes.put(a.name().toLowerCase(), c[1]));
        long estimate = plan.bytesToSend() / Math.max(1, config.estimateRate());
        return new PlanReport(config.runId(), config.source(), target.toString(), logLocation, totals.planned(),
                bytes, plan.bytesToSend(), estimate, config.estimateRate(),
                plan.largest().stream().map(f -> new PlanReport.Item(f.relativePath(), f.sourceSize())).toList(),
                plan.skipped(), tables);
    }

    private static RunSummary summary(MigrationConfig config, TargetLocation target, String logLocation, Plan plan,
            RunTotals totals, Instant start, long aborted, List<TableSummary> tables) {
        Instant end = Instant.now();
        double seconds = Math.max(0.001, Duration.between(start, end).toMillis() / 1000.0);
        return new RunSummary(config.runId(), config.source(), target.toString(), logLocation,
                LogTimes.date(start), LogTimes.date(end), seconds, plan.fileCount(), plan.totalBytes(),
                totals.files(), totals.bytes(), totals.bytesSent(), (long) (totals.bytesSent() / seconds),
                plan.skipped(), plan.partitions().size() + plan.last().size(), totals.failures(),
                totals.failureCount(), aborted, tables);
    }

    private static double seconds(Instant since) {
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }
}
