package io.lakeshift.run;

import io.lakeshift.config.MigrationConfig;
import io.lakeshift.io.Retry;
import io.lakeshift.log.LogFormat;
import io.lakeshift.log.LogStore;
import io.lakeshift.log.LogStores;
import io.lakeshift.log.MigrationRecord;
import io.lakeshift.log.ParquetLog;
import io.lakeshift.log.RunTotals;
import io.lakeshift.plan.Action;
import io.lakeshift.plan.PlannedFile;
import io.lakeshift.source.Source;
import io.lakeshift.target.Target;
import io.lakeshift.transfer.FileTransfer;
import io.lakeshift.transfer.PartitionWork;
import io.lakeshift.transfer.TaskLimits;
import io.lakeshift.transfer.Ticker;
import io.lakeshift.transfer.TargetProperties;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One partition of a run: the planned work for each file, then the partition's log lines written as one file
 * (written whole, so a retried task simply writes it again), and the partition's totals returned as data.
 */
final class PartitionRun implements PartitionJob<RunTotals> {
    private final Source source;
    private final Target target;
    private final MigrationConfig config;
    private final String logLocation;
    private final HashMap<String, String> hadoopProperties;
    private final Instant runStart;
    private final TaskLimits limits;

    PartitionRun(Source source, Target target, MigrationConfig config, String logLocation,
            Map<String, String> hadoopProperties, Instant runStart, TaskLimits limits) {
        this.source = source;
        this.target = target;
        this.config = config;
        this.logLocation = logLocation;
        this.hadoopProperties = new HashMap<>(hadoopProperties);
        this.runStart = runStart;
        this.limits = limits;
    }

    @Override
    public RunTotals run(int partition, List<PlannedFile> files, Progress progress) throws Exception {
        List<MigrationRecord> records = new ArrayList<>();
        RunTotals totals = new RunTotals();
        Retry retry = Retry.attempts(config.transfer().maxAttempts());
        Source paced = limits.pace(source, Ticker.SYSTEM); // one pace for all of this task's threads
        PartitionWork work = new PartitionWork(
                () -> target.openSink(config.transfer(), retry, runStart.toEpochMilli()),
                sink -> new FileTransfer(paced, sink, config.transfer(), config.mode(), config.overwrite(),
                        config.dryRun(), config.runId(), runStart, TargetProperties.of(config.objects()))
                        .restoringArchived(config.plan().restore() ? config.plan().restoreDays() : 0),
                config.transfer());
        work.run(files, (file, r) -> {
            records.add(r);
            totals.add(r);
            progress.fileDone(file.action().sendsBytes() || file.action() == Action.CHECK ? file.sourceSize() : 0);
        }, f -> limits.mayStart(f, Ticker.SYSTEM), f -> totals.notStarted(f.sourceSize()));
        LogStore log = LogStores.open(logLocation, config.oci(), hadoopProperties, retry);
        log.write(LogFormat.partFile(partition), LogFormat.jsonLines(records));
        log.write(ParquetLog.partFile(partition), ParquetLog.write(records)); // the same lines, for ADW
        return totals;
    }
}
