package io.lakeshift.bench;

import com.oracle.bmc.objectstorage.ObjectStorageClient;
import io.lakeshift.emulator.OciEmulator;
import io.lakeshift.emulator.Sdk;
import io.lakeshift.testing.S3ProxyFileServer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The listing-and-plan cost of lakeshift: {@code lakeshift plan} (the dry run: log history, target listing,
 * source listing, planning, and the dry run's per-file plan records) for many tiny objects, as a child JVM under
 * GNU time with a GC log. Cases:
 * <ul>
 *   <li>{@code local-empty}: source on the local file system (file://), target bucket of the OCI emulator empty;
 *       every file planned as new.</li>
 *   <li>{@code local-full}: the same source; the target already holds every object and the log holds the run that
 *       put them there (a real {@code lakeshift migrate}, done once and kept on disk: the emulator's disk store
 *       and a file:// log under target/bench/plan/); every file planned as equal, from listings alone.</li>
 *   <li>{@code s3-empty}: source s3a:// on s3proxy (filesystem store, files written into its bucket folder),
 *       target empty; with fewer objects (s3proxy lists slowly), to extrapolate from.</li>
 * </ul>
 * Each case runs at two sizes, so the fixed cost (JVM, Spark, clients) drops out: time per object from the
 * larger run's own "listed and compared" time, driver memory per object as the difference of the largest heap
 * after a GC pause (from -Xlog:gc) between the two sizes, divided by the difference in objects; the same for
 * peak RSS. In local mode the driver is also the executor, so the dry run's tasks are in those figures.
 *
 * <p>Args: {@code [--objects 200000] [--base-objects 20000] [--s3-objects 20000] [--s3-base-objects 5000]
 * [--cases local-empty,local-full,s3-empty] [--reps 1] [--xmx 4g] [--seed-master local[8]] [--timeout-min 60]}
 */
public final class PlanBench {
    private static final String OCI_BUCKET = "plan";
    /** The plan's console line: files, to copy, to check, equal, and the listing-and-compare seconds. */
    static final Pattern PLAN_LINE = Pattern.compile("lakeshift: ([\\d,]+) files, .*?; ([\\d,]+) to copy,"
            + " ([\\d,]+) to check, ([\\d,]+) equal, .*listed and compared in ([\\d.]+)s");
    private static final Pattern GC_PAUSE = Pattern.compile("Pause.*?(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    private final Path project = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    private final Path work = project.resolve("target/bench/plan");
    private final Map<String, String> opt;
    private final String benchClasspath;

    private PlanBench(Map<String, String> opt) throws IOException {
        this.opt = opt;
        this.benchClasspath = Files.readString(project.resolve("target/bench-classpath.txt")).trim();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new LinkedHashMap<>();
        opt.put("objects", "200000");
        opt.put("base-objects", "20000");
        opt.put("s3-objects", "20000");
        opt.put("s3-base-objects", "5000");
        opt.put("cases", "local-empty,local-full,s3-empty");
        opt.put("reps", "1");
        opt.put("xmx", "4g");
        opt.put("seed-master", "local[8]");
        opt.put("timeout-min", "60");
        BenchArgs.parse(opt, args);
        PlanBench bench = new PlanBench(opt);
        Files.createDirectories(bench.work.resolve("logs"));
        StringBuilder report = new StringBuilder(MachineFacts.markdown(bench.project, bench.work)).append('\n');
        System.out.print(report);
        List<Measure> all = new ArrayList<>();
        for (String c : opt.get("cases").split(",")) {
            boolean s3 = c.startsWith("s3");
            long small = Long.parseLong(opt.get(s3 ? "s3-base-objects" : "base-objects"));
            long large = Long.parseLong(opt.get(s3 ? "s3-objects" : "objects"));
            for (long n : new TreeSet<>(List.of(small, large))) {
                all.add(bench.measure(c, n));
            }
            String table = bench.table(all);
            Files.writeString(bench.work.resolve("results.md"), report + table);
        }
        String table = bench.table(all);
        System.out.println(table);
        Files.writeString(bench.work.resolve("results.md"), report + table);
        System.out.println("results: " + bench.work.resolve("results.md"));
    }

    /** One case at one size: the median rep by wall time (all reps listed in the console). */
    record Measure(String kase, long objects, double wall, double planSeconds, double cpu, long rssKiB,
                   long heapAfterGcKiB, long liveHeapKiB, int gcPauses, boolean ok, String note) {}

    private Measure measure(String kase, long n) throws Exception {
        int reps = Integer.parseInt(opt.get("reps"));
        List<Measure> runs = new ArrayList<>();
        switch (kase) {
            case "local-empty" -> {
                Path src = localSource(n);
                for (int rep = 1; rep <= reps; rep++) {
                    try (OciEmulator emu = emulator(null)) {
                        Path log = work.resolve("log-empty");
                        MigrationBench.deleteTree(log);
                        runs.add(plan(kase, n, rep, emu, src.toUri().toString(), log, List.of(), n, 0));
                        MigrationBench.deleteTree(log);
                    }
                }
            }
            case "local-full" -> {
                Path src = localSource(n);
                Path data = work.resolve("oci-full-" + n);
                Path log = work.resolve("log-full-" + n);
                seed(n, src, data, log);
                try (OciEmulator emu = emulator(data)) {
                    for (int rep = 1; rep <= reps; rep++) {
                        Set<String> before = runFolders(log);
                        runs.add(plan(kase, n, rep, emu, src.toUri().toString(), log, List.of(), 0, n));
                        for (String folder : runFolders(log)) {
                            if (!before.contains(folder)) {
                                MigrationBench.deleteTree(log.resolve(folder)); // the plan's own, so reps match
                            }
                        }
                    }
                }
            }
            case "s3-empty" -> {
                Path s3data = project.resolve("target/bench/s3data");
                String prefix = "plan-" + n;
                writeTinyFiles(s3data.resolve(MigrationBench.S3_BUCKET).resolve(prefix), n);
                try (S3ProxyFileServer s3 = S3ProxyFileServer.start(s3data, "2g")) {
                    for (int rep = 1; rep <= reps; rep++) {
                        try (OciEmulator emu = emulator(null)) {
                            Path log = work.resolve("log-empty");
                            MigrationBench.deleteTree(log);
                            List<String> extra = new ArrayList<>(s3.s3Args());
                            runs.add(plan(kase, n, rep, emu, "s3a://" + MigrationBench.S3_BUCKET + "/" + prefix, log,
                                    extra, n, 0));
                            MigrationBench.deleteTree(log);
                        }
                    }
                }
            }
            default -> throw new IllegalArgumentException("unknown case " + kase
                    + " (local-empty|local-full|s3-empty)");
        }
        List<Measure> sorted = new ArrayList<>(runs);
        sorted.sort((a, b) -> Double.compare(a.wall, b.wall));
        return sorted.stream().filter(Measure::ok).skip(sorted.stream().filter(Measure::ok).count() / 2).findFirst()
                .orElse(runs.get(0));
    }

    private OciEmulator emulator(Path dataDir) throws IOException {
        OciEmulator emu = OciEmulator.builder().configDir(work.resolve("oci-config")).dataDir(dataDir).threads(64)
                .start();
        try (ObjectStorageClient client = Sdk.client(emu)) {
            if (dataDir == null || !Files.exists(dataDir.resolve("bucket-created"))) {
                Sdk.createBucket(client, emu, OCI_BUCKET);
                if (dataDir != null) {
                    Files.writeString(dataDir.resolve("bucket-created"), "");
                }
            }
        }
        return emu;
    }

    private String target(OciEmulator emu) {
        return "oci://" + OCI_BUCKET + "@" + emu.namespace() + "/lake/";
    }

    // ---- the data ----------------------------------------------------------------------------------------

    private Path localSource(long n) throws IOException {
        Path dir = work.resolve("src-" + n);
        writeTinyFiles(dir, n);
        return dir;
    }

    /** n files of 10 bytes in 240 year=/month= folders, unless all are there. */
    private static void writeTinyFiles(Path dir, long n) throws IOException {
        if (MigrationBench.measure(dir)[0] == n) {
            return;
        }
        System.out.printf(Locale.ROOT, "writing %,d tiny files into %s%n", n, dir);
        MigrationBench.deleteTree(dir);
        byte[] body = "0123456789".getBytes(StandardCharsets.US_ASCII);
        for (long i = 0; i < n; i++) {
            Path f = dir.resolve(String.format(Locale.ROOT, "year=%d/month=%02d/part-%07d.bin",
                    2000 + (i / 12) % 20, i % 12 + 1, i));
            if (i < 240) {
                Files.createDirectories(f.getParent());
            }
            Files.write(f, body);
        }
    }

    /**
     * Puts the n objects into the emulator's disk store with a real {@code lakeshift migrate} (so the log holds the
     * records an incremental run starts from), once: a marker records a complete seed.
     */
    private void seed(long n, Path src, Path data, Path log) throws Exception {
        Path marker = work.resolve("seeded-" + n + ".txt");
        // The seed vouches for these very files: written again, they have new times and would plan as changed.
        String seeded = "seeded " + n + " objects with lakeshift migrate from " + src + ", newest file "
                + newest(src) + "\n";
        if (Files.exists(marker) && Files.readString(marker).equals(seeded) && Files.exists(data)
                && Files.exists(log)) {
            return;
        }
        Files.deleteIfExists(marker);
        MigrationBench.deleteTree(data);
        MigrationBench.deleteTree(log);
        System.out.printf(Locale.ROOT, "seeding the target for local-full: lakeshift migrate of %,d files (%s),"
                + " once; kept in %s and %s%n", n, opt.get("seed-master"), data, log);
        try (OciEmulator emu = emulator(data)) {
            List<String> c = lakeshift("migrate", src.toUri().toString(), emu, log, "4g", null);
            c.addAll(List.of("--master", opt.get("seed-master"), "--progress-interval", "30"));
            Path out = work.resolve("logs/seed-" + n + ".log");
            Timed.Result t = Timed.run(c, project, out, work.resolve("logs/seed-" + n + ".time"), Map.of(), List.of(),
                    Long.parseLong(opt.get("timeout-min")) * 3);
            if (!t.finished() || t.exit() != 0) {
                throw new IOException("seeding failed (" + (t.finished() ? "exit " + t.exit() : t.problem())
                        + "); see " + out);
            }
            System.out.printf(Locale.ROOT, "seeded %,d objects in %.1f s (%.0f files/s)%n", n, t.wall(), n / t.wall());
        }
        Files.writeString(marker, seeded);
    }

    private static long newest(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().lastModified()).max().orElse(0);
        }
    }

    private static Set<String> runFolders(Path log) throws IOException {
        Set<String> names = new TreeSet<>();
        if (Files.isDirectory(log)) {
            try (Stream<Path> s = Files.list(log)) {
                s.forEach(p -> names.add(p.getFileName().toString()));
            }
        }
        return names;
    }

    // ---- one plan run ------------------------------------------------------------------------------------

    private Measure plan(String kase, long n, int rep, OciEmulator emu, String source, Path log, List<String> extra,
            long wantCopy, long wantEqual) throws Exception {
        String id = kase + "-" + n + "-" + rep;
        Path gcLog = work.resolve("logs/" + id + ".gc");
        Files.deleteIfExists(gcLog);
        List<String> c = lakeshift("plan", source, emu, log, opt.get("xmx"), gcLog);
        c.addAll(extra);
        Path out = work.resolve("logs/" + id + ".log");
        Timed.Result t = Timed.run(c, project, out, work.resolve("logs/" + id + ".time"), Map.of(), List.of(),
                Long.parseLong(opt.get("timeout-min")), PlanBench::fullGcOncePlanned);
        if (!t.finished()) {
            System.out.printf(Locale.ROOT, "%-11s %,9d rep %d: FAILED %s%n", kase, n, rep, t.problem());
            return new Measure(kase, n, Double.NaN, Double.NaN, Double.NaN, 0, 0, 0, 0, false, t.problem());
        }
        String text = Files.readString(out);
        Matcher m = PLAN_LINE.matcher(text);
        double planSeconds = Double.NaN;
        String note;
        boolean ok = t.exit() == 0;
        if (m.find()) {
            long files = number(m.group(1)), copy = number(m.group(2)), check = number(m.group(3));
            long equal = number(m.group(4));
            planSeconds = Double.parseDouble(m.group(5));
            note = String.format(Locale.ROOT, "%,d files: %,d to copy, %,d to check, %,d equal", files, copy, check,
                    equal);
            ok &= files == n && copy == wantCopy && equal == wantEqual;
        } else {
            note = "no plan line in the output";
            ok = false;
        }
        if (t.exit() != 0) {
            note = "exit " + t.exit() + "; " + note;
        }
        long[] gc = gc(gcLog);
        if (gc[1] == 0) {
            note += "; no full GC after the plan (jcmd missed it)";
        }
        System.out.printf(Locale.ROOT, "%-11s %,9d rep %d: %6.1f s wall, %6.1f s listed and compared, %6.1f s CPU,"
                        + " %5d MiB RSS, %5d MiB live after the plan, %5d MiB largest heap after GC (%d pauses): %s %s%n",
                kase, n, rep, t.wall(), planSeconds, t.cpu(), t.rssKiB() / 1024, gc[1] / 1024, gc[0] / 1024, gc[2],
                ok ? "ok" : "FAILED", note);
        if (!ok) {
            System.out.println("  see " + out);
        }
        return new Measure(kase, n, t.wall(), planSeconds, t.cpu(), t.rssKiB(), gc[0], gc[1], (int) gc[2], ok, note);
    }

    private List<String> lakeshift(String command, String source, OciEmulator emu, Path log, String xmx, Path gcLog) {
        List<String> jvm = new ArrayList<>(List.of("-Xmx" + xmx));
        if (gcLog != null) {
            // The attach listener up from the start, so jcmd reaches the JVM at once (a dry run may end soon
            // after its plan line).
            jvm.addAll(List.of("-Xlog:gc:file=" + gcLog, "-XX:+StartAttachListener"));
        }
        List<String> c = MigrationBench.lakeshiftCommand(project, benchClasspath, jvm, command);
        c.addAll(List.of("--source", source, "--target", target(emu), "--oci-config", emu.configFile().toString(),
                "--oci-profile", emu.profile(), "--oci-endpoint", emu.endpoint(), "--log", log.toUri().toString()));
        return c;
    }

    /**
     * As soon as lakeshift prints its "listed and compared" line (the plan is built and still held: listings,
     * history and the plan's files), asks its JVM for a full GC with jcmd, so the GC log shows the heap live at
     * that point. Its cost falls after the listed-and-compared time, inside the wall time.
     */
    private static void fullGcOncePlanned(Process time, Path log) throws Exception {
        while (time.isAlive()) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.ISO_8859_1).contains("listed and compared in")) {
                ProcessHandle jvm = time.descendants().filter(h -> h.info().command().map(cmd -> cmd.endsWith("/java"))
                        .orElse(false)).findFirst().orElse(null);
                if (jvm != null) {
                    Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                            String.valueOf(jvm.pid()), "GC.run").redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                    jcmd.waitFor();
                }
                return;
            }
            Thread.sleep(50);
        }
    }

    private static long number(String s) {
        return Long.parseLong(s.replace(",", ""));
    }

    /**
     * [largest heap after a GC pause, heap after the full GC asked for by jcmd (0 if none), both in KiB; number
     * of pauses] from a -Xlog:gc file.
     */
    static long[] gc(Path gcLog) throws IOException {
        long max = 0, live = 0, pauses = 0;
        if (Files.exists(gcLog)) {
            for (String line : Files.readAllLines(gcLog)) {
                Matcher m = GC_PAUSE.matcher(line);
                if (m.find()) {
                    pauses++;
                    long after = kib(m.group(3), m.group(4));
                    max = Math.max(max, after);
                    if (line.contains("Pause Full (Diagnostic Command)")) {
                        live = Math.max(live, after);
                    }
                }
            }
        }
        return new long[] {max, live, pauses};
    }

    private static long kib(String value, String unit) {
        long v = Long.parseLong(value);
        return switch (unit) {
            case "K" -> v;
            case "M" -> v << 10;
            default -> v << 20;
        };
    }

    // ---- the tables ---------------------------------------------------------------------------------------

    private String table(List<Measure> all) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "### listing and plan (lakeshift plan, -Xmx%s;"
                + " median of %s)%n%n| case | objects | wall s | listed and compared s | µs per object | CPU s"
                + " | peak RSS MiB | live heap after the plan MiB | largest heap after a GC MiB | GC pauses | result |%n"
                + "|---|---|---|---|---|---|---|---|---|---|---|%n", opt.get("xmx"), opt.get("reps")));
        for (Measure m : all) {
            sb.append(String.format(Locale.ROOT, "| %s | %,d | %.1f | %.1f | %.1f | %.1f | %d | %d | %d | %d | %s |%n",
                    label(m.kase), m.objects, m.wall, m.planSeconds, m.planSeconds * 1e6 / m.objects, m.cpu,
                    m.rssKiB / 1024, m.liveHeapKiB / 1024, m.heapAfterGcKiB / 1024, m.gcPauses,
                    (m.ok ? "ok, " : "FAILED, ") + m.note));
        }
        sb.append(String.format(Locale.ROOT, "%n### per object (difference between the two sizes of each case),"
                + " and a straight-line extrapolation to 10 million objects%n%n| case | objects | listed and compared"
                + " µs per object | live heap bytes per object | largest-heap-after-GC bytes per object | peak RSS"
                + " bytes per object | 10M: listed and compared | 10M: live heap |%n|---|---|---|---|---|---|---|---|%n"));
        Map<String, List<Measure>> byCase = new LinkedHashMap<>();
        all.forEach(m -> byCase.computeIfAbsent(m.kase, k -> new ArrayList<>()).add(m));
        for (Map.Entry<String, List<Measure>> e : byCase.entrySet()) {
            List<Measure> ms = e.getValue();
            if (ms.size() < 2 || !ms.get(0).ok || !ms.get(ms.size() - 1).ok) {
                continue;
            }
            Measure a = ms.get(0), b = ms.get(ms.size() - 1);
            double dn = b.objects - a.objects;
            double perObjectSeconds = (b.planSeconds - a.planSeconds) / dn;
            double livePerObject = (b.liveHeapKiB - a.liveHeapKiB) * 1024.0 / dn;
            double heapPerObject = (b.heapAfterGcKiB - a.heapAfterGcKiB) * 1024.0 / dn;
            double rssPerObject = (b.rssKiB - a.rssKiB) * 1024.0 / dn;
            double tenMillionSeconds = b.planSeconds + perObjectSeconds * (10_000_000 - b.objects);
            double tenMillionHeap = b.liveHeapKiB * 1024.0 + livePerObject * (10_000_000 - b.objects);
            boolean live = a.liveHeapKiB > 0 && b.liveHeapKiB > 0; // else jcmd missed one: no live figure
            sb.append(String.format(Locale.ROOT, "| %s | %,d → %,d | %.1f | %s | %.0f | %.0f | %.0f min | %s |%n",
                    label(e.getKey()), a.objects, b.objects, perObjectSeconds * 1e6,
                    live ? String.format(Locale.ROOT, "%.0f", livePerObject) : "–", heapPerObject, rssPerObject,
                    tenMillionSeconds / 60,
                    live ? String.format(Locale.ROOT, "%.1f GiB", tenMillionHeap / (1L << 30)) : "–"));
        }
        return sb.toString();
    }

    private static String label(String kase) {
        return switch (kase) {
            case "local-empty" -> "file:// source, empty OCI target";
            case "local-full" -> "file:// source, target and log hold every object (incremental)";
            case "s3-empty" -> "s3a:// source (s3proxy), empty OCI target";
            default -> kase;
        };
    }
}
