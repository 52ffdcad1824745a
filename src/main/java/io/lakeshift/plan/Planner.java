package io.lakeshift.plan;

import io.lakeshift.config.FilterSettings;
import io.lakeshift.config.Mode;
import io.lakeshift.config.Overwrite;
import io.lakeshift.model.TargetLocation;
import io.lakeshift.model.SourceFile;
import io.lakeshift.model.TargetObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Turns a streamed source listing into a {@link Plan}: leaves out bookkeeping and filtered files, names each
 * object, rejects names OCI cannot store and names two files would share, compares each file with the target
 * listing and the records of earlier runs to choose its {@link Action}, finds what sync deletes, and spreads the
 * work over partitions by bytes.
 */
public final class Planner {
    /** A file costs its bytes plus this much, standing for the fixed cost of its requests. */
    public static final long FILE_COST_BYTES = 256 * 1024;
    /** Automatic planning aims at partitions of about this many bytes. */
    public static final long TARGET_PARTITION_BYTES = 1L << 30;
    /** The most partitions (and so Spark tasks) a plan, or one of its listings, is spread over. */
    public static final int MAX_PARTITIONS = 100_000;
    /**
     * Automatic planning puts at most about this many files in a partition, whatever they weigh: a task holds its
     * files and their records and writes its log part in one piece. At 1 GiB of skips (4 KiB each) a task held
     * 262,144 of them, and an all-equal run of 1M files ran out of a 1 GiB heap with two at once (docs/benchmarks.md).
     */
    public static final int MAX_FILES_PER_PARTITION = 32_768;
    private static final int MAX_REPORTED = FileRules.MAX_REPORTED;

    /** The cost of work that sends no bytes (a skip, a delete, a log line). */
    public static final long SMALL_COST = 4096;
    private static final int LARGEST = 10;

    private final TargetLocation target;
    private final FileRules rules;
    private final Map<String, TargetObject> targets;
    private final Map<String, CopyRecord> records;
    private final List<PlannedFile> files = new ArrayList<>();
    private final List<String> badNames = new ArrayList<>();
    private long badNameCount;
    private long totalBytes;
    private long skipped;

    /** A planner that copies every file, as to an empty target. */
    public Planner(TargetLocation target, SkipRules skipRules) {
        this(target, skipRules, new Filters(FilterSettings.none(), null), new HashMap<>(), Map.of(),
                Overwrite.CHANGED, Mode.COPY, null);
    }

    /**
     * @param targets the objects below the target prefix, by name; the planner takes matched ones out
     * @param records what earlier runs recorded, by object name
     * @param protectedPrefix object names sync must never delete (the log's own folder), or null
     */
    public Planner(TargetLocation target, SkipRules skipRules, Filters filters, Map<String, TargetObject> targets,
            Map<String, CopyRecord> records, Overwrite overwrite, Mode mode, String protectedPrefix) {
        this(new FileRules(target, skipRules, filters, overwrite, mode, protectedPrefix), targets, records);
    }

    /** A planner applying {@code rules} (which the distributed plan shares) to the driver's maps. */
    public Planner(FileRules rules, Map<String, TargetObject> targets, Map<String, CopyRecord> records) {
        this.target = rules.target();
        this.rules = rules;
        this.targets = targets;
        this.records = records;
    }

    /** Takes one listed file. */
    public void add(SourceFile file) {
        if (rules.skips(file)) {
            skipped++;
            return;
        }
        String name = rules.objectName(file);
        TargetObject existing = targets.remove(name);
        PlannedFile planned = rules.plan(file, name, existing, records.get(name));
        rules.badName(planned).ifPresent(why -> {
            badNameCount++;
            if (badNames.size() < MAX_REPORTED) {
                badNames.add(why);
            }
        });
        files.add(planned);
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
        return finish(partitions, parallelism, FileRoles.NONE);
    }

    /**
     * Checks the names and balances the files, leaving out what {@code roles} says and holding back what it says
     * comes last in partitions of their own.
     */
    public Plan finish(int partitions, int parallelism, FileRoles roles) {
        if (badNameCount > 0) {
            throw rules.badNames(badNameCount, badNames);
        }
        checkCollisions();
        applyRoles(roles);
        long sourceFiles = files.size();
        targets.values().forEach(t -> rules.delete(t).ifPresent(files::add));
        Map<Action, long[]> byAction = new EnumMap<>(Action.class);
        long cost = 0;
        for (PlannedFile f : files) {
            long[] c = byAction.computeIfAbsent(f.action(), a -> new long[2]);
            c[0]++;
            c[1] += f.action() == Action.DELETE ? f.target().size() : f.sourceSize();
            cost += cost(f);
        }
        List<PlannedFile> largest = files.stream().filter(f -> f.action().sendsBytes() || f.action() == Action.CHECK)
                .sorted(Comparator.comparingLong(PlannedFile::sourceSize).reversed()).limit(LARGEST).toList();
        List<PlannedFile> first = files.stream().filter(f -> f.source() == null || !roles.last(f.relativePath()))
                .toList();
        List<PlannedFile> last = files.stream().filter(f -> f.source() != null && roles.last(f.relativePath()))
                .toList();
        int n = partitions > 0 ? partitions : autoPartitions(first.size(), cost, parallelism);
        int m = last.isEmpty() ? 0 : partitions > 0 ? partitions : autoPartitions(last.size(), 0, parallelism);
        return new Plan(balance(first, n), sourceFiles, totalBytes, skipped, byAction, largest,
                last.isEmpty() ? List.of() : balance(last, m));
    }

    /** Files the roles leave out become exclusions, with the reason as their note. */
    private void applyRoles(FileRoles roles) {
        for (int i = 0; i < files.size(); i++) {
            PlannedFile f = files.get(i);
            if (f.action() == Action.EXCLUDE || f.source() == null) {
                continue;
            }
            String why = roles.leaveOut(f.relativePath()).orElse(null);
            if (why != null) {
                files.set(i, new PlannedFile(f.source(), f.objectName(), f.relativePath(), Action.EXCLUDE,
                        f.target(), f.recordedMd5(), why));
                continue;
            }
            SourceFile staged = roles.replace(f.source()).orElse(null);
            if (staged != null) { // decided again: the target is compared with what is copied
                files.set(i, rules.restaged(f, staged, records.get(f.objectName())));
            }
        }
    }

    /** What a piece of work weighs when partitions are balanced. */
    static long cost(PlannedFile f) {
        return FileRules.cost(f);
    }

    private void checkCollisions() {
        List<PlannedFile> byName = new ArrayList<>(files.stream().filter(FileRules::collides).toList());
        byName.sort(Comparator.comparing(PlannedFile::objectName));
        List<String> clashes = new ArrayList<>();
        long count = 0;
        for (int i = 1; i < byName.size(); i++) {
            PlannedFile a = byName.get(i - 1);
            PlannedFile b = byName.get(i);
            if (a.objectName().equals(b.objectName())) {
                count++;
                if (clashes.size() < MAX_REPORTED) {
                    clashes.add(FileRules.collision(a, b));
                }
            }
        }
        if (count > 0) {
            throw FileRules.collisions(count, clashes);
        }
    }

    /**
     * Partitions for {@code fileCount} pieces of work weighing {@code cost} on {@code parallelism} slots: about 1 GiB
     * each, at most {@link #MAX_FILES_PER_PARTITION} files each, at least two per slot.
     */
    public static int autoPartitions(long fileCount, long cost, int parallelism) {
        if (fileCount == 0) {
            return 1;
        }
        long byBytes = (cost + TARGET_PARTITION_BYTES - 1) / TARGET_PARTITION_BYTES;
        long byFiles = (fileCount + MAX_FILES_PER_PARTITION - 1) / MAX_FILES_PER_PARTITION;
        long n = Math.max(2L * Math.max(1, parallelism), Math.max(byBytes, byFiles));
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
        bySize.sort(Comparator.comparingLong(Planner::cost).reversed().thenComparing(PlannedFile::objectName));
        PriorityQueue<long[]> load = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0])
                : Long.compare(a[1], b[1]));
        for (int i = 0; i < n; i++) {
            load.add(new long[] {0, i});
        }
        for (PlannedFile f : bySize) {
            long[] lightest = load.poll();
            bins.get((int) lightest[1]).add(f);
            lightest[0] += cost(f);
            load.add(lightest);
        }
        return bins;
    }
}
