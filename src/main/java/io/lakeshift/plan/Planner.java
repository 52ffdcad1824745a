package io.lakeshift.plan;

import io.lakeshift.model.OciLocation;
import io.lakeshift.model.SourceFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Turns a streamed source listing into a {@link Plan}: leaves out bookkeeping files, names each object, rejects
 * names OCI cannot store and names two files would share, and spreads the files over partitions by bytes.
 */
public final class Planner {
    /** A file costs its bytes plus this much, standing for the fixed cost of its requests. */
    public static final long FILE_COST_BYTES = 256 * 1024;
    /** Automatic planning aims at partitions of about this many bytes. */
    public static final long TARGET_PARTITION_BYTES = 1L << 30;
    private static final int MAX_PARTITIONS = 100_000;
    private static final int MAX_REPORTED = 10;

    private final OciLocation target;
    private final SkipRules skipRules;
    private final List<PlannedFile> files = new ArrayList<>();
    private final List<String> badNames = new ArrayList<>();
    private long badNameCount;
    private long totalBytes;
    private long skipped;

    public Planner(OciLocation target, SkipRules skipRules) {
        this.target = target;
        this.skipRules = skipRules;
    }

    /** Takes one listed file. */
    public void add(SourceFile file) {
        if (skipRules.skips(file.relativePath())) {
            skipped++;
            return;
        }
        String name = target.objectName(file.relativePath());
        ObjectNames.problem(name).ifPresent(why -> {
            badNameCount++;
            if (badNames.size() < MAX_REPORTED) {
                badNames.add("'" + printable(file.uri()) + "': " + why);
            }
        });
        files.add(new PlannedFile(file, name));
        totalBytes += file.size();
    }

    /**
     * Checks the names and balances the files.
     *
     * @param partitions wanted partitions, or 0 to choose from the bytes and {@code parallelism}
     * @param parallelism tasks the cluster runs at once
     * @throws PlanException if a name cannot be stored or two files share one
     */
    public Plan finish(int partitions, int parallelism) {
        if (badNameCount > 0) {
            throw new PlanException(badNameCount + " source file(s) have names OCI Object Storage cannot store: "
                    + String.join("; ", badNames) + (badNameCount > badNames.size() ? "; ..." : "")
                    + ". Rename them, or leave them out with --skip.");
        }
        checkCollisions();
        int n = partitions > 0 ? partitions : autoPartitions(files.size(), cost(), parallelism);
        return new Plan(balance(files, n), files.size(), totalBytes, skipped);
    }

    private long cost() {
        return totalBytes + files.size() * FILE_COST_BYTES;
    }

    private void checkCollisions() {
        List<PlannedFile> byName = new ArrayList<>(files);
        byName.sort(Comparator.comparing(PlannedFile::objectName));
        List<String> clashes = new ArrayList<>();
        long count = 0;
        for (int i = 1; i < byName.size(); i++) {
            PlannedFile a = byName.get(i - 1);
            PlannedFile b = byName.get(i);
            if (a.objectName().equals(b.objectName())) {
                count++;
                if (clashes.size() < MAX_REPORTED) {
                    clashes.add("'" + printable(a.source().uri()) + "' and '" + printable(b.source().uri())
                            + "' both map to '" + printable(a.objectName()) + "'");
                }
            }
        }
        if (count > 0) {
            throw new PlanException(count + " target name collision(s): " + String.join("; ", clashes)
                    + (count > clashes.size() ? "; ..." : "") + ". Rename one of each pair, or leave it out with --skip.");
        }
    }

    static int autoPartitions(int fileCount, long cost, int parallelism) {
        if (fileCount == 0) {
            return 1;
        }
        long byBytes = (cost + TARGET_PARTITION_BYTES - 1) / TARGET_PARTITION_BYTES;
        long n = Math.max(2L * Math.max(1, parallelism), byBytes);
        return (int) Math.min(Math.min(n, fileCount), MAX_PARTITIONS);
    }

    /**
     * Longest-processing-time-first: the largest file goes to the partition with the fewest bytes so far. No
     * partition ends more than one file's cost above the mean, so one huge file does not drag others behind it.
     */
    static List<List<PlannedFile>> balance(List<PlannedFile> files, int partitions) {
        int n = Math.max(1, partitions);
        List<List<PlannedFile>> bins = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            bins.add(new ArrayList<>());
        }
        List<PlannedFile> bySize = new ArrayList<>(files);
        bySize.sort(Comparator.comparingLong((PlannedFile f) -> f.source().size()).reversed()
                .thenComparing(PlannedFile::objectName));
        PriorityQueue<long[]> load = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0])
                : Long.compare(a[1], b[1]));
        for (int i = 0; i < n; i++) {
            load.add(new long[] {0, i});
        }
        for (PlannedFile f : bySize) {
            long[] lightest = load.poll();
            bins.get((int) lightest[1]).add(f);
            lightest[0] += f.source().size() + FILE_COST_BYTES;
            load.add(lightest);
        }
        return bins;
    }

    /** Control characters shown as escapes, so an error message stays on one line. */
    static String printable(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                sb.append(String.format("\\u%04X", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }
}
