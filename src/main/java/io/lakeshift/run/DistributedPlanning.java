package io.lakeshift.run;

import io.lakeshift.config.MigrationConfig;
import io.lakeshift.config.TableSettings;
import io.lakeshift.io.Retry;
import io.lakeshift.log.LogFormat;
import io.lakeshift.log.LogStore;
import io.lakeshift.log.LogStores;
import io.lakeshift.model.TargetLocation;
import io.lakeshift.plan.FileRules;
import io.lakeshift.plan.Filters;
import io.lakeshift.plan.SkipRules;
import io.lakeshift.source.Manifest;
import io.lakeshift.source.Source;
import io.lakeshift.target.Target;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plan step on the cluster ({@link Cluster#plan}): the same rules as the driver's planning, the earlier runs'
 * part files chosen here and read on the executors, this run's folder cleared once they are read.
 */
final class DistributedPlanning {
    private DistributedPlanning() {}

    /** The plan held on the cluster, or empty when the listing holds tables (the driver plans those). */
    static Optional<ClusterPlan> plan(MigrationConfig config, Cluster cluster, Source source, Target target,
            TargetLocation location, String logRoot, Map<String, String> stores, PrintStream out) throws IOException {
        Instant start = Instant.now();
        Retry retry = Retry.attempts(config.transfer().maxAttempts());
        String files = config.filters().filesFrom();
        Filters filters = new Filters(config.filters(), files == null ? null : Manifest.read(files, stores));
        FileRules rules = new FileRules(location, new SkipRules(config.skip(), config.keepMarkers()), filters,
                config.overwrite(), config.mode(), location.nameInStore(logRoot));
        LogStore logs = LogStores.open(logRoot, config.oci(), stores, retry);
        List<String> parts = RunHistory.parts(logs).stream().map(LogStore.Entry::name).toList();
        HistoryReader history = new HistoryReader(logRoot, config.oci(), stores, config.transfer().maxAttempts(),
                parts);
        out.println("lakeshift: run " + config.runId() + ": listing " + config.source() + " on the cluster");
        Optional<ClusterPlan> plan = cluster.plan(new PlanRequest(rules, source, target, history,
                config.partitions(), config.tables().detect() == TableSettings.Detect.AUTO,
                MigrationRun.keepsEmptyFolders(config, location)), out);
        if (plan.isEmpty()) {
            out.println("lakeshift: the source holds tables: planned on the driver");
            return plan;
        }
        if (config.keepMarkers() && !MigrationRun.keepsEmptyFolders(config, location)) {
            out.println(MigrationRun.NO_FOLDER_MARKERS);
        }
        // Only now: the plan's rows hold what this run's earlier attempt recorded, as the driver's planning reads it.
        RunHistory.clear(logs, LogFormat.runFolder(config.runId()));
        MigrationRun.printPlan(out, config, plan.get().totals(), start);
        return plan;
    }
}
