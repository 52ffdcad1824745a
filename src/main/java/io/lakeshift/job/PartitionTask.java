package io.lakeshift.job;

import io.lakeshift.config.OciSettings;
import io.lakeshift.config.TransferSettings;
import io.lakeshift.log.LogFormat;
import io.lakeshift.log.LogStore;
import io.lakeshift.log.LogStores;
import io.lakeshift.log.MigrationRecord;
import io.lakeshift.log.ParquetLog;
import io.lakeshift.log.RunTotals;
import io.lakeshift.model.OciLocation;
import io.lakeshift.plan.PlannedFile;
import io.lakeshift.sink.OciClients;
import io.lakeshift.sink.OciObjectSink;
import io.lakeshift.sink.Retry;
import io.lakeshift.source.Source;
import io.lakeshift.transfer.FileTransfer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.util.LongAccumulator;

/**
 * What one Spark task does with its partition: copies each file, writes the partition's log lines as one file
 * (written whole, so a retried task simply writes it again), and returns the partition's totals as data.
 * Accumulators only feed the progress line.
 */
final class PartitionTask implements Function2<Integer, Iterator<List<PlannedFile>>, Iterator<RunTotals>> {
    private final Source source;
    private final OciLocation target;
    private final OciSettings oci;
    private final TransferSettings transfer;
    private final String logLocation;
    private final HashMap<String, String> hadoopProperties;
    private final String runId;
    private final Instant runStart;
    private final LongAccumulator filesDone;
    private final LongAccumulator bytesDone;

    PartitionTask(Source source, OciLocation target, OciSettings oci, TransferSettings transfer, String logLocation,
            Map<String, String> hadoopProperties, String runId, Instant runStart, LongAccumulator filesDone,
            LongAccumulator bytesDone) {
        this.source = source;
        this.target = target;
        this.oci = oci;
        this.transfer = transfer;
        this.logLocation = logLocation;
        this.hadoopProperties = new HashMap<>(hadoopProperties);
        this.runId = runId;
        this.runStart = runStart;
        this.filesDone = filesDone;
        this.bytesDone = bytesDone;
    }

    @Override
    public Iterator<RunTotals> call(Integer partition, Iterator<List<PlannedFile>> files) throws Exception {
        List<MigrationRecord> records = new ArrayList<>();
        RunTotals totals = new RunTotals();
        try (OciObjectSink sink = new OciObjectSink(OciClients.get(oci), target.namespace(), target.bucket(),
                transfer, Retry.standard())) {
            FileTransfer copier = new FileTransfer(source, sink, runId, runStart);
            while (files.hasNext()) {
                for (PlannedFile file : files.next()) {
                    MigrationRecord r = copier.copy(file);
                    records.add(r);
                    totals.add(r);
                    filesDone.add(1);
                    bytesDone.add(file.source().size());
                }
            }
        }
        LogStore log = LogStores.open(logLocation, oci, hadoopProperties);
        log.write(LogFormat.partFile(partition), LogFormat.jsonLines(records));
        log.write(ParquetLog.partFile(partition), ParquetLog.write(records)); // the same lines, for ADW
        return List.of(totals).iterator();
    }
}
