package io.lakeshift.run;

import io.lakeshift.config.CheckConfig;
import io.lakeshift.io.Retry;
import io.lakeshift.log.CheckLog;
import io.lakeshift.log.CheckRecord;
import io.lakeshift.log.CheckResult;
import io.lakeshift.log.CheckTotals;
import io.lakeshift.log.LogStore;
import io.lakeshift.log.LogStores;
import io.lakeshift.plan.Action;
import io.lakeshift.plan.PlannedFile;
import io.lakeshift.source.Source;
import io.lakeshift.target.ObjectSink;
import io.lakeshift.target.Target;
import io.lakeshift.transfer.FileCheck;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One partition of a check: each file compared ({@link FileCheck}), then the partition's lists written, one file
 * per result (each written whole, and a list this attempt left empty deleted, so a retried task leaves exactly its
 * own lists), and the partition's totals returned as data.
 */
final class CheckPartition implements PartitionJob<CheckTotals> {
    private final Source source;
    private final Target target;
    private final CheckConfig config;
    private final String logLocation;
    private final HashMap<String, String> hadoopProperties;

    CheckPartition(Source source, Target target, CheckConfig config, String logLocation,
            Map<String, String> hadoopProperties) {
        this.source = source;
        this.target = target;
        this.config = config;
        this.logLocation = logLocation;
        this.hadoopProperties = new HashMap<>(hadoopProperties);
    }

    @Override
    public CheckTotals run(int partition, List<PlannedFile> files, Progress progress) throws Exception {
        Map<CheckResult, List<CheckRecord>> lists = new EnumMap<>(CheckResult.class);
        CheckTotals totals = new CheckTotals();
        Retry retry = Retry.attempts(config.run().maxAttempts());
        try (ObjectSink sink = target.openSink(config.run().transfer(), retry)) {
            FileCheck check = new FileCheck(source, sink, config.download(),
                    List.of(config.run().transfer().partSize()), retry);
            for (PlannedFile f : files) {
                CheckRecord r = check.check(f);
                if (r != null) {
                    lists.computeIfAbsent(r.result(), k -> new ArrayList<>()).add(r);
                    totals.add(r);
                    progress.fileDone(f.action() == Action.CHECK ? f.sourceSize() : 0);
                }
            }
            totals.read(check.bytesRead());
        }
        LogStore log = LogStores.open(logLocation, config.run().oci(), hadoopProperties, retry);
        for (CheckResult result : CheckResult.values()) {
            String name = CheckLog.listFile(result, partition);
            List<CheckRecord> list = lists.get(result);
            if (list == null) {
                log.delete(name);
            } else {
                log.write(name, CheckLog.jsonLines(list));
            }
        }
        return totals;
    }
}
