package io.lakeshift.run;

import io.lakeshift.log.LogFormat;
import io.lakeshift.log.LogStore;
import io.lakeshift.log.MigrationRecord;
import io.lakeshift.model.Fingerprint;
import io.lakeshift.plan.CopyRecord;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What earlier runs recorded, read back from the log: every run logs every file (equal ones too), so the latest
 * finished run holds the whole picture, and the part files of runs after it (crashed ones) bring it up to date.
 */
final class RunHistory {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private RunHistory() {}

    /** The latest record of each object that a run copied or found equal, by object name. */
    static Map<String, CopyRecord> load(LogStore logs) throws IOException {
        Map<String, CopyRecord> records = new HashMap<>();
        for (LogStore.Entry part : parts(logs)) {
            for (CopyRecord r : records(logs, part.name())) {
                records.put(r.objectName(), r);
            }
        }
        return records;
    }

    /**
     * The part files that hold the history, oldest first: a later file's record of an object wins over an earlier
     * one's, and a later line over an earlier line of the same file. Only names: the cluster reads them apart.
     */
    static List<LogStore.Entry> parts(LogStore logs) throws IOException {
        Map<String, List<LogStore.Entry>> runs = new HashMap<>();
        for (LogStore.Entry e : logs.list("run_id=")) {
            int slash = e.name().indexOf('/');
            if (slash > 0) {
                runs.computeIfAbsent(e.name().substring(0, slash + 1), k -> new ArrayList<>()).add(e);
            }
        }
        long latestFinished = Long.MIN_VALUE;
        String latestRun = null;
        for (Map.Entry<String, List<LogStore.Entry>> run : runs.entrySet()) {
            for (LogStore.Entry e : run.getValue()) {
                if (e.name().endsWith("/" + LogFormat.SUMMARY) && e.modified() > latestFinished) {
                    latestFinished = e.modified();
                    latestRun = run.getKey();
                }
            }
        }
        List<LogStore.Entry> parts = new ArrayList<>();
        for (Map.Entry<String, List<LogStore.Entry>> run : runs.entrySet()) {
            boolean dryRun = run.getValue().stream().anyMatch(e -> e.name().endsWith("/" + LogFormat.PLAN));
            for (LogStore.Entry e : run.getValue()) {
                boolean isPart = e.name().endsWith(".jsonl");
                if (isPart && !dryRun && (run.getKey().equals(latestRun) || e.modified() > latestFinished)) {
                    parts.add(e);
                }
            }
        }
        parts.sort(Comparator.comparingLong(LogStore.Entry::modified));
        return parts;
    }

    /** The usable records of one part file, in its order. */
    static List<CopyRecord> records(LogStore logs, String part) throws IOException {
        List<CopyRecord> records = new ArrayList<>();
        for (MigrationRecord r : LogFormat.parseLines(logs.read(part))) {
            if (r.status().targetVerified() && r.targetEtag() != null && r.sourceSize() != null) {
                records.add(new CopyRecord(r.targetName(), fingerprint(r), r.targetEtag(), r.md5()));
            }
        }
        return records;
    }

    /** Removes what an earlier attempt of this same run id left, so the run's log holds this run alone. */
    static void clear(LogStore logs, String runFolder) throws IOException {
        for (LogStore.Entry e : logs.list(runFolder)) {
            logs.delete(e.name());
        }
    }

    private static Fingerprint fingerprint(MigrationRecord r) {
        long seconds = LocalDateTime.parse(r.sourceModified(), DATE).toEpochSecond(ZoneOffset.UTC);
        return new Fingerprint(r.sourceSize(), seconds, r.sourceEtag(), null);
    }
}
