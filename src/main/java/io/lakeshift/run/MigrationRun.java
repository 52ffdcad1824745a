package io.lakeshift.run;

import io.lakeshift.config.LimitSettings;
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
import io.lakeshift.model.OciLocation;
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
import io.lakeshift.table.TableVerifier;
import io.lakeshift.target.Target;
import io.lakeshift.target.Targets;
import io.lakeshift.transfer.TaskLimits;
import io.lakeshift.oci.OciVault;
import io.lakeshift.secrets.SecretResolver;
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
    /** Below the run's log folder: Iceberg tables' metadata rewritten for the target, copied from there. */
    static final String STAGING = "iceberg-staging/";
    private final Cluster cluster;
    private final TableReader tableReader;
    private final TableVerifier tableVerifier;
    private final PrintStream out;

    public MigrationRun(Cluster cluster, PrintStream out) {
        this(cluster, TableReader.NONE, out);
    }

    /** @param tableReader reads Delta tables' versions with Delta's library (Spark: {@code job}) */
    public MigrationRun(Cluster cluster, TableReader tableReader, PrintStream out) {
        this(cluster, tableReader, TableVerifier.NONE, out);
    }

    /** @param tableVerifier opens each copied table at the target and compares it (Spark: {@code job}) */
    public MigrationRun(Cluster cluster, TableReader tableReader, TableVerifier tableVerifier, PrintStream out) {
        this.cluster = cluster;
        this.tableReader = tableReader;
        this.tableVerifier = tableVerifier;
        this.out = out;
    }

    /** Runs the migration (or, with --dry-run, plans it); returns the summary also written to the log. */
    public RunSummary run(MigrationConfig config) throws IOException {
        return run(config, checkTarget(config, Retry.attempts(config.transfer().maxAttempts())));
    }

    /**
     * The same, with the target {@link #checkTarget} already resolved (the CLI checks it while Spark starts): not
     * asked of the store a second time.
     */
    public RunSummary run(MigrationConfig config, TargetLocation location) throws IOException {
        return run(config, location, SourceOpening.NONE);
    }

    /** The same, with the source opened while Spark started ({@link SourceOpening}). */
    public RunSummary run(MigrationConfig config, TargetLocation location, SourceOpening opening) throws IOException {
        Instant start = Instant.now();
        Map<String, String> hadoop = cluster.hadoopProperties();
        Secrets.registerSecretKeys(hadoop.entrySet());
        out.println("lakeshift: " + Secrets.redact(Settings.line(config)));
        Retry retry = Retry.attempts(config.transfer().maxAttempts());

        String logRoot = LogRoots.of(config.log(), location);
        Overlap.check(config.source(), location, logRoot);
        // The target's and the log's settings: Spark's, plus --s3-* for s3a:// (the source adds its own).
        Map<String, String> stores = Sources.hadoopProperties(location.toString(), config.sources(), config.oci(),
                hadoop);
        Target target = Targets.open(location, config.oci(), stores, config.transfer(), retry, config.objects(),
                new SecretResolver(System.getenv(), new OciVault(config.oci())));
        String logLocation = logRoot + LogFormat.runFolder(config.runId());
        Source source = cluster.listed(config, opening.take(config, hadoop));
        LakeTables tables = new LakeTables(config.tables());
        String staging = logLocation + STAGING;
        PlanningChoice.Choice choice = PlanningChoice.choose(config, cluster, source, out);
        try (ClusterPlan onCluster = choice.distributed()
                ? DistributedPlanning.plan(config, cluster, source, target, location, logRoot, stores, out)
                        .orElse(null)
                : null) {
            Plan plan;
            long targetObjects;
            if (onCluster != null) {
                plan = onCluster.totals();
                targetObjects = onCluster.targetObjects();
            } else {
                Map<String, TargetObject> targets = target.objects(); // first: a Hadoop target is checked by it
                targetObjects = targets.size(); // the planner takes matched ones out
                Map<String, CopyRecord> records = history(config, logRoot, stores, retry);
                plan = plan(config, source, choice, location, targets, records, logRoot, hadoop, tables, staging,
                        stores);
            }
            if (tables.states().stream().anyMatch(s -> !s.staged().isEmpty())) {
                source = new StagedSource(source, Sources.open(staging, config.sources(), config.oci(), stores));
            }
            checkPlan(config, plan, location);
            SourceReadCheck.run(source, onCluster != null ? onCluster.smallestReads(SourceReadCheck.FILES)
                    : SourceReadCheck.smallest(plan), config.dryRun());
            PlanCost.Sizes reads = onCluster != null ? onCluster::foldReads : PlanCost.sizes(PlanCost.toSend(plan));
            PlanCosting costing = config.dryRun() ? costing(config, source, plan, reads, targetObjects) : null;

            if (!config.dryRun()) {
                writeStarted(LogStores.open(logLocation, config.oci(), stores, retry), config, location);
            }
            RunTotals totals = onCluster != null ? copyPlanned(config, source, target, logLocation, stores, plan,
                    onCluster, start) : copy(config, source, target, logLocation, stores, plan, start);
            totals.merge(copyLast(config, source, target, logLocation, stores, plan, start, totals));
            long aborted = config.dryRun() ? 0 : abortLeftovers(target, location);
            int partitions = onCluster != null ? onCluster.partitions()
                    : plan.partitions().size() + plan.last().size();
            Map<String, String> both = new TreeMap<>(Sources.hadoopProperties(config.source(), config.sources(),
                    config.oci(), hadoop));
            both.putAll(stores);
            String incomplete = totals.failureCount() > 0 || totals.notStarted() > 0 ? "files of this run failed or"
                    + " were not started, so the tables' logs may be held back" : null;
            LogStore runLog = LogStores.open(logLocation, config.oci(), stores, retry);
            List<TableSummary> checked = new TableChecks(tableVerifier, out).run(config, tables, location,
                    incomplete, both, runLog, partitions, start);
            if (!config.dryRun()) {
                TableStaging.clean(runLog, staging, incomplete, checked, out);
            }
            return report(config, location, logLocation, stores, retry, plan, totals, start, aborted, costing,
                    checked, partitions);
        }
    }

    /** A dry run's requests, prices and time, with the read-only probe of the source. */
    private record PlanCosting(Map<String, Long> requests, PlanReport.Cost cost, PlanReport.Probe probe,
            long estimatedSeconds) {}

    private PlanCosting costing(MigrationConfig config, Source source, Plan plan, PlanCost.Sizes reads,
            long targetObjects) {
        Map<String, Long> requests = PlanCost.requests(plan, reads, targetObjects,
                new PlanCost.SourceRequests(source.listPageSize(), source::readRequests), config.transfer());
        PlanReport.Cost cost = PlanCost.cost(plan, requests, config.plan());
        PlanReport.Probe probe = null;
        long sourceSeconds = 0;
        if (config.plan().probeFiles() > 0 && plan.bytesToSend() > 0) {
            SourceProbe.Measured m = SourceProbe.run(source, plan, config.plan().probeFiles());
            sourceSeconds = PlanCost.sourceSeconds(reads, m, config.transfer(), cluster.parallelism());
            probe = new PlanReport.Probe(m.files(), m.bytes(), m.firstByteMillis(), m.bytesPerSecond(), sourceSeconds,
                    m.problem());
        }
        return new PlanCosting(requests, cost, probe,
                PlanCost.estimatedSeconds(plan, config.estimateRate(), sourceSeconds));
    }

    /** Credentials and bucket: the target as the run uses it (its namespace found when it was left out). */
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

    private Plan plan(MigrationConfig config, Source source, PlanningChoice.Choice choice, TargetLocation location,
            Map<String, TargetObject> targets, Map<String, CopyRecord> records, String logRoot,
            Map<String, String> hadoop, LakeTables tables, String staging, Map<String, String> stores)
            throws IOException {
        Instant start = Instant.now();
        String files = config.filters().filesFrom();
        Filters filters = new Filters(config.filters(), files == null ? null : Manifest.read(files, hadoop));
        out.println("lakeshift: run " + config.runId() + ": listing " + config.source());
        Planner planner = new Planner(location, new SkipRules(config.skip(), config.keepMarkers()), filters, targets, records,
                config.overwrite(), config.mode(), location.nameInStore(logRoot));
        choice.list(source, f -> {
            tables.see(f.relativePath());
            planner.add(f);
        });
        FileRoles roles;
        try {
            Map<String, String> reach = new TreeMap<>(stores); // the staging folder's settings, then the source's
            reach.putAll(Sources.hadoopProperties(config.source(), config.sources(), config.oci(), hadoop));
            roles = tables.roles(tableReader, config.source(), location.toString(), staging, reach);
        } catch (TableException e) {
            throw new JobException(e.getMessage(), e);
        }
        if (keepsEmptyFolders(config, location)) {
            source.listEmptyFolders(planner::add);
        } else if (config.keepMarkers()) {
            out.println(NO_FOLDER_MARKERS);
        }
        Plan plan = planner.finish(config.partitions(), cluster.parallelism(), roles);
        try {
            tables.checkComplete();
        } catch (TableException e) {
            throw new JobException(e.getMessage(), e);
        }
        printPlan(out, config, plan, start);
        tables.summaries().forEach(t -> out.println("lakeshift: table " + t.line()));
        return plan;
    }

    /** The plan's one line of counts, whichever way it was made. */
    static void printPlan(PrintStream out, MigrationConfig config, Plan plan, Instant start) {
        out.printf("lakeshift: %,d files, %s in the source (%,d bookkeeping files skipped); %,d to copy, %,d to"
                        + " check, %,d equal, %,d excluded, %,d to delete%s; listed and compared in %.1fs%n",
                plan.fileCount(), ByteSize.format(plan.totalBytes()), plan.skipped(),
                plan.count(Action.COPY_NEW) + plan.count(Action.COPY_UPDATE), plan.count(Action.CHECK),
                plan.count(Action.SKIP_EQUAL), plan.count(Action.EXCLUDE), plan.count(Action.DELETE),
                plan.count(Action.ARCHIVED) == 0 ? "" : String.format(", %,d archived (not attempted%s)",
                        plan.count(Action.ARCHIVED), config.plan().restore() && !config.dryRun() ? "; restores asked for" : ""),
                seconds(start));
    }


    /**
     * --keep-markers to OCI: each empty folder becomes a zero-byte object named {@code <folder>/}, as the OCI HDFS
     * connector writes a directory (and S3 consoles a folder), whichever way the run plans. A Hadoop file-system
     * target has real folders and lists only files, so there the markers would be sent again on every run: it
     * keeps the _SUCCESS files only, and the run says so ({@link #NO_FOLDER_MARKERS}).
     */
    static boolean keepsEmptyFolders(MigrationConfig config, TargetLocation location) {
        return config.keepMarkers() && location instanceof OciLocation;
    }

    /** What a run with --keep-markers to a Hadoop file-system target prints, planned on the driver or the cluster. */
    static final String NO_FOLDER_MARKERS = "lakeshift: --keep-markers: empty folders are not kept on a Hadoop"
            + " file-system target (only _SUCCESS files)";

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

    /**
     * Aborts every upload still open below the target once the files are done: what a killed run left and this run
     * did not resume (its file changed, was not copied, or the upload was another tool's), and what tasks lost
     * with an executor left. Not at the start: the tasks resume a killed run's uploads of their files.
     */
    private long abortLeftovers(Target target, TargetLocation location) throws IOException {
        long aborted = target.abortLeftovers(System.currentTimeMillis());
        if (aborted > 0) {
            out.printf("lakeshift: aborted %d unfinished multipart upload(s) left below %s (by an earlier run or a"
                    + " lost task, and not resumed)%n", aborted, location);
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
        RunTotals totals = new RunTotals();
        LimitSettings limits = config.limits();
        long bytesToSend = plan.bytesToSend();
        if (limits.maxTransfer() != null && !config.dryRun()) {
            TransferBudget.Selection kept = TransferBudget.select(partitions, limits.maxTransfer());
            partitions = kept.partitions();
            totals.heldBack(kept.heldBack(), kept.heldBackBytes());
            bytesToSend -= kept.heldBackBytes();
            if (kept.heldBack() > 0) {
                out.printf("lakeshift: --max-transfer %s: %,d files (%s) left for the next run%n",
                        ByteSize.format(limits.maxTransfer()), kept.heldBack(),
                        ByteSize.format(kept.heldBackBytes()));
            }
        }
        long files = partitions.stream().mapToLong(List::size).sum();
        String description = String.format("lakeshift: %s %,d files (%s to send) to %s",
                config.dryRun() ? "plan" : config.mode().name().toLowerCase(), files,
                ByteSize.format(bytesToSend), target.location());
        PartitionRun job = new PartitionRun(source, target, config, logLocation, stores, start,
                taskLimits(config, start, partitions.size()));
        cluster.run(new Cluster.Work(description, partitions, files, bytesToSend,
                config.progressIntervalSeconds()), job).forEach(totals::merge);
        return totals;
    }

    /** The copy of a plan held on the cluster: its partitions as they are (no --max-transfer, see PlanningChoice). */
    private RunTotals copyPlanned(MigrationConfig config, Source source, Target target, String logLocation,
            Map<String, String> stores, Plan plan, ClusterPlan onCluster, Instant start) {
        long files = plan.byAction().values().stream().mapToLong(c -> c[0]).sum();
        String description = String.format("lakeshift: %s %,d files (%s to send) to %s",
                config.dryRun() ? "plan" : config.mode().name().toLowerCase(), files,
                ByteSize.format(plan.bytesToSend()), target.location());
        PartitionRun job = new PartitionRun(source, target, config, logLocation, stores, start,
                taskLimits(config, start, onCluster.partitions()));
        RunTotals totals = new RunTotals();
        onCluster.run(new Cluster.Work(description, List.of(), files, plan.bytesToSend(),
                config.progressIntervalSeconds()), job).forEach(totals::merge);
        return totals;
    }

    /**
     * What each task is held to: the deadline (the same instant for all, on the wall clock, as every node keeps
     * it) and its share of the cap, the cap divided by the tasks that run at once.
     */
    private TaskLimits taskLimits(MigrationConfig config, Instant start, int partitions) {
        LimitSettings limits = config.limits();
        if (config.dryRun()) {
            return TaskLimits.NONE;
        }
        long deadline = limits.maxDurationMillis() == null ? 0 : start.toEpochMilli() + limits.maxDurationMillis();
        int atOnce = Math.max(1, Math.min(partitions, cluster.parallelism()));
        return new TaskLimits(deadline, limits.bandwidth() == null ? null : limits.bandwidth().share(atOnce));
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
        if (first.failureCount() > 0 || first.notStarted() > 0) {
            last = last.stream().map(p -> p.stream().map(MigrationRun::heldBack).toList()).toList();
        }
        long files = last.stream().mapToLong(List::size).sum();
        long bytes = last.stream().flatMap(List::stream).filter(f -> f.action().sendsBytes())
                .mapToLong(PlannedFile::sourceSize).sum();
        String description = String.format("lakeshift: tables' logs, %,d files, to %s", files, target.location());
        PartitionJob<RunTotals> job = new OffsetJob(new PartitionRun(source, target, config, logLocation, stores, start,
                taskLimits(config, start, last.size())),
                plan.partitions().size());
        RunTotals totals = new RunTotals();
        cluster.run(new Cluster.Work(description, last, files, bytes, config.progressIntervalSeconds()), job)
                .forEach(totals::merge);
        return totals;
    }

    private static PlannedFile heldBack(PlannedFile f) {
        return f.action() == Action.EXCLUDE ? f : new PlannedFile(f.source(), f.objectName(), f.relativePath(),
                Action.EXCLUDE, f.target(), f.recordedMd5(), "table log held back: data files of this run failed or were not started");
    }

    /** plan.json for a dry run, summary.json for a real one; the summary either way. */
    private RunSummary report(MigrationConfig config, TargetLocation location, String logLocation,
            Map<String, String> stores, Retry retry, Plan plan, RunTotals totals, Instant start, long aborted,
            PlanCosting costing, List<TableSummary> tables, int partitions) throws IOException {
        LogStore log = LogStores.open(logLocation, config.oci(), stores, retry);
        if (config.dryRun()) {
            PlanReport report = planReport(config, location, logLocation, plan, totals, costing, tables);
            log.write(LogFormat.PLAN, LogFormat.pretty(report));
            out.print(PlanText.of(report));
        }
        RunSummary summary = summary(config, location, logLocation, plan, totals, start, aborted, tables, partitions);
        if (!config.dryRun()) {
            log.write(LogFormat.SUMMARY, LogFormat.summary(summary));
        }
        return summary;
    }

    private static PlanReport planReport(MigrationConfig config, TargetLocation target, String logLocation, Plan plan,
            RunTotals totals, PlanCosting costing, List<TableSummary> tables) {
        Map<String, Long> bytes = new TreeMap<>();
        plan.byAction().forEach((a, c) -> bytes.put(a.name().toLowerCase(), c[1]));
        return new PlanReport(config.runId(), config.source(), target.toString(), logLocation, totals.planned(),
                bytes, plan.bytesToSend(), costing.estimatedSeconds(), config.estimateRate(),
                plan.largest().stream().map(f -> new PlanReport.Item(f.relativePath(), f.sourceSize())).toList(),
                plan.skipped(), costing.requests(), costing.cost(), costing.probe(), tables);
    }

    private static RunSummary summary(MigrationConfig config, TargetLocation target, String logLocation, Plan plan,
            RunTotals totals, Instant start, long aborted, List<TableSummary> tables, int partitions) {
        Instant end = Instant.now();
        double seconds = Math.max(0.001, Duration.between(start, end).toMillis() / 1000.0);
        return new RunSummary(config.runId(), config.source(), target.toString(), logLocation,
                LogTimes.date(start), LogTimes.date(end), seconds, plan.fileCount(), plan.totalBytes(),
                totals.files(), totals.bytes(), totals.bytesSent(), (long) (totals.bytesSent() / seconds),
                plan.skipped(), partitions, totals.failures(), totals.failureCount(), aborted,
                totals.warnings(), totals.warningCount(), stoppedBy(totals), totals.notStarted(),
                totals.notStartedBytes(), tables);
    }

    /** Which limit left files for the next run, or null. */
    private static String stoppedBy(RunTotals totals) {
        List<String> by = new java.util.ArrayList<>();
        if (totals.heldBack() > 0) {
            by.add("max-transfer");
        }
        if (totals.notStarted() > totals.heldBack()) {
            by.add("max-duration");
        }
        return by.isEmpty() ? null : String.join(",", by);
    }

    private static double seconds(Instant since) {
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }
}
