package io.lakeshift.job;

import io.lakeshift.model.NameOrder;
import io.lakeshift.model.SourceFile;
import io.lakeshift.model.TargetObject;
import io.lakeshift.plan.CopyRecord;
import io.lakeshift.plan.FileRules;
import io.lakeshift.plan.NameGroup;
import io.lakeshift.plan.Plan;
import io.lakeshift.plan.PlannedFile;
import io.lakeshift.plan.Planner;
import io.lakeshift.run.ClusterPlan;
import io.lakeshift.run.HistoryReader;
import io.lakeshift.run.PlanRequest;
import io.lakeshift.source.KeyRange;
import io.lakeshift.source.Source;
import io.lakeshift.table.TableFinder;
import io.lakeshift.target.Target;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * The plan on the executors (docs/architecture.md, "Planning on the cluster"): the driver lists the root, the
 * executors list the next levels until there are folders enough for every task slot, then the subtrees and the key
 * ranges of folders too big for one task (S3: {@link Source#listFolder(String, java.util.function.Consumer,
 * java.util.function.Consumer, java.util.function.Consumer)}), and with --keep-markers to OCI the empty folders
 * below them ({@link Source#listEmptyFolders(String, java.util.function.Consumer)}); the target
 * is listed by key ranges between those folders' names; the earlier runs' records are read from their part files;
 * a cogroup by object name applies {@link FileRules} to each name ({@link NameGroup}); the rows are sorted by
 * weight and dealt to partitions (the heaviest alone, the rest in a snake) without passing through the driver,
 * which gets counts, totals and a few examples.
 */
final class DistributedPlanner {
    /** Levels listed before the subtrees (the root is the first). */
    static final int MAX_DEPTH = 4;
    /** Folders (and key ranges) wanted per task slot, so that uneven subtrees still keep every slot busy. */
    static final int PER_SLOT = 4;
    /**
     * Rounds of subtree and key-range listings; a range still too big after them is listed by one task. Each
     * round lists at least a split's worth (--s3-list-split) of every range it splits again.
     */
    static final int MAX_ROUNDS = 8;
    /**
     * Target objects per key range, about: a task holds its range's listing while it lists it. The source's folders
     * alone gave an inventory (no folders) one range, and a 10M-object target ran a 1 GiB heap out of memory.
     */
    static final long TARGET_RANGE_OBJECTS = 100_000;
    private static final StorageLevel KEEP = StorageLevel.MEMORY_AND_DISK();

    private final JavaSparkContext jsc;
    private final SparkCluster cluster;
    private final PrintStream out;
    private final List<JavaRDD<?>> held = new ArrayList<>();

    /** @param out where a line goes as the listing and the target's listing end */
    DistributedPlanner(JavaSparkContext jsc, SparkCluster cluster, PrintStream out) {
        this.jsc = jsc;
        this.cluster = cluster;
        this.out = out;
    }

    /** One entry of a folder's listing: a file, a subfolder, or a key range of a folder too big to list whole. */
    record Listed(SourceFile file, String folder, KeyRange range) implements Serializable {}

    Optional<ClusterPlan> plan(PlanRequest r) throws IOException {
        try {
            return Optional.ofNullable(make(r));
        } catch (IOException | RuntimeException e) {
            release();
            throw e;
        }
    }

    private ClusterPlan make(PlanRequest r) throws IOException {
        long start = System.nanoTime();
        int slots = Math.max(1, jsc.defaultParallelism());
        int wanted = PER_SLOT * slots;
        Source source = r.source();
        FileRules rules = r.rules();
        boolean markers = r.emptyFolders();

        // The top of the tree: the root here, the next levels on the executors (only folder names and the key
        // ranges of folders too big for one task come back), then each subtree and each range apart.
        // --inventory: the report's rows, read on the executors, in place of the listing (no folders, one range).
        List<SourceFile> top = new ArrayList<>();
        List<String> folders = new ArrayList<>();
        List<KeyRange> ranges = new ArrayList<>();
        JavaRDD<SourceFile> reported = cluster.filesOnCluster(source, this::keep);
        if (reported == null) {
            source.listFolder("", top::add, folders::add, ranges::add);
        }
        JavaRDD<SourceFile> listed = reported != null ? reported : jsc.parallelize(top, 1);
        for (int depth = 1; depth < MAX_DEPTH && !folders.isEmpty() && folders.size() + ranges.size() < wanted;
                depth++) {
            JavaRDD<Listed> level = keep(jsc.parallelize(folders, Math.min(folders.size(), wanted))
                    .flatMap(folder -> listFolder(source, folder, markers)));
            List<Listed> next = level.filter(l -> l.file() == null).collect();
            folders = next.stream().map(Listed::folder).filter(f -> f != null).toList();
            next.stream().map(Listed::range).filter(k -> k != null).forEach(ranges::add);
            listed = listed.union(level.filter(l -> l.file() != null).map(Listed::file));
        }
        // Each subtree and range apart; one that proves too big for a task hands out the rest of it as key ranges
        // (S3: Source#listRange with a rest), listed in the next round, so no task lists a huge range alone.
        List<KeyRange> parts = new ArrayList<>(ranges);
        for (String f : folders) {
            parts.add(KeyRange.below(f));
        }
        for (int round = 1; !parts.isEmpty(); round++) {
            boolean split = round < MAX_ROUNDS;
            JavaRDD<Listed> part = keep(jsc.parallelize(parts, Math.min(parts.size(), wanted))
                    .flatMap(p -> listRange(source, p, split)));
            List<KeyRange> rest = part.filter(l -> l.range() != null).map(Listed::range).collect();
            listed = listed.union(part.filter(l -> l.file() != null).map(Listed::file));
            ranges.addAll(rest);
            parts = new ArrayList<>(rest);
        }
        if (markers) {
            listed = listed.union(emptyFolders(source, folders, ranges, wanted));
        }
        listed = keep(listed);
        // As the driver's planning, which finds tables in the files it lists, before it adds the empty folders.
        if (r.findTables() && !listed.filter(f -> !Source.isFolderMarker(f)
                && TableFinder.holdsTable(f.relativePath())).isEmpty()) {
            release();
            return null;
        }
        long[] counted = listed.aggregate(new long[2], (c, f) -> {
            c[0]++;
            c[1] += rules.skips(f) ? 1 : 0;
            return c;
        }, (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
        long skipped = counted[1];
        out.printf(Locale.ROOT, "lakeshift: listed %,d source files (%,d bookkeeping files skipped) in %.1fs;"
                + " listing the target%n", counted[0], skipped, seconds(start));
        int shuffle = Math.max(2 * slots, listed.getNumPartitions());
        JavaPairRDD<String, SourceFile> sources = listed.filter(f -> !rules.skips(f))
                .mapToPair(f -> new Tuple2<>(rules.objectName(f), f));

        Target target = r.target();
        List<String> bounds = new ArrayList<>(folders);
        ranges.forEach(k -> bounds.add(k.until() != null && target.splitsFolders() ? k.until() : k.folder()));
        int targetWanted = (int) Math.min(Planner.MAX_PARTITIONS, Math.max(wanted, counted[0] / TARGET_RANGE_OBJECTS));
        if (target.listsByRange() && bounds.size() < targetWanted && counted[0] > 0) {
            // Too few folders to bound the ranges by (an inventory has none): a sample of the source's names.
            double fraction = Math.min(1.0, 4.0 * targetWanted / counted[0]);
            bounds.addAll(sources.values().map(SourceFile::relativePath).sample(false, fraction, 1).collect());
        }
        List<String[]> targetRanges = ranges(target.listsByRange() ? bounds : List.of(), rules, targetWanted);
        JavaRDD<TargetObject> objects = keep(jsc.parallelize(targetRanges, targetRanges.size())
                .flatMap(range -> listRange(target, range)));
        long targetObjects = objects.count();
        out.printf(Locale.ROOT, "lakeshift: listed %,d target objects in %.1fs; comparing%s%n", targetObjects,
                seconds(start), r.history().parts() == 0 ? "" : " with the records of " + r.history().parts()
                        + " earlier log part file(s)");

        JavaRDD<NameGroup> groups = keep(sources.cogroup(objects.mapToPair(o -> new Tuple2<>(o.name(), o)),
                history(r.history(), slots), shuffle).map(g -> NameGroup.plan(rules, g._1(), list(g._2()._1()),
                        first(g._2()._2()), first(g._2()._3()))));
        long badNames = groups.map(g -> (long) g.badNames().size()).fold(0L, Long::sum);
        if (badNames > 0) {
            throw rules.badNames(badNames, groups.flatMap(g -> g.badNames().iterator())
                    .takeOrdered(FileRules.MAX_REPORTED));
        }
        long collisions = groups.map(NameGroup::collisions).fold(0L, Long::sum);
        if (collisions > 0) {
            throw FileRules.collisions(collisions, groups.flatMap(g -> g.collisionExamples().iterator())
                    .takeOrdered(FileRules.MAX_REPORTED));
        }

        JavaRDD<PlannedFile> planned = keep(groups.flatMap(g -> g.files().iterator()));
        PlanTotals totals = planned.aggregate(new PlanTotals(), PlanTotals::add, PlanTotals::merge);
        int n = r.partitions() > 0 ? r.partitions() : Planner.autoPartitions(totals.rows, totals.cost, slots);
        Balanced balanced = balance(planned, totals, n, shuffle);
        List<PlannedFile> largest = planned.filter(FileRules::reads).takeOrdered(10, new PlanOrder.Largest());
        Plan plan = new Plan(List.of(), totals.sourceFiles, totals.sourceBytes, skipped, totals.byAction(), largest,
                List.of());
        List<JavaRDD<?>> rows = new ArrayList<>(held);
        held.clear();
        return new SparkPlan(cluster, plan, targetObjects, planned, balanced.rows(), balanced.perPartition(), rows);
    }

    /** The rows dealt to partitions, and each partition's {files, cost}. */
    record Balanced(JavaRDD<PlannedFile> rows, long[][] perPartition) {}

    /**
     * Heaviest first: each row at least a partition's mean weight gets a partition of its own, the rest are dealt
     * over the others in a snake (0..m-1, then m-1..0, ...), so partitions differ by at most one row's weight and
     * only the sort and the partition ids move the rows; the driver sees each partition's totals.
     */
    private Balanced balance(JavaRDD<PlannedFile> planned, PlanTotals totals, int n, int shuffle) {
        long mean = totals.cost / Math.max(1, n);
        long alone = n <= 1 || mean == 0 ? 0 : Math.min(n - 1, planned.filter(f -> FileRules.cost(f) >= mean).count());
        JavaRDD<PlannedFile> rows = keep(planned.mapToPair(f -> new Tuple2<>(new PlanOrder.Weight(FileRules.cost(f),
                        f.objectName() + '\u0000' + f.relativePath()), f))
                .sortByKey(true, shuffle).values().zipWithIndex()
                .mapToPair(t -> new Tuple2<>(partitionOf(t._2(), alone, n), t._1()))
                .partitionBy(new Exact(n)).values());
        List<long[]> each = rows.mapPartitionsWithIndex((p, it) -> {
            long files = 0;
            long cost = 0;
            while (it.hasNext()) {
                cost += FileRules.cost(it.next());
                files++;
            }
            return List.of(new long[] {p, files, cost}).iterator();
        }, true).collect();
        long[][] perPartition = new long[n][2];
        each.forEach(e -> perPartition[(int) e[0]] = new long[] {e[1], e[2]});
        return new Balanced(rows, perPartition);
    }

    /** The partition of the row at {@code index} in the heaviest-first order. */
    static int partitionOf(long index, long alone, int n) {
        if (index < alone) {
            return (int) index;
        }
        long m = n - alone;
        long j = index - alone;
        long pos = j % m;
        return (int) (alone + ((j / m) % 2 == 0 ? pos : m - 1 - pos));
    }

    /**
     * Key ranges of the target between the names the source's folders and key-range bounds map to (sorted, at most
     * about {@code wanted}), so that together they cover every name once: [none, b1), [b1, b2), ..., [bk, none). A
     * source folder split by key range thus splits the target's folder of the same name at the same keys.
     */
    static List<String[]> ranges(List<String> paths, FileRules rules, int wanted) {
        TreeSet<String> bounds = new TreeSet<>(NameOrder.ORDER);
        paths.forEach(f -> bounds.add(rules.target().objectName(f)));
        List<String> all = new ArrayList<>(bounds);
        int step = Math.max(1, (all.size() + wanted - 1) / wanted);
        List<String> kept = IntStream.range(0, all.size()).filter(i -> i % step == 0).mapToObj(all::get).toList();
        List<String[]> ranges = new ArrayList<>();
        String from = null;
        for (String b : kept) {
            ranges.add(new String[] {from, b});
            from = b;
        }
        ranges.add(new String[] {from, null});
        return ranges;
    }

    /** The latest record of each name: a later part, then a later line, wins (as RunHistory.load keeps it). */
    private JavaPairRDD<String, CopyRecord> history(HistoryReader history, int slots) {
        if (history.parts() == 0) {
            return JavaPairRDD.fromJavaRDD(jsc.<Tuple2<String, CopyRecord>>emptyRDD());
        }
        List<Integer> parts = IntStream.range(0, history.parts()).boxed().toList();
        return jsc.parallelize(parts, Math.min(parts.size(), PER_SLOT * slots))
                .flatMapToPair(i -> readPart(history, i))
                .reduceByKey((a, b) -> a._1() >= b._1() ? a : b)
                .mapValues(Tuple2::_2);
    }

    private static Iterator<Tuple2<String, Tuple2<Long, CopyRecord>>> readPart(HistoryReader history, int part)
            throws IOException {
        List<CopyRecord> records = history.read(part);
        List<Tuple2<String, Tuple2<Long, CopyRecord>>> out = new ArrayList<>(records.size());
        for (int line = 0; line < records.size(); line++) {
            CopyRecord c = records.get(line);
            out.add(new Tuple2<>(c.objectName(), new Tuple2<>(HistoryReader.order(part, line), c)));
        }
        return out.iterator();
    }

    /** One folder's entries; with {@code markers}, a folder with none is an empty one, listed as its marker. */
    private static Iterator<Listed> listFolder(Source source, String folder, boolean markers) throws IOException {
        List<Listed> out = new ArrayList<>();
        source.listFolder(folder, f -> out.add(new Listed(f, null, null)), d -> out.add(new Listed(null, d, null)),
                k -> out.add(new Listed(null, null, k)));
        if (markers && out.isEmpty()) {
            source.listEmptyFolders(folder, f -> out.add(new Listed(f, null, null)));
        }
        return out.iterator();
    }

    /**
     * The empty folders below the folders the levels did not list: each subtree, and each folder split by key
     * range, walked whole by one task (S3A shows a zero-byte {@code folder/} object with nothing below it as an
     * empty directory, and a range's listing drops such keys, so the ranges cannot tell).
     */
    private JavaRDD<SourceFile> emptyFolders(Source source, List<String> subtrees, List<KeyRange> ranges,
            int wanted) {
        TreeSet<String> walks = new TreeSet<>(subtrees);
        ranges.forEach(k -> walks.add(k.folder()));
        if (walks.isEmpty()) {
            return jsc.emptyRDD();
        }
        return jsc.parallelize(new ArrayList<>(walks), Math.min(walks.size(), wanted)).flatMap(folder -> {
            List<SourceFile> out = new ArrayList<>();
            source.listEmptyFolders(folder, out::add);
            return out.iterator();
        });
    }

    private static Iterator<Listed> listRange(Source source, KeyRange range, boolean split) throws IOException {
        List<Listed> out = new ArrayList<>();
        source.listRange(range, f -> out.add(new Listed(f, null, null)),
                split ? k -> out.add(new Listed(null, null, k)) : null);
        return out.iterator();
    }

    private static Iterator<TargetObject> listRange(Target target, String[] range) throws IOException {
        List<TargetObject> out = new ArrayList<>();
        target.objects(range[0], range[1], out::add);
        return out.iterator();
    }

    private static <T> List<T> list(Iterable<T> values) {
        List<T> out = new ArrayList<>();
        values.forEach(out::add);
        return out;
    }

    private static <T> T first(Iterable<T> values) {
        Iterator<T> it = values.iterator();
        return it.hasNext() ? it.next() : null;
    }

    private <T> JavaRDD<T> keep(JavaRDD<T> rdd) {
        held.add(rdd.persist(KEEP));
        return rdd;
    }

    /** Persists an RDD for the plan's life: unpersisted when the plan closes, or at once if planning fails. */
    interface Keeper {
        <T> JavaRDD<T> keep(JavaRDD<T> rdd);
    }

    private void release() {
        held.forEach(rdd -> rdd.unpersist(false));
        held.clear();
    }

    /** Partition {@code i} for key {@code i}: the balancing already chose each row's partition. */
    static final class Exact extends Partitioner {
        private final int n;

        Exact(int n) {
            this.n = n;
        }

        @Override
        public int numPartitions() {
            return n;
        }

        @Override
        public int getPartition(Object key) {
            return (Integer) key;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Exact e && e.n == n;
        }

        @Override
        public int hashCode() {
            return n;
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
