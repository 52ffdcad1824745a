package io.lakeshift.job;

import io.lakeshift.config.MigrationConfig;
import io.lakeshift.log.LogFormat;
import io.lakeshift.log.LogStore;
import io.lakeshift.log.LogStores;
import io.lakeshift.log.MigrationRecord;
import io.lakeshift.log.ParquetLog;
import io.lakeshift.log.RunTotals;
import io.lakeshift.plan.Action;
import io.lakeshift.plan.PlannedFile;
import io.lakeshift.io.Retry;
import io.lakeshift.target.Target;
import io.lakeshift.source.Source;
import io.lakeshift.transfer.FileTransfer;
import io.lakeshift.transfer.PartitionWork;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.util.LongAccumulator;

/**
 * What one Spark task does with its partition: the planned work for each file, the partition's log lines written
 * as one file (written whole, so a retried task simply writes it again), and the partition's totals returned as
 * data. Accumulators only feed the progress line.
 */
final class PartitionTask implements Function2<Integer, Iterator<List<PlannedFile>>, Iterator<RunTotals>> {
    private final Source source;
    private final Target target;
    private final MigrationConfig config;
    private final String logLocation;
    private final HashMap<String, String> hadoopProperties;
    private final Instant runStart;
    private final LongAccumulator filesDone;
    private final LongAccumulator bytesDone;

    PartitionTask(Source source, Target target, MigrationConfig config, String logLocation,
            Map<String, String> hadoopProperties, Instant runStart, LongAccumulator filesDone,
            LongAccumulator bytesDone) {
        this.source = source;
        this.target = target;
        this.config = config;
        this.logLocation = logLocation;
        this.hadoopProperties = new HashMap<>(hadoopProperties);
        this.runStart = runStart;
        this.filesDone = filesDone;
        this.bytesDone = bytesDone;
    }

    @Override
    public Iterator<RunTotals> call(Integer partition, Iterator<List<PlannedFile>> work) throws Exception {
        List<MigrationRecord> records = new ArrayList<>();
        RunTotals totals = new RunTotals();
        PartitionWork files = new PartitionWork(
                () -> target.openSink(config.transfer(), Retry.attempts(config.transfer().maxAttempts())),
                sink -> new FileTransfer(source, sink, config.transfer(), config.mode(), config.overwrite(),
                        config.dryRun(), config.runId(), runStart),
                config.transfer());
        while (work.hasNext()) {
            files.run(work.next(), (file, r) -> {
                records.add(r);
                totals.add(r);
                filesDone.add(1);
                if (file.action().sendsBytes() || file.action() == Action.CHECK) {
                    bytesDone.add(file.sourceSize());
                }
            });
        }
        LogStore log = LogStores.open(logLocation, config.oci(), hadoopProperties);
        log.write(LogFormat.partFile(partition), LogFormat.jsonLines(records));
        log.write(ParquetLog.partFile(partition), ParquetLog.write(records)); // the same lines, for ADW
        return List.of(totals).iterator();
    }
}
