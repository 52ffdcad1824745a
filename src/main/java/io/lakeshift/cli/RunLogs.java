package io.lakeshift.cli;

import io.lakeshift.config.ConfigException;
import io.lakeshift.config.ConfigLoader;
import io.lakeshift.config.Option;
import io.lakeshift.config.OciSettings;
import io.lakeshift.io.Retry;
import io.lakeshift.log.LogRoots;
import io.lakeshift.log.LogFormat;
import io.lakeshift.log.LogStore;
import io.lakeshift.log.LogStores;
import io.lakeshift.log.MigrationRecord;
import io.lakeshift.log.RunSummary;
import io.lakeshift.log.RunTotals;
import io.lakeshift.log.Status;
import io.lakeshift.model.ByteSize;
import io.lakeshift.model.OciLocation;
import io.lakeshift.model.TargetLocation;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** {@code status} and {@code report}: read the runs' logs back from where they were written. No Spark. */
final class RunLogs {
    private RunLogs() {}

    /** {@code status --run-id ID}: one run's summary, counts per status, and every failed file. */
    static int status(ConfigLoader.Given values, Map<String, String> env, PrintStream out) throws IOException {
        String runId = values.get(Option.RUN_ID);
        if (runId == null) {
            throw ConfigException.badValue(Option.RUN_ID, null, "not set, but status needs it",
                    "give --run-id ID (see 'lakeshift report' for the runs)");
        }
        LogStore logs = open(values, env);
        String folder = LogFormat.runFolder(runId);
        List<LogStore.Entry> entries = logs.list(folder);
        if (entries.isEmpty()) {
            throw ConfigException.badValue(Option.RUN_ID, values.file(Option.RUN_ID), "no run " + runId
                    + " in the log at " + logs.location(), "see 'lakeshift report' for the runs there");
        }
        boolean finished = entries.stream().anyMatch(e -> e.name().equals(folder + LogFormat.SUMMARY));
        if (finished) {
            out.print(SummaryText.of(LogFormat.parseSummary(logs.read(folder + LogFormat.SUMMARY))));
        } else {
            out.println("run " + runId + " has no summary: it is still running, was a dry run, or was stopped."
                    + " From its log so far:");
        }
        RunTotals totals = new RunTotals();
        int failedShown = 0;
        out.println("  failed files:");
        for (LogStore.Entry e : entries) {
            if (!e.name().endsWith(".jsonl")) {
                continue;
            }
            for (MigrationRecord r : LogFormat.parseLines(logs.read(e.name()))) {
                totals.add(r);
                if (r.status() == Status.FAILED) {
                    failedShown++;
                    out.println("    " + r.sourceName() + ": " + r.error());
                }
            }
        }
        if (failedShown == 0) {
            out.println("    none");
        }
        out.println("  files per status in the log: " + totals.files());
        return totals.failureCount() > 0 ? Main.FILES_FAILED : Main.OK;
    }

    /** {@code report}: every run in the log location with its files, bytes and throughput. */
    static int report(ConfigLoader.Given values, Map<String, String> env, PrintStream out) throws IOException {
        LogStore logs = open(values, env);
        Map<String, String> state = new TreeMap<>();
        for (LogStore.Entry e : logs.list("run_id=")) {
            String run = e.name().substring(0, e.name().indexOf('/') + 1);
            String kind = e.name().endsWith(LogFormat.SUMMARY) ? "finished"
                    : e.name().endsWith(LogFormat.PLAN) ? "plan" : "incomplete";
            state.merge(run, kind, (a, b) -> a.equals("incomplete") ? b : a);
        }
        out.println("runs in " + logs.location());
        out.printf("%-28s %-19s %10s %9s %9s %10s %10s %12s%n", "run_id", "run_date", "files", "failed", "copied",
                "sent", "seconds", "throughput");
        for (Map.Entry<String, String> run : state.entrySet()) {
            String id = run.getKey().substring("run_id=".length(), run.getKey().length() - 1);
            if (!run.getValue().equals("finished")) {
                out.printf("%-28s %s%n", id, run.getValue().equals("plan") ? "(dry run)" : "(no summary: running or"
                        + " stopped)");
                continue;
            }
            RunSummary s = LogFormat.parseSummary(logs.read(run.getKey() + LogFormat.SUMMARY));
            long copied = s.files().getOrDefault("new", 0L) + s.files().getOrDefault("updated", 0L)
                    + s.files().getOrDefault("moved", 0L);
            out.printf(Locale.ROOT, "%-28s %-19s %,10d %,9d %,9d %10s %10.1f %10s/s%n", id, s.runDate(), s.filesTotal(),
                    s.failedCount(), copied, ByteSize.format(s.bytesSent()), s.durationSeconds(),
                    ByteSize.format(s.bytesPerSecond()));
        }
        return Main.OK;
    }

    /** The log root named by --log, or the default one in the --target bucket. */
    private static LogStore open(ConfigLoader.Given values, Map<String, String> env) {
        String log = values.get(Option.LOG);
        String target = values.get(Option.TARGET);
        if (log == null && target == null) {
            throw ConfigException.badValue(Option.LOG, null, "not set, nor --target", "give --log URI (where the runs"
                    + " were logged) or --target oci://bucket@namespace/ (their default log)");
        }
        OciSettings oci = ConfigLoader.ociSettings(values, env);
        TargetLocation t = target == null ? null : TargetLocation.parse(target);
        if (t instanceof OciLocation o && o.namespace() == null && (log == null || !log.startsWith("oci://"))) {
            throw ConfigException.badValue(Option.TARGET, values.file(Option.TARGET), "'" + target + "' has no"
                    + " namespace, which reading the log needs", "give oci://bucket@namespace/");
        }
        // An oci:// log without --target names its own namespace; a file:// log needs no target at all.
        TargetLocation base = t != null ? t : log.startsWith("oci://") ? OciLocation.parse(log) : null;
        String root = LogRoots.of(log, base);
        return LogStores.open(root, oci, Map.of(), Retry.attempts(Integer.parseInt(
                values.get(Option.MAX_ATTEMPTS) != null ? values.get(Option.MAX_ATTEMPTS)
                        : Option.MAX_ATTEMPTS.defaultValue())));
    }
}
