package io.lakeshift.bench;

import com.oracle.bmc.objectstorage.ObjectStorageClient;
import io.lakeshift.emulator.FaultPolicy;
import io.lakeshift.emulator.OciEmulator;
import io.lakeshift.emulator.Sdk;
import io.lakeshift.log.LogFormat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Planning at scale ({@code bench/run.sh plan}, issue 14): {@code lakeshift plan} (a dry run: plan, per-file plan
 * records, plan.json; no bytes moved) into an empty bucket of the OCI emulator, as a child JVM under GNU time, from
 * <ul>
 *   <li>{@code inventory}: a generated S3 Inventory (Parquet parts and manifest.json, {@link InventoryGenerator},
 *       kept in target/bench/inventory/N) standing for a source folder that is empty on disk;</li>
 *   <li>{@code tree}: a generated tree of zero-byte files on local disk (50 × 20 folders, kept in
 *       target/bench/plan/tree-N and reused);</li>
 *   <li>{@code cutover}: the tree at each of {@code --cutover-objects}, planned both ways ({@code --planning local}
 *       and {@code distributed}), for the threshold of {@code --planning auto}.</li>
 *   <li>{@code incremental}: {@code lakeshift migrate} of each of {@code --incremental-objects} rows (an empty-sized
 *       inventory) whose objects and first run a {@link SeededRun} put in place: all equal, twice, with every
 *       request the target saw counted by operation ({@link #incremental}).</li>
 * </ul>
 * Every run of inventory and tree is repeated for each master of {@code --masters} (task slots). The driver's live
 * heap is measured, not guessed: when lakeshift prints its "listed and compared" line (the plan is built and held),
 * {@code jcmd GC.class_histogram} (a full GC first, live objects only) is taken of its JVM; the histogram's total
 * is the live heap, its top classes are kept in logs/ to find what the driver holds per object. In local mode the
 * driver is also the executor: the heap then holds the blocks Spark keeps of the plan's RDDs too, unless
 * {@code --storage-fraction} (spark.memory.fraction) leaves them no room in memory, so they go to disk
 * (MEMORY_AND_DISK): the default, so that what stays is the driver's own. Load average beside every timing.
 *
 * <p>Args: {@code [--cases inventory,tree] [--objects 1000000] [--tree-objects 1000000,2000000]
 * [--masters local[1],local[2]] [--inventory-planning distributed,local] [--tree-planning distributed,local] [--xmx 1g] [--cutover-objects 10000,50000,200000,1000000] [--storage-fraction 0.05]
 * [--timeout-min 30]}; 10M: {@code --objects 10000000} (the inventory is generated once, about ten minutes here).
 */
public final class PlanScaleBench {
    private static final String OCI_BUCKET = "plan";
    private static final Pattern PLAN_LINE = PlanBench.PLAN_LINE;
    private static final Pattern HISTOGRAM_TOTAL = Pattern.compile("(?m)^Total\\s+(\\d+)\\s+(\\d+)\\s*$");

    private final Path project = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    private final Path work = project.resolve("target/bench/plan");
    private final Map<String, String> opt;
    private final String benchClasspath;

    private PlanScaleBench(Map<String, String> opt) throws IOException {
        this.opt = opt;
        this.benchClasspath = Files.readString(project.resolve("target/bench-classpath.txt")).trim();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new LinkedHashMap<>();
        opt.put("cases", "inventory,tree");
        opt.put("objects", "1000000");
        opt.put("tree-objects", "1000000,2000000");
        opt.put("masters", "local[1],local[2]");
        opt.put("inventory-planning", "distributed");
        opt.put("tree-planning", "distributed");
        opt.put("xmx", "1g");
        opt.put("cutover-objects", "10000,50000,200000,1000000");
        opt.put("storage-fraction", "0.05");
        opt.put("timeout-min", "30");
        opt.put("incremental-objects", "1000000");
        BenchArgs.parse(opt, args);
        PlanScaleBench bench = new PlanScaleBench(opt);
        Files.createDirectories(bench.work.resolve("logs"));
        String facts = MachineFacts.markdown(bench.project, bench.work) + "\n";
        System.out.print(facts);
        List<Measure> all = new ArrayList<>();
        Path results = bench.work.resolve("scale-results.md");
        for (String c : opt.get("cases").split(",")) {
            switch (c) {
                case "inventory" -> {
                    for (String n : opt.get("objects").split(",")) {
                        Path manifest = bench.inventory(Long.parseLong(n), false);
                        for (String master : opt.get("masters").split(",")) {
                            for (String planning : opt.get("inventory-planning").split(",")) {
                                all.add(bench.plan(c, Long.parseLong(n), master, planning, manifest));
                                Files.writeString(results, facts + bench.table(all));
                            }
                        }
                    }
                }
                case "tree" -> {
                    for (String n : opt.get("tree-objects").split(",")) {
                        for (String master : opt.get("masters").split(",")) {
                            for (String planning : opt.get("tree-planning").split(",")) {
                                all.add(bench.plan(c, Long.parseLong(n), master, planning, null));
                                Files.writeString(results, facts + bench.table(all));
                            }
                        }
                    }
                }
                case "cutover" -> {
                    for (String n : opt.get("cutover-objects").split(",")) {
                        for (String planning : List.of("local", "distributed")) {
                            all.add(bench.plan(c, Long.parseLong(n), "local[2]", planning, null));
                            Files.writeString(results, facts + bench.table(all));
                        }
                    }
                }
                case "incremental" -> {
                    for (String n : opt.get("incremental-objects").split(",")) {
                        all.addAll(bench.incremental(Long.parseLong(n)));
                        Files.writeString(results, facts + bench.table(all));
                    }
                }
                default -> throw new IllegalArgumentException("unknown case " + c
                        + " (inventory|tree|cutover|incremental)");
            }
        }
        String table = bench.table(all);
        System.out.println(table);
        Files.writeString(results, facts + table);
        System.out.println("results: " + results);
    }

    /** One plan run. */
    record Measure(String kase, long objects, String master, String planning, double wall, double planSeconds,
                   double cpu, long rssKiB, long liveBytes, String load, boolean ok, String note) {}

    // ---- the data ----------------------------------------------------------------------------------------

    /** The folder an inventory stands for: it exists, and holds nothing (the inventory says what it holds). */
    private Path inventorySource() throws IOException {
        // Beside the inventories' real folder, so that a copy of the project that links to them plans the same.
        Path inventories = Files.createDirectories(project.resolve("target/bench/inventory")).toRealPath();
        return Files.createDirectories(inventories.resolveSibling("plan/inventory-source"));
    }

    /**
     * The manifest of an n-row inventory of {@link #inventorySource}, generated once (a marker says complete);
     * {@code empty}: every size 0 (for {@link SeededRun}), kept apart.
     */
    private Path inventory(long n, boolean empty) throws Exception {
        Path out = project.resolve(empty ? "target/bench/inventory-empty" : "target/bench/inventory");
        Path marker = out.resolve(n + ".done");
        if (Files.exists(marker)) {
            return Path.of(Files.readString(marker).trim());
        }
        String prefix = inventorySource().toString().substring(1) + "/";
        System.out.printf(Locale.ROOT, "generating an S3 Inventory of %,d objects (once) into %s%n", n, out);
        List<String> c = new ArrayList<>(List.of(MigrationBench.java(), "-Xmx2g"));
        c.addAll(List.of(System.getProperty("lakeshift.test.opens", "").split(" ")));
        c.removeIf(String::isBlank);
        c.addAll(List.of("-cp", project.resolve("target/test-classes") + ":" + project.resolve("target/classes") + ":"
                + benchClasspath, InventoryGenerator.class.getName(), "--objects", String.valueOf(n), "--files",
                String.valueOf(Math.max(16, n / 250_000)), "--prefix", prefix, "--out", out.toString(), "--sizes",
                empty ? "zero" : "mixed"));
        Path log = work.resolve("logs/inventory-" + (empty ? "empty-" : "") + n + ".log");
        Timed.Result t = Timed.run(c, project, log, work.resolve("logs/inventory-" + (empty ? "empty-" : "") + n + ".time"), Map.of(),
                List.of(), Long.parseLong(opt.get("timeout-min")) * 2);
        if (!t.finished() || t.exit() != 0) {
            throw new IOException("generating the inventory failed; see " + log);
        }
        List<String> lines = Files.readAllLines(log);
        String manifest = lines.stream().filter(l -> l.endsWith("manifest.json")).reduce((a, b) -> b).orElseThrow();
        System.out.printf(Locale.ROOT, "generated in %.1f s wall, %.1f s CPU (load %s)%n", t.wall(), t.cpu(), load());
        Files.writeString(marker, manifest + "\n");
        return Path.of(manifest);
    }

    /** n zero-byte files in 50 × 20 folders, unless all are there. */
    private Path tree(long n) throws IOException {
        Path dir = work.resolve("tree-" + n);
        Path marker = work.resolve("tree-" + n + ".done");
        if (Files.exists(marker)) {
            return dir;
        }
        System.out.printf(Locale.ROOT, "writing %,d zero-byte files into %s (once)%n", n, dir);
        MigrationBench.deleteTree(dir);
        for (long i = 0; i < n; i++) {
            Path f = dir.resolve(String.format(Locale.ROOT, "p=%02d/q=%02d/f-%08d.bin", i % 50, (i / 50) % 20, i));
            if (i < 1000) {
                Files.createDirectories(f.getParent());
            }
            Files.createFile(f);
        }
        Files.writeString(marker, "");
        return dir;
    }

    // ---- one plan run ------------------------------------------------------------------------------------

    private Measure plan(String kase, long n, String master, String planning, Path manifest) throws Exception {
        String source = (manifest == null ? tree(n) : inventorySource()).toUri().toString();
        String id = kase + "-" + n + "-" + master.replaceAll("[^a-z0-9]", "") + "-" + planning;
        Path log = work.resolve("logs/" + id + "-log");
        MigrationBench.deleteTree(log);
        try (OciEmulator emu = emulator(FaultPolicy.NONE)) {
            Launched l = launch(id, emu, "plan", source, manifest, master, planning, log, List.of());
            MigrationBench.deleteTree(log);
            if (!l.time.finished()) {
                return l.measure(kase, n, master, planning, false, l.time.problem());
            }
            Matcher m = PLAN_LINE.matcher(l.output);
            boolean ok = l.time.exit() == 0;
            String note;
            if (m.find()) {
                long files = number(m.group(1)), copy = number(m.group(2));
                note = String.format(Locale.ROOT, "%,d files, %,d to copy", files, copy);
                ok &= files == n && copy == n;
            } else {
                note = "no plan line in the output";
                ok = false;
            }
            return l.measure(kase, n, master, planning, ok, note);
        }
    }

    /**
     * An incremental run of n objects that are all equal, twice: a seeded first run ({@link SeededRun}) left the
     * objects and its log; run 1 reads that log's part files (4,096 records each), run 2 the part files run 1
     * wrote. Each must find every file equal and ask the target for nothing per object: the requests the emulator
     * saw are counted by operation, and any HeadObject, GetObject or write fails the case. The source is an
     * inventory of an empty folder, so any per-file call on it would fail the file.
     */
    private List<Measure> incremental(long n) throws Exception {
        Path manifest = inventory(n, true);
        String source = inventorySource().toUri().toString();
        String id = "incremental-" + n;
        Path log = work.resolve("logs/" + id + "-log");
        MigrationBench.deleteTree(log);
        Map<String, AtomicLong> requests = new ConcurrentHashMap<>();
        FaultPolicy count = r -> {
            requests.computeIfAbsent(r.operation(), k -> new AtomicLong()).incrementAndGet();
            return false;
        };
        List<Measure> measures = new ArrayList<>();
        try (OciEmulator emu = emulator(count)) {
            long started = System.nanoTime();
            SeededRun.seed(emu.storage(), OCI_BUCKET, "lake/", n, log, "seed");
            System.out.printf(Locale.ROOT, "%s: seeded %,d objects and the first run's log in %.1f s%n", id, n,
                    (System.nanoTime() - started) / 1e9);
            for (int run = 1; run <= 2; run++) {
                requests.clear();
                String runId = "inc" + run;
                Launched l = launch(id + "-run" + run, emu, "migrate", source, manifest, "local[2]", "distributed",
                        log, List.of("--run-id", runId));
                Map<String, Long> ops = new TreeMap<>();
                requests.forEach((op, k) -> ops.put(op, k.get()));
                Path summary = log.resolve(LogFormat.runFolder(runId)).resolve(LogFormat.SUMMARY);
                Map<String, Long> files = Files.exists(summary)
                        ? LogFormat.parseSummary(Files.readAllBytes(summary)).files() : Map.of();
                boolean perObject = ops.keySet().stream().anyMatch(PER_OBJECT::contains);
                boolean ok = l.time.finished() && l.time.exit() == 0 && files.equals(Map.of("equal", n))
                        && !perObject;
                String note = String.format(Locale.ROOT, "run %d: files %s; requests to the target %s (%.2f"
                        + " ListObjects per 1,000 objects)%s", run, files, ops,
                        ops.getOrDefault("ListObjects", 0L) * 1000.0 / n, perObject ? "; a request per object" : "");
                measures.add(l.measure("incremental", n, "local[2]", "distributed", ok,
                        l.time.finished() ? note : l.time.problem()));
            }
        } finally {
            MigrationBench.deleteTree(log);
        }
        return measures;
    }

    /** The target's operations that name one object: an all-equal incremental run makes none. */
    private static final java.util.Set<String> PER_OBJECT = java.util.Set.of("HeadObject", "GetObject", "PutObject",
            "CreateMultipartUpload", "UploadPart", "CommitMultipartUpload", "DeleteObject", "RenameObject");

    /** One lakeshift run under GNU time, and what it cost. */
    private record Launched(Timed.Result time, String output, long liveBytes, String load) {
        Measure measure(String kase, long n, String master, String planning, boolean ok, String note) {
            if (!time.finished()) {
                return new Measure(kase, n, master, planning, Double.NaN, Double.NaN, Double.NaN, 0, 0, load, false,
                        note);
            }
            Matcher m = PLAN_LINE.matcher(output);
            double planSeconds = m.find() ? Double.parseDouble(m.group(5)) : Double.NaN;
            if (time.exit() != 0) {
                note = "exit " + time.exit() + "; " + note;
            }
            if (liveBytes == 0) {
                note += "; no heap histogram (jcmd missed the plan)";
            }
            System.out.printf(Locale.ROOT, "%s %,d %s: %.1f s wall, %.1f s listed and compared, %.1f s CPU, %d MiB"
                            + " RSS, %.1f MiB live heap at the plan (%.1f B/object), load %s: %s %s%n", kase, n,
                    planning, time.wall(), planSeconds, time.cpu(), time.rssKiB() / 1024, liveBytes / 1048576.0,
                    (double) liveBytes / n, load, ok ? "ok" : "FAILED", note);
            return new Measure(kase, n, master, planning, time.wall(), planSeconds, time.cpu(), time.rssKiB(),
                    liveBytes, load, ok, note);
        }
    }

    /** lakeshift {@code command} from {@code source} into the emulator's bucket, its heap histogram at the plan. */
    private Launched launch(String id, OciEmulator emu, String command, String source, Path manifest, String master,
            String planning, Path log, List<String> more) throws Exception {
        Path histogram = work.resolve("logs/" + id + ".histogram");
        Files.deleteIfExists(histogram);
        List<String> jvm = new ArrayList<>(List.of("-Xmx" + opt.get("xmx"), "-XX:+StartAttachListener",
                "-Dspark.memory.fraction=" + opt.get("storage-fraction")));
        List<String> c = MigrationBench.lakeshiftCommand(project, benchClasspath, jvm, command);
        c.addAll(List.of("--source", source, "--target", "oci://" + OCI_BUCKET + "@" + emu.namespace() + "/lake/",
                "--oci-config", emu.configFile().toString(), "--oci-profile", emu.profile(), "--oci-endpoint",
                emu.endpoint(), "--log", log.toUri().toString(), "--master", master, "--planning", planning));
        if (manifest != null) {
            c.addAll(List.of("--inventory", manifest.toUri().toString()));
        }
        c.addAll(more);
        Path out = work.resolve("logs/" + id + ".log");
        String loadBefore = load();
        Timed.Result t = Timed.run(c, project, out, work.resolve("logs/" + id + ".time"), Map.of(), List.of(),
                Long.parseLong(opt.get("timeout-min")), (p, o) -> histogramOncePlanned(p, o, histogram));
        String loadAt = loadBefore + " → " + load();
        if (!t.finished()) {
            System.out.printf(Locale.ROOT, "%s: FAILED %s (load %s)%n", id, t.problem(), loadAt);
        } else if (t.exit() != 0) {
            System.out.println("  see " + out);
        }
        return new Launched(t, t.finished() ? Files.readString(out) : "", liveBytes(histogram), loadAt);
    }

    private OciEmulator emulator(FaultPolicy requests) throws IOException {
        OciEmulator emu = OciEmulator.builder().configDir(work.resolve("oci-config")).threads(16)
                .faultPolicy(requests).start();
        try (ObjectStorageClient client = Sdk.client(emu)) {
            Sdk.createBucket(client, emu, OCI_BUCKET);
        }
        return emu;
    }

    /**
     * As soon as lakeshift prints its "listed and compared" line, a live-object histogram of its JVM (jcmd runs a
     * full GC first): what the driver holds while the plan is held.
     */
    private static void histogramOncePlanned(Process time, Path log, Path histogram) throws Exception {
        while (time.isAlive()) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.ISO_8859_1).contains("listed and compared in")) {
                ProcessHandle jvm = time.descendants().filter(h -> h.info().command().map(cmd -> cmd.endsWith("/java"))
                        .orElse(false)).findFirst().orElse(null);
                if (jvm != null) {
                    Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                            String.valueOf(jvm.pid()), "GC.class_histogram").redirectErrorStream(true)
                            .redirectOutput(histogram.toFile()).start();
                    jcmd.waitFor();
                }
                return;
            }
            Thread.sleep(50); // polling the child's output file for its plan line
        }
    }

    static long liveBytes(Path histogram) throws IOException {
        if (!Files.exists(histogram)) {
            return 0;
        }
        Matcher m = HISTOGRAM_TOTAL.matcher(Files.readString(histogram));
        return m.find() ? Long.parseLong(m.group(2)) : 0;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static long number(String s) {
        return Long.parseLong(s.replace(",", ""));
    }

    // ---- the table ----------------------------------------------------------------------------------------

    private String table(List<Measure> all) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "### planning at scale (lakeshift plan; migrate for incremental; -Xmx%s,"
                + " spark.memory.fraction %s)%n%n| case | objects | master | planning | wall s | listed and compared s"
                + " | µs per object | CPU s | CPU µs per object | peak RSS MiB | live heap at the plan MiB"
                + " | live heap B per object | load (1 min) before → after | result |%n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|%n", opt.get("xmx"),
                opt.get("storage-fraction")));
        for (Measure m : all) {
            sb.append(String.format(Locale.ROOT, "| %s | %,d | %s | %s | %.1f | %.1f | %.1f | %.1f | %.1f | %d | %.1f"
                            + " | %.1f | %s | %s |%n", m.kase, m.objects, m.master, m.planning, m.wall, m.planSeconds,
                    m.planSeconds * 1e6 / m.objects, m.cpu, m.cpu * 1e6 / m.objects, m.rssKiB / 1024,
                    m.liveBytes / 1048576.0, (double) m.liveBytes / m.objects, m.load,
                    (m.ok ? "ok, " : "FAILED, ") + m.note));
        }
        return sb.toString();
    }

}
