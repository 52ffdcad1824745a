package io.lakeshift.log;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of one partition's records, or of a whole run's once merged: the data the summary is made of. Keeps the
 * first {@link #MAX_FAILURES} failures in full; the log has them all.
 */
public final class RunTotals implements Serializable {
    public static final int MAX_FAILURES = 1000;

    private final TreeMap<String, Long> files = new TreeMap<>();
    private final TreeMap<String, Long> bytes = new TreeMap<>();
    private final TreeMap<String, Long> planned = new TreeMap<>();
    private final ArrayList<Failure> failures = new ArrayList<>();
    private final ArrayList<Failure> warnings = new ArrayList<>();
    private long failureCount;
    private long warningCount;
    private long notStarted;
    private long notStartedBytes;
    private long heldBack;
    private long bytesSent;

    /** A failed (or warned) file and why. */
    public record Failure(String sourceName, String error) implements Serializable {}

    public void add(MigrationRecord r) {
        String status = r.status().label();
        long size = r.sourceSize() != null ? r.sourceSize() : r.targetSize() != null ? r.targetSize() : 0;
        files.merge(status, 1L, Long::sum);
        bytes.merge(status, size, Long::sum);
        if (r.status() == Status.PLANNED && r.note() != null) {
            planned.merge(r.note(), 1L, Long::sum);
        }
        if (r.status() == Status.FAILED) {
            failureCount++;
            if (failures.size() < MAX_FAILURES) {
                failures.add(new Failure(r.sourceName(), r.error()));
            }
        } else if (r.parts() > 0 && r.targetSize() != null) {
            bytesSent += r.targetSize();
        }
        if (r.warned()) {
            warningCount++;
            if (warnings.size() < MAX_FAILURES) {
                warnings.add(new Failure(r.sourceName(), r.note()));
            }
        }
    }

    /** A planned file that this run did not start (a --max-transfer or --max-duration limit): no record is written. */
    public void notStarted(long sourceBytes) {
        notStarted++;
        notStartedBytes += sourceBytes;
    }

    /** Files the driver held back before any task started (--max-transfer); they count as not started too. */
    public void heldBack(long count, long sourceBytes) {
        heldBack += count;
        notStarted += count;
        notStartedBytes += sourceBytes;
    }

    public RunTotals merge(RunTotals other) {
        other.files.forEach((k, v) -> files.merge(k, v, Long::sum));
        other.bytes.forEach((k, v) -> bytes.merge(k, v, Long::sum));
        other.planned.forEach((k, v) -> planned.merge(k, v, Long::sum));
        for (Failure f : other.failures) {
            if (failures.size() < MAX_FAILURES) {
                failures.add(f);
            }
        }
        for (Failure w : other.warnings) {
            if (warnings.size() < MAX_FAILURES) {
                warnings.add(w);
            }
        }
        failureCount += other.failureCount;
        warningCount += other.warningCount;
        notStarted += other.notStarted;
        notStartedBytes += other.notStartedBytes;
        heldBack += other.heldBack;
        bytesSent += other.bytesSent;
        return this;
    }

    public Map<String, Long> files() {
        return files;
    }

    public Map<String, Long> bytes() {
        return bytes;
    }

    /** Dry run: files per planned outcome (new, updated, equal, deleted, ...). */
    public Map<String, Long> planned() {
        return planned;
    }

    public long files(Status s) {
        return files.getOrDefault(s.label(), 0L);
    }

    public long fileCount() {
        return files.values().stream().mapToLong(Long::longValue).sum();
    }

    public long bytesSent() {
        return bytesSent;
    }

    public long failureCount() {
        return failureCount;
    }

    public List<Failure> failures() {
        return failures;
    }

    /** Files that landed with a warning in their note (the first {@value #MAX_FAILURES}), the note as the error. */
    public List<Failure> warnings() {
        return warnings;
    }

    public long warningCount() {
        return warningCount;
    }

    /** Planned files left for the next run by a limit. */
    public long notStarted() {
        return notStarted;
    }

    public long notStartedBytes() {
        return notStartedBytes;
    }

    /** Of the files not started, those the driver held back for --max-transfer. */
    public long heldBack() {
        return heldBack;
    }
}
