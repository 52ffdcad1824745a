package io.lakeshift.run;

import io.lakeshift.config.CheckConfig;
import io.lakeshift.config.MigrationConfig;
import io.lakeshift.config.Mode;
import io.lakeshift.config.Overwrite;
import io.lakeshift.io.Errors;
import io.lakeshift.io.Retry;
import io.lakeshift.log.CheckLog;
import io.lakeshift.log.CheckResult;
import io.lakeshift.log.CheckSummary;
import io.lakeshift.log.CheckTotals;
import io.lakeshift.log.LogFormat;
import io.lakeshift.log.LogRoots;
import io.lakeshift.log.LogStore;
import io.lakeshift.log.LogStores;
import io.lakeshift.log.LogTimes;
import io.lakeshift.model.ByteSize;
import io.lakeshift.model.TargetLocation;
import io.lakeshift.model.TargetObject;
import io.lakeshift.plan.Action;
import io.lakeshift.plan.Filters;
import io.lakeshift.plan.Plan;
import io.lakeshift.plan.Planner;
import io.lakeshift.plan.SkipRules;
import io.lakeshift.secrets.Secrets;
import io.lakeshift.source.Manifest;
import io.lakeshift.source.Source;
import io.lakeshift.source.Sources;
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
 * {@code lakeshift check}, as the driver sees it: the target checked and listed, the source listed into the
 * migration's {@link Planner} (the same skip rules, filters, names and target listing; compared as sync would, so
 * the objects no source file names are found as well), the comparisons on the cluster, the summary. It changes
 * nothing but its own folder of the log. No Spark here: the comparisons run through a {@link Cluster}.
 */
public final class CheckRun {
    private final Cluster cluster;
    private final PrintStream out;

    public CheckRun(Cluster cluster, PrintStream out) {
        this.cluster = cluster;
        this.out = out;
    }

    public CheckSummary run(CheckConfig check) throws IOException {
        return run(check, MigrationRun.checkTarget(check.run(), Retry.attempts(check.run().maxAttempts())));
    }

    /** The same, with the target already checked and resolved ({@link MigrationRun#checkTarget}). */
    public CheckSummary run(CheckConfig check, TargetLocation location) throws IOException {
        MigrationConfig config = check.run();
        Instant start = Instant.now();
        Map<String, String> hadoop = cluster.hadoopProperties();
        Secrets.registerSecretKeys(hadoop.entrySet());
        Retry retry = Retry.attempts(config.maxAttempts());

        String logRoot = LogRoots.of(config.log(), location);
        Overlap.check(config.source(), location, logRoot);
        Map<String, String> stores = Sources.hadoopProperties(location.toString(), config.sources(), config.oci(),
                hadoop);
        Target target = Targets.open(location, config.oci(), stores, config.transfer(), retry);
        Map<String, TargetObject> targets = target.objects();
        String logLocation = logRoot + CheckLog.folder(config.runId());
        start(LogStores.open(logLocation, config.oci(), stores, retry), check, location);

        Source source = cluster.listed(config, Sources.open(config.source(), config.sources(), config.oci(), hadoop));
        Plan plan = plan(config, source, location, targets, logRoot, hadoop);
        long files = plan.partitions().stream().mapToLong(List::size).sum() - plan.count(Action.EXCLUDE);
        String description = String.format("lakeshift: check %,d files and objects against %s", files, location);
        CheckTotals totals = new CheckTotals();
        cluster.run(new Cluster.Work(description, plan.partitions(), files, plan.bytes(Action.CHECK),
                config.progressIntervalSeconds()), new CheckPartition(source, target, check, logLocation, stores))
                .forEach(totals::merge);

        CheckSummary summary = summary(config, location, logLocation, plan, totals, start);
        LogStores.open(logLocation, config.oci(), stores, retry).write(LogFormat.SUMMARY, CheckLog.summary(summary));
        return summary;
    }

    /** Clears what an earlier check of this id left, and proves the log can be written before any work. */
    private static void start(LogStore log, CheckConfig check, TargetLocation target) {
        Map<String, String> started = new TreeMap<>();
        started.put("run_id", check.run().runId());
        started.put("run_date", LogTimes.date(Instant.now()));
        started.put("source", check.run().source());
        started.put("target", target.toString());
        started.put("download", Boolean.toString(check.download()));
        try {
            for (LogStore.Entry e : log.list("")) {
                log.delete(e.name());
            }
            log.write(LogFormat.STARTED, LogFormat.pretty(started));
        } catch (IOException e) {
            throw new JobException("cannot write the check's lists to " + log.location() + ": "
                    + Errors.oneLine(e) + "; fix the permissions or choose another --log", e);
        }
    }

    /** The migration's plan, decided as sync with no history: new = missing, update = size differs, delete = extra. */
    private Plan plan(MigrationConfig config, Source source, TargetLocation location, Map<String, TargetObject> targets,
            String logRoot, Map<String, String> hadoop) throws IOException {
        Instant start = Instant.now();
        String filesFrom = config.filters().filesFrom();
        Filters filters = new Filters(config.filters(), filesFrom == null ? null : Manifest.read(filesFrom, hadoop));
        out.println("lakeshift: check " + config.runId() + ": listing " + config.source() + " and " + location);
        Planner planner = new Planner(location, new SkipRules(config.skip()), filters, targets, Map.of(),
                Overwrite.CHANGED, Mode.SYNC, location.nameInStore(logRoot));
        source.list(planner::add);
        Plan plan = planner.finish(config.partitions(), cluster.parallelism());
        out.printf("lakeshift: %,d files, %s in the source (%,d bookkeeping files skipped, %,d excluded); %,d missing,"
                        + " %,d of another size, %,d to compare, %,d extra; listed in %.1fs%n", plan.fileCount(),
                ByteSize.format(plan.totalBytes()), plan.skipped(), plan.count(Action.EXCLUDE),
                plan.count(Action.COPY_NEW), plan.count(Action.COPY_UPDATE), plan.count(Action.CHECK),
                plan.count(Action.DELETE), Duration.between(start, Instant.now()).toMillis() / 1000.0);
        return plan;
    }

    private static CheckSummary summary(MigrationConfig config, TargetLocation target, String logLocation, Plan plan,
            CheckTotals totals, Instant start) {
        Instant end = Instant.now();
        boolean allMatch = totals.files().keySet().stream().allMatch(CheckResult.MATCH.label()::equals);
        return new CheckSummary(config.runId(), config.source(), target.toString(), logLocation,
                LogTimes.date(start), LogTimes.date(end), Duration.between(start, end).toMillis() / 1000.0,
                totals.files(), totals.bytes(), totals.matchedBy(), totals.bytesRead(), plan.skipped(), allMatch,
                totals.examples());
    }
}
