package io.lakeshift.log;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of one partition's check records, or of a whole check once merged: what the summary is made of. Keeps
 * the first {@link #EXAMPLES} records of each kind that is not a match; the lists have them all.
 */
public final class CheckTotals implements Serializable {
    public static final int EXAMPLES = 20;

    private final TreeMap<String, Long> files = new TreeMap<>();
    private final TreeMap<String, Long> bytes = new TreeMap<>();
    private final TreeMap<String, Long> matchedBy = new TreeMap<>();
    private final ArrayList<CheckRecord> examples = new ArrayList<>();
    private long bytesRead;

    public void add(CheckRecord r) {
        String result = r.result().label();
        files.merge(result, 1L, Long::sum);
        long size = r.sourceSize() != null ? r.sourceSize() : r.targetSize() != null ? r.targetSize() : 0;
        bytes.merge(result, size, Long::sum);
        if (r.result() == CheckResult.MATCH) {
            matchedBy.merge(r.by(), 1L, Long::sum);
        } else {
            addExample(r);
        }
    }

    /** Bytes read to compute MD5s the stores did not keep (both sides counted). */
    public void read(long n) {
        bytesRead += n;
    }

    private void addExample(CheckRecord r) {
        long ofKind = examples.stream().filter(e -> e.result() == r.result()).count();
        if (ofKind < EXAMPLES) {
            examples.add(r);
        }
    }

    public CheckTotals merge(CheckTotals other) {
        other.files.forEach((k, v) -> files.merge(k, v, Long::sum));
        other.bytes.forEach((k, v) -> bytes.merge(k, v, Long::sum));
        other.matchedBy.forEach((k, v) -> matchedBy.merge(k, v, Long::sum));
        other.examples.forEach(this::addExample);
        bytesRead += other.bytesRead;
        return this;
    }

    /** Files per result label. */
    public Map<String, Long> files() {
        return files;
    }

    /** Bytes per result label (the source's size, or the object's for an extra one). */
    public Map<String, Long> bytes() {
        return bytes;
    }

    /** Matches per way they were decided ({@link CheckRecord#by()}). */
    public Map<String, Long> matchedBy() {
        return matchedBy;
    }

    public long count(CheckResult r) {
        return files.getOrDefault(r.label(), 0L);
    }

    public long bytesRead() {
        return bytesRead;
    }

    /** The first few records of each kind that is not a match. */
    public List<CheckRecord> examples() {
        return examples;
    }
}
