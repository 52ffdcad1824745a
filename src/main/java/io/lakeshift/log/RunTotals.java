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
    private long failureCount;
    private long bytesSent;

    /** A failed file and why. */
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
        failureCount += other.failureCount;
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
}
