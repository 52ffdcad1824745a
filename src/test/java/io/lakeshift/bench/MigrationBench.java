package io.lakeshift.bench;

import com.amazonaws.services.s3.AmazonS3;
import com.oracle.bmc.objectstorage.ObjectStorageClient;
import com.oracle.bmc.objectstorage.model.ObjectSummary;
import com.oracle.bmc.objectstorage.requests.ListObjectsRequest;
import io.lakeshift.emulator.OciEmulator;
import io.lakeshift.emulator.Sdk;
import io.lakeshift.emulator.peer.HadoopPeer;
import io.lakeshift.testing.DelayProxy;
import io.lakeshift.testing.S3ProxyFileServer;
import io.lakeshift.testing.S3ProxyServer;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Benchmark runs 1 and 2 with their raw ceilings, all from the same source: s3proxy on a filesystem store, the
 * data written straight into its bucket folder.
 * <ul>
 *   <li>Run 1, S3 → OCI: into a fresh in-memory OCI emulator by lakeshift (native API), by rclone's S3 backend
 *       through the emulator's Amazon S3 Compatibility API, by Hadoop DistCp with Oracle's oci-hdfs-connector, and
 *       by plain parallel GET→PUT streams ({@link RawCeiling}, PUTs with the OCI Java SDK).</li>
 *   <li>Run 2, S3 → S3: into a fresh second bucket of the same s3proxy by lakeshift (Hadoop file-system target),
 *       rclone (two remotes, so it streams rather than asking the server to copy), DistCp S3A → S3A, and the raw
 *       GET→PUT ceiling.</li>
 * </ul>
 * Each set runs at every RTT of {@code --rtt} (ms): the emulator adds it to every request ({@code latency}) and a
 * {@link DelayProxy} in front of s3proxy adds it to every exchange (half each way). Every tool runs as a child
 * process under GNU {@code /usr/bin/time -v} (wall, CPU, peak RSS of the tool; the servers are not counted); its
 * start-up is the time from launch to the first request carrying data at the target ({@link FirstBody}). Each run's result is checked: the target holds exactly the source's object count and
 * bytes; a run that fails it (or exits non-zero) is reported as failed and left out of the medians. Run through
 * {@code bench/run.sh}; the options are listed there.
 */
public final class MigrationBench {
    static final String S3_BUCKET = "bench";
    private static final String OCI_BUCKET = "dest";
    private static final List<String> RUN1_TOOLS = List.of("lakeshift", "rclone", "distcp", "raw");
    private static final List<String> RUN2_TOOLS = List.of("lakeshift", "rclone", "distcp", "raw");
    /**
     * s3proxy 4.1.0's filesystem store answers GETs of these files without an ETag (the user.content-md5 attribute
     * written below did not change that), and S3A 3.3.4 then refuses every read ("Change detection policy requires
     * ETag"), leaking the pooled connection of each refused GET until the pool is empty and the copy hangs. Both
     * S3A clients (lakeshift and DistCp) are told not to require a version attribute.
     */
    static final String NO_ETAG = "fs.s3a.change.detection.version.required=false";

    private final Path project = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    private final Path work = project.resolve("target/bench");
    private final Map<String, String> opt = new LinkedHashMap<>();
    private final String benchClasspath;
    private S3ProxyFileServer s3;
    private AmazonS3 s3client;
    private HadoopPeer hadoop;
    private String rcloneVersion = "rclone";
    private final Map<Integer, DelayProxy> proxies = new LinkedHashMap<>();
    private final FirstBody firstBody = new FirstBody();
    /** Every dataset's runs, for the start-up and CPU-goal tables at the end. */
    private final List<Done> done = new ArrayList<>();

    private record Done(int run, String set, int rtt, long[] size, Map<String, List<Run>> runs) {}

    private MigrationBench(Map<String, String> opt) throws IOException {
        this.opt.putAll(opt);
        this.benchClasspath = Files.readString(project.resolve("target/bench-classpath.txt")).trim();
    }

    /** lakeshift as bin/lakeshift starts it: with its CDS archive unless --lakeshift-cds off. */
    private LakeshiftCds.Launch launch;

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new LinkedHashMap<>();
        opt.put("reps", "3");
        opt.put("files", "20000");
        opt.put("large-mib", "1024");
        opt.put("steady-files", "200");
        opt.put("steady-mib", "50");
        opt.put("rtt", "0,20");
        opt.put("raw-oci", "sdk");
        opt.put("memory-mib", "4096");
        opt.put("parquet-rows", "1000000");
        opt.put("parquet-files", "40");
        opt.put("runs", "1,2");
        opt.put("tools", "lakeshift,distcp,rclone,raw");
        opt.put("distcp-maps", "4");
        opt.put("raw-threads", "8");
        opt.put("rclone-transfers", "4");
        opt.put("rclone-checkers", "8");
        opt.put("timeout-min", "60");
        opt.put("lakeshift-cds", "on");
        String set = "all";
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                opt.put(args[i].substring(2), args[++i]);
            } else {
                set = args[i];
            }
        }
        MigrationBench bench = new MigrationBench(opt);
        List<String> sets = set.equals("all") ? List.of("small", "parquet", "large", "steady", "memory")
                : List.of(set.split(","));
        List<Integer> runs = Arrays.stream(opt.get("runs").split(",")).map(Integer::parseInt).toList();
        List<Integer> rtts = Arrays.stream(opt.get("rtt").split(",")).map(String::trim).map(Integer::parseInt).toList();
        try {
            bench.launch = LakeshiftCds.prepare(bench.project, bench.benchClasspath, bench.work,
                    !bench.opt.get("lakeshift-cds").equals("off"));
            bench.start(runs);
            StringBuilder report = new StringBuilder(MachineFacts.markdown(bench.project, bench.work)).append('\n');
            Files.writeString(bench.work.resolve("results.md"), report.toString());
            System.out.print(report);
            for (String s : sets) {
                if (s.equals("memory")) {
                    bench.publish(report, bench.memory());
                    continue;
                }
                for (int rtt : rtts) {
                    for (int run : runs) {
                        bench.publish(report, bench.dataset(run, s, rtt));
                    }
                }
            }
            String summary = bench.startupTable() + "\n" + bench.cpuGoalTable();
            System.out.println(summary);
            report.append(summary);
            Files.writeString(bench.work.resolve("results.md"), report.toString());
        } finally {
            bench.stop();
        }
        System.out.println("results: " + bench.work.resolve("results.md"));
    }

    /**
     * Prints a table as soon as it is measured and rewrites results.md with it, followed by the start-up and CPU
     * goal tables so far, so a run cut short keeps everything it measured.
     */
    private void publish(StringBuilder report, String table) throws IOException {
        System.out.println(table);
        report.append(table).append('\n');
        Files.writeString(work.resolve("results.md"), report + startupTable() + "\n" + cpuGoalTable());
    }

    private void start(List<Integer> runs) throws Exception {
        Files.createDirectories(work.resolve("logs"));
        s3 = S3ProxyFileServer.start(work.resolve("s3data"), "2g");
        s3client = BenchS3.client(s3.endpoint(), 8);
        hadoop = tools(1).contains("distcp") || runs.contains(2) && tools(2).contains("distcp")
                ? HadoopPeer.resolve(project) : null;
        if (tools(1).contains("rclone") || runs.contains(2) && tools(2).contains("rclone")) {
            rcloneVersion = MachineFacts.firstLine(List.of("rclone", "version")).replace("-DEV", "");
        }
        System.out.println("s3proxy (filesystem store " + s3.baseDir() + ") at " + s3.endpoint() + ", pid " + s3.pid());
    }

    private void stop() throws IOException {
        for (DelayProxy p : proxies.values()) {
            p.close();
        }
        if (s3client != null) {
            s3client.shutdown();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    private List<String> tools(int run) {
        List<String> wanted = List.of(opt.get("tools").split(","));
        return (run == 1 ? RUN1_TOOLS : RUN2_TOOLS).stream().filter(wanted::contains).toList();
    }

    private long timeoutMinutes() {
        return Long.parseLong(opt.get("timeout-min"));
    }

    /**
     * The proxy in front of s3proxy for this RTT (made once): a delay line of half the RTT each way, whose tap on
     * the client side sees run 2's PUTs (run 2's source and target are the same server) for the start-up event.
     */
    private DelayProxy proxy(int rtt) throws IOException {
        DelayProxy p = proxies.get(rtt);
        if (p == null) {
            URI up = URI.create(s3.endpoint());
            p = new DelayProxy(up.getHost(), up.getPort(), Duration.ofMillis(rtt), DelayProxy.Clock.SYSTEM,
                    firstBody::proxyTap);
            proxies.put(rtt, p);
        }
        return p;
    }

    /**
     * Where a run's tools reach s3proxy: in run 1 straight (RTT 0) or through the delay proxy; in run 2 always
     * through the proxy, which then sees the target's PUTs too (at RTT 0 it only forwards).
     */
    private String s3Endpoint(int runNo, int rtt) throws IOException {
        return runNo == 1 && rtt == 0 ? s3.endpoint() : proxy(rtt).endpoint();
    }

    // ---- data sets, written straight into the s3proxy bucket folder -----------------------------------------

    /** Writes the data set below bench/<name>/ unless a complete one is there; answers [files, bytes]. */
    private long[] generate(String name) throws Exception {
        Path dir = s3.baseDir().resolve(S3_BUCKET).resolve(name);
        if (name.equals("parquet")) {
            return generateParquet(dir);
        }
        long[] want = switch (name) {
            case "small" -> new long[] {Long.parseLong(opt.get("files")), 32 * 1024};
            case "large" -> new long[] {2, Long.parseLong(opt.get("large-mib")) << 20};
            case "steady" -> new long[] {Long.parseLong(opt.get("steady-files")),
                    Long.parseLong(opt.get("steady-mib")) << 20};
            case "memory" -> new long[] {1, Long.parseLong(opt.get("memory-mib")) << 20};
            default -> throw new IllegalArgumentException("unknown data set " + name
                    + " (small|parquet|large|steady|memory|all)");
        };
        long[] have = measure(dir);
        if (have[0] == want[0] && have[1] == want[0] * want[1]) {
            return have;
        }
        System.out.printf(Locale.ROOT, "generating %s: %d files of %d bytes in %s%n", name, want[0], want[1], dir);
        deleteTree(dir);
        SplittableRandom random = new SplittableRandom(42);
        byte[] chunk = new byte[(int) Math.min(want[1], 1 << 20)];
        for (int i = 0; i < want[0]; i++) {
            Path file = name.equals("small")
                    ? dir.resolve(String.format(Locale.ROOT, "d%02d/e%02d/f%06d.bin", i % 20, (i / 20) % 25, i))
                    : dir.resolve(String.format(Locale.ROOT, "part-%d.bin", i));
            Files.createDirectories(file.getParent());
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            try (OutputStream out = Files.newOutputStream(file)) {
                for (long left = want[1]; left > 0; left -= chunk.length) {
                    random.nextBytes(chunk);
                    out.write(chunk, 0, (int) Math.min(left, chunk.length));
                    md5.update(chunk, 0, (int) Math.min(left, chunk.length));
                }
            }
            // jclouds' filesystem store answers an ETag only from this extended attribute (user.content-md5), which
            // it writes on PUT; without it GET and HEAD carry no ETag and S3A refuses to read (change detection).
            Files.getFileAttributeView(file, UserDefinedFileAttributeView.class)
                    .write("content-md5", ByteBuffer.wrap(md5.digest()));
        }
        return measure(dir);
    }

    /**
     * The parquet set ({@link ParquetSet}); its size is known only once written, so a marker beside the bucket
     * folder records rows, files and bytes of the complete set.
     */
    private long[] generateParquet(Path dir) throws IOException {
        long rows = Long.parseLong(opt.get("parquet-rows"));
        int files = Integer.parseInt(opt.get("parquet-files"));
        Path marker = work.resolve("parquet-set.txt");
        long[] have = measure(dir);
        String expected = rows + " rows, " + files + " files, " + have[1] + " bytes";
        if (have[0] == files && Files.exists(marker) && Files.readString(marker).trim().equals(expected)) {
            return have;
        }
        System.out.printf(Locale.ROOT, "generating parquet: %,d rows (datetime + %d doubles) in %d files in %s%n",
                rows, ParquetSet.VALUE_COLUMNS, files, dir);
        Files.deleteIfExists(marker);
        deleteTree(dir);
        ParquetSet.write(dir, rows, files);
        have = measure(dir);
        Files.writeString(marker, rows + " rows, " + files + " files, " + have[1] + " bytes\n");
        return have;
    }

    static long[] measure(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return new long[] {0, 0};
        }
        try (Stream<Path> files = Files.walk(dir)) {
            long[] r = new long[2];
            files.filter(Files::isRegularFile).forEach(f -> {
                r[0]++;
                r[1] += f.toFile().length();
            });
            return r;
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
    }

    // ---- runs ---------------------------------------------------------------------------------------------

    /** @param startup seconds from launch to the first request carrying data at the target (NaN: none seen) */
    record Run(String tool, double wall, double cpu, long rssKiB, boolean ok, String note, double startup) {}

    private String dataset(int runNo, String name, int rtt) throws Exception {
        long[] size = generate(name);
        int reps = Integer.parseInt(opt.get("reps"));
        Map<String, List<Run>> runs = new LinkedHashMap<>();
        for (int rep = 1; rep <= reps; rep++) {
            for (String tool : tools(runNo)) {
                Run r = runNo == 1 ? run1(name, tool, rep, size, null, rtt) : run2(name, tool, rep, size, rtt);
                runs.computeIfAbsent(tool, t -> new ArrayList<>()).add(r);
            }
        }
        done.add(new Done(runNo, name, rtt, size, runs));
        return table(runNo, name, rtt, size, runs);
    }

    private String memory() throws Exception {
        long[] size = generate("memory");
        Run r = run1("memory", "lakeshift", 1, size, "512m", 0);
        return String.format(Locale.ROOT, "### memory bound: %d file(s), %.0f MiB, lakeshift JVM -Xmx512m%n%n"
                + "| result | wall s | MB/s | CPU s | peak RSS MiB |%n|---|---|---|---|---|%n| %s | %.1f | %.1f | %.1f | %d |%n",
                size[0], size[1] / 1048576.0, r.ok ? "ok, every byte landed" : "FAILED: " + r.note, r.wall,
                size[1] / 1e6 / r.wall, r.cpu, r.rssKiB / 1024);
    }

    /**
     * Run 1: S3 → a fresh in-memory OCI emulator, serving its native API and its Amazon S3 Compatibility API, both
     * with the RTT as a per-request latency.
     */
    private Run run1(String set, String tool, int rep, long[] size, String xmx, int rtt) throws Exception {
        String id = "r1-" + set + "-rtt" + rtt + "-" + tool + "-" + rep;
        Duration latency = Duration.ofMillis(rtt);
        String source = s3Endpoint(1, rtt);
        try (OciEmulator emu = OciEmulator.builder().configDir(work.resolve("oci-config")).threads(64).s3Port(0)
                .latency(latency).faultPolicy(firstBody.emulatorHook(latency)).start();
             ObjectStorageClient client = Sdk.client(emu)) {
            Sdk.createBucket(client, emu, OCI_BUCKET);
            Map<String, String> env = Map.of();
            List<String> unset = List.of();
            List<String> command;
            switch (tool) {
                case "lakeshift" -> command = lakeshift(set, source, List.of("--target", "oci://" + OCI_BUCKET + "@"
                        + emu.namespace() + "/" + set + "/", "--oci-config", emu.configFile().toString(),
                        "--oci-profile", emu.profile(), "--oci-endpoint", emu.endpoint()), xmx == null ? "1g" : xmx);
                case "rclone" -> {
                    command = rclone(set, "dst:" + OCI_BUCKET + "/" + set);
                    env = rcloneRemotes(source, emu.s3Endpoint(), emu.region(), emu.s3Credentials().accessKey(),
                            emu.s3Credentials().secretKey());
                    unset = inheritedToolVariables();
                }
                case "distcp" -> command = distcp(set, source, HadoopPeer.writeConf(emu, work.resolve("hadoop-conf")),
                        HadoopPeer.uri(emu, OCI_BUCKET, set));
                case "raw" -> command = raw(set, source, opt.get("raw-oci").equals("http")
                        ? List.of("oci-http", emu.endpoint(), emu.tenancyId() + "/" + emu.userId() + "/"
                                + emu.fingerprint(), emu.keyFile().toString(), emu.namespace(), OCI_BUCKET)
                        : List.of("oci-sdk", emu.endpoint(), emu.configFile().toString(), emu.profile(),
                                emu.namespace(), OCI_BUCKET));
                default -> throw new IllegalArgumentException("unknown tool " + tool);
            }
            Timed.Result t = timed(command, id, env, unset, set + "/");
            return result(1, set, tool, rep, id, size, t, t.finished() ? landed(client, emu, set + "/") : null);
        } finally {
            System.gc();
        }
    }

    /**
     * Runs a tool with the start-up event armed from just before its launch to its end, for objects below
     * {@code dataPrefix} (the set's folder in the target).
     */
    private Timed.Result timed(List<String> command, String id, Map<String, String> env, List<String> unset,
            String dataPrefix) throws IOException, InterruptedException {
        firstBody.arm(dataPrefix);
        try {
            return Timed.run(command, project, work.resolve("logs/" + id + ".log"),
                    work.resolve("logs/" + id + ".time"), env, unset, timeoutMinutes());
        } finally {
            firstBody.disarm();
        }
    }

    /**
     * Run 2: S3 → a new, empty bucket of the same s3proxy, one per run (its folder is deleted once the run is
     * checked, so no run writes over or next to another's objects).
     */
    private Run run2(String set, String tool, int rep, long[] size, int rtt) throws Exception {
        String id = "r2-" + set + "-rtt" + rtt + "-" + tool + "-" + rep;
        String bucket = "run2-" + set + "-rtt" + rtt + "-" + tool + "-" + rep;
        String endpoint = s3Endpoint(2, rtt);
        Path bucketDir = s3.baseDir().resolve(bucket);
        deleteTree(bucketDir);
        s3client.createBucket(bucket);
        try {
            if (BenchS3.count(s3client, bucket, "")[0] != 0) {
                throw new IllegalStateException("destination bucket " + bucket + " is not empty");
            }
            Map<String, String> env = Map.of();
            List<String> unset = List.of();
            List<String> command;
            switch (tool) {
                case "lakeshift" -> {
                    Path log = work.resolve("logs/" + id + "-lakeshift-log");
                    deleteTree(log);
                    command = lakeshift(set, endpoint, List.of("--target", "s3a://" + bucket + "/" + set + "/",
                            "--log", log.toUri().toString()), "1g");
                }
                case "rclone" -> {
                    command = rclone(set, "dst:" + bucket + "/" + set);
                    env = rcloneRemotes(endpoint, endpoint, "us-east-1", S3ProxyServer.ACCESS_KEY,
                            S3ProxyServer.SECRET_KEY);
                    unset = inheritedToolVariables();
                }
                case "distcp" -> command = distcp(set, endpoint, hadoopConfS3(), "s3a://" + bucket + "/" + set);
                case "raw" -> command = raw(set, endpoint, List.of("s3", bucket));
                default -> throw new IllegalArgumentException("unknown tool " + tool);
            }
            Timed.Result t = timed(command, id, env, unset, set + "/");
            return result(2, set, tool, rep, id, size, t,
                    t.finished() ? BenchS3.count(s3client, bucket, set + "/") : null);
        } finally {
            deleteTree(bucketDir);
        }
    }

    private Run result(int runNo, String set, String tool, int rep, String id, long[] size, Timed.Result t,
            long[] landed) {
        boolean ok = t.finished() && t.exit() == 0 && landed[0] == size[0] && landed[1] == size[1];
        String note = t.finished()
                ? "exit " + t.exit() + ", landed " + landed[0] + " objects " + landed[1] + " bytes"
                : t.problem();
        if (!ok) {
            note += lastLine(work.resolve("logs/" + id + ".log"));
        }
        double startup = firstBody.secondsAfter(t.launchNanos());
        System.out.printf(Locale.ROOT, "%-28s %7.1f s wall %7.1f s CPU %6d MiB RSS, first data at the target after"
                + " %.2f s (%s), %s %s%n", id, t.wall(), t.cpu(), t.rssKiB() / 1024, startup, firstBody.what(),
                ok ? "ok" : "FAILED", note);
        if (!ok) {
            System.out.println("  see " + work.resolve("logs/" + id + ".log"));
        }
        return new Run(tool, t.wall(), t.cpu(), t.rssKiB(), ok, note, startup);
    }

    /** ": " and the last line of a failed tool's output, shortened and safe in a Markdown table cell. */
    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1).stream()
                    .filter(l -> !l.isBlank()).toList();
            if (lines.isEmpty()) {
                return "";
            }
            String last = lines.get(lines.size() - 1).strip().replace("|", "/");
            return ": " + (last.length() > 200 ? last.substring(0, 200) + "…" : last);
        } catch (IOException e) {
            return "";
        }
    }

    private static long[] landed(ObjectStorageClient client, OciEmulator emu, String prefix) {
        long[] r = new long[2];
        for (ObjectSummary o : client.getPaginators().listObjectsRecordIterator(ListObjectsRequest.builder()
                .namespaceName(emu.namespace()).bucketName(OCI_BUCKET).prefix(prefix).fields("name,size").build())) {
            if (o.getName().endsWith("/")) {
                continue; // the oci-hdfs-connector's directory markers (DistCp writes one per folder)
            }
            r[0]++;
            r[1] += o.getSize();
        }
        return r;
    }

    // ---- the tools' command lines -------------------------------------------------------------------------

    /**
     * lakeshift migrate from s3a://bench/<set> on {@code s3Endpoint} with the given target options (and the s3a
     * source's settings).
     */
    private List<String> lakeshift(String set, String s3Endpoint, List<String> target, String xmx) {
        List<String> jvm = new ArrayList<>(List.of("-Xmx" + xmx));
        jvm.addAll(words(opt.getOrDefault("lakeshift-jvm", "")));
        List<String> c = lakeshiftCommand(project, launch, jvm, "migrate");
        c.addAll(List.of("--source", "s3a://" + S3_BUCKET + "/" + set));
        c.addAll(target);
        List<String> s3Args = new ArrayList<>(s3.s3Args());
        s3Args.set(s3Args.indexOf("--s3-endpoint") + 1, s3Endpoint);
        c.addAll(s3Args);
        c.addAll(words(opt.getOrDefault("lakeshift-args", "")));
        return c;
    }

    /**
     * {@code java <jvm options> <Spark's module openings> -Dspark.hadoop.<NO_ETAG> ... io.lakeshift.cli.Main
     * <command>}, on the product's classes and the test classpath, to which the command's options are added.
     */
    static List<String> lakeshiftCommand(Path project, String benchClasspath, List<String> jvm, String command) {
        return lakeshiftCommand(project, new LakeshiftCds.Launch(project.resolve("target/classes") + File.pathSeparator
                + benchClasspath, List.of()), jvm, command);
    }

    /** The same, started as {@code launch} says (the CDS archive users get from bin/lakeshift, or none). */
    static List<String> lakeshiftCommand(Path project, LakeshiftCds.Launch launch, List<String> jvm, String command) {
        List<String> c = new ArrayList<>(List.of(java()));
        c.addAll(launch.jvm());
        c.addAll(jvmOptions(project)); // as bin/lakeshift starts it; --lakeshift-jvm comes after and wins
        c.addAll(jvm);
        c.addAll(words(System.getProperty("lakeshift.test.opens", "")));
        // See NO_ETAG: the same S3A setting for lakeshift (as a spark.hadoop.* system property) as for DistCp. It
        // reaches the Hadoop configuration that serves both the s3a:// source and an s3a:// target.
        c.add("-Dspark.hadoop." + NO_ETAG);
        c.addAll(List.of("-Dlog4j2.configurationFile=" + project.resolve("conf/log4j2.properties"),
                "-Dlakeshift.home=" + project, "-cp", launch.classpath(), "io.lakeshift.cli.Main", command));
        return c;
    }

    /** The JVM options of conf/jvm.options, which bin/lakeshift starts lakeshift with. */
    static List<String> jvmOptions(Path project) {
        try {
            return Files.readAllLines(project.resolve("conf/jvm.options")).stream().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + project.resolve("conf/jvm.options"), e);
        }
    }

    static List<String> words(String s) {
        return Arrays.stream(s.split(" ")).filter(w -> !w.isBlank()).toList();
    }

    /** DistCp -direct in local MapReduce, S3A source on s3proxy, into {@code target}; {@code conf} first on the classpath. */
    private List<String> distcp(String set, String s3Endpoint, Path conf, String target) {
        String maps = opt.get("distcp-maps");
        return List.of(java(), "-Xmx1g", "-cp",
                conf + File.pathSeparator + hadoop.classpath() + File.pathSeparator + slf4jSimple(),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "org.apache.hadoop.tools.DistCp",
                "-D", "mapreduce.framework.name=local", "-D", "mapreduce.local.map.tasks.maximum=" + maps,
                "-D", "fs.s3a.endpoint=" + s3Endpoint, "-D", "fs.s3a.path.style.access=true",
                "-D", "fs.s3a.connection.ssl.enabled=false", "-D", "fs.s3a.access.key=" + S3ProxyServer.ACCESS_KEY,
                "-D", "fs.s3a.secret.key=" + S3ProxyServer.SECRET_KEY,
                "-D", "fs.s3a.aws.credentials.provider=org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider",
                "-D", NO_ETAG, "-direct", "-m", maps,
                "s3a://" + S3_BUCKET + "/" + set, target);
    }

    /** Run 2's DistCp needs no OCI settings: a core-site.xml with local MapReduce alone. */
    private Path hadoopConfS3() throws IOException {
        Path dir = Files.createDirectories(work.resolve("hadoop-conf-s3"));
        Files.writeString(dir.resolve("core-site.xml"), "<?xml version=\"1.0\"?>\n<configuration>\n"
                + "  <property><name>mapreduce.framework.name</name><value>local</value></property>\n"
                + "</configuration>\n");
        return dir;
    }

    /** The peer classpath has no SLF4J binding, so DistCp's errors would vanish; bench/run.sh fetches this one. */
    private static String slf4jSimple() {
        return Path.of(System.getProperty("user.home"), ".m2/repository/org/slf4j/slf4j-simple/1.7.36/slf4j-simple-1.7.36.jar")
                .toString();
    }

    private List<String> raw(String set, String s3Endpoint, List<String> target) {
        List<String> c = new ArrayList<>(List.of(java(), "-Xmx1g", "-cp", project.resolve("target/test-classes")
                + File.pathSeparator + project.resolve("target/classes") + File.pathSeparator + benchClasspath,
                RawCeiling.class.getName(), s3Endpoint, S3_BUCKET, set + "/", opt.get("raw-threads"), "32", "64"));
        c.addAll(target);
        return c;
    }

    /**
     * rclone copy from the remote {@code src:} (s3proxy) to {@code target} on the remote {@code dst:}, both set up
     * in the environment ({@link #rcloneRemotes}). Two remotes even where both are s3proxy (run 2): with one,
     * rclone would ask the server to copy (server-side CopyObject) and move no bytes itself.
     */
    private List<String> rclone(String set, String target) {
        List<String> c = new ArrayList<>(List.of("rclone", "copy", "src:" + S3_BUCKET + "/" + set, target,
                "--transfers", opt.get("rclone-transfers"), "--checkers", opt.get("rclone-checkers"),
                "--stats", "30s", "--stats-one-line", "-v"));
        c.addAll(words(opt.getOrDefault("rclone-args", "")));
        return c;
    }

    /**
     * rclone's remotes as environment variables, no config file: {@code src} on s3proxy, {@code dst} on the
     * target, both the S3 backend with provider Other, path style, static keys, as OCI users set rclone up for
     * the Amazon S3 Compatibility API (endpoint, region, customer secret key).
     */
    private Map<String, String> rcloneRemotes(String source, String target, String targetRegion, String accessKey,
            String secretKey) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("RCLONE_CONFIG", work.resolve("rclone-none.conf").toString());
        for (String[] r : List.of(new String[] {"SRC", source, "us-east-1", S3ProxyServer.ACCESS_KEY,
                S3ProxyServer.SECRET_KEY}, new String[] {"DST", target, targetRegion, accessKey, secretKey})) {
            String p = "RCLONE_CONFIG_" + r[0] + "_";
            env.put(p + "TYPE", "s3");
            env.put(p + "PROVIDER", "Other");
            env.put(p + "ENV_AUTH", "false");
            env.put(p + "ENDPOINT", r[1]);
            env.put(p + "REGION", r[2]);
            env.put(p + "ACCESS_KEY_ID", r[3]);
            env.put(p + "SECRET_ACCESS_KEY", r[4]);
            env.put(p + "FORCE_PATH_STYLE", "true");
        }
        return env;
    }

    /**
     * The AWS_* and RCLONE_* variables this process inherited, which a tool must not see: e.g. this machine's
     * AWS_CA_BUNDLE makes rclone 1.60 refuse plain http ("unable to load custom CA bundle").
     */
    private static List<String> inheritedToolVariables() {
        return System.getenv().keySet().stream().filter(k -> k.startsWith("AWS_") || k.startsWith("RCLONE_"))
                .toList();
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    // ---- the table ----------------------------------------------------------------------------------------

    private static String rttLabel(int rtt) {
        return "RTT " + rtt + " ms";
    }

    private static String runLabel(int runNo) {
        return runNo == 1 ? "S3 → OCI emulator" : "S3 → S3, a second bucket";
    }

    private static double gigabytes(long[] size) {
        return size[1] / 1e9;
    }

    private String table(int runNo, String name, int rtt, long[] size, Map<String, List<Run>> runs) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "### run %d (%s), %s, %s: %d files, %.1f MiB (median of the successful runs of %s; every run"
                        + " checked: objects and bytes in the target)%n%n"
                        + "| tool | wall s | MB/s | files/s | CPU s | CPU s/GB | peak RSS MiB | lakeshift speed ÷ this"
                        + " | CPU s/GB ÷ lakeshift's | runs ok | wall s of each run |%n"
                        + "|---|---|---|---|---|---|---|---|---|---|---|%n",
                runNo, runLabel(runNo), name, rttLabel(rtt), size[0], size[1] / 1048576.0, opt.get("reps")));
        List<Run> lakeshiftOk = runs.getOrDefault("lakeshift", List.of()).stream().filter(Run::ok).toList();
        double lakeshiftWall = median(lakeshiftOk, Run::wall);
        double lakeshiftCpuPerGb = median(lakeshiftOk, Run::cpu) / gigabytes(size);
        for (Map.Entry<String, List<Run>> e : runs.entrySet()) {
            List<Run> all = e.getValue();
            List<Run> ok = all.stream().filter(Run::ok).toList();
            String each = String.join(", ", all.stream().map(r -> r.ok ? String.format(Locale.ROOT, "%.1f", r.wall)
                    : "failed").toList());
            if (ok.isEmpty()) {
                sb.append(String.format(Locale.ROOT, "| %s | FAILED | – | – | – | – | – | – | – | 0/%d | %s (%s) |%n",
                        label(runNo, e.getKey()), all.size(), each, all.get(0).note));
                continue;
            }
            double wall = median(ok, Run::wall);
            double filesPerSecond = size[0] / wall;
            double cpuPerGb = median(ok, Run::cpu) / gigabytes(size);
            double megabytesPerSecond = size[1] / 1e6 / wall;
            sb.append(String.format(Locale.ROOT, "| %s | %.1f | %s | %s | %.1f | %.1f | %d | %s | %s | %d/%d | %s |%n",
                    label(runNo, e.getKey()), wall, String.format(Locale.ROOT, megabytesPerSecond < 10 ? "%.2f"
                            : "%.1f", megabytesPerSecond), String.format(Locale.ROOT,
                            filesPerSecond < 10 ? "%.2f" : "%.0f", filesPerSecond), median(ok, Run::cpu), cpuPerGb,
                    (long) median(ok, r -> r.rssKiB / 1024.0), ratio(wall, lakeshiftWall),
                    ratio(cpuPerGb, lakeshiftCpuPerGb), ok.size(), all.size(), each));
        }
        return sb.toString();
    }

    private static String ratio(double value, double lakeshift) {
        return Double.isNaN(lakeshift) || Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.2f",
                value / lakeshift);
    }

    /**
     * Start-up of every tool, on its own: seconds from the harness launching the tool's process to the first
     * request carrying data (a PUT of an object or a part, with a body) reaching the target, median of the
     * successful runs.
     */
    private String startupTable() {
        List<String> tools = done.stream().flatMap(d -> d.runs().keySet().stream()).distinct().toList();
        StringBuilder sb = new StringBuilder("### start-up: launch → first request with data at the target, s"
                + " (median of the successful runs)\n\n| run | set | RTT |");
        tools.forEach(t -> sb.append(' ').append(t).append(" |"));
        sb.append("\n|---|---|---|").append("---|".repeat(tools.size())).append('\n');
        for (Done d : done) {
            sb.append(String.format(Locale.ROOT, "| %d | %s | %d ms |", d.run(), d.set(), d.rtt()));
            for (String t : tools) {
                List<Run> ok = d.runs().getOrDefault(t, List.of()).stream().filter(Run::ok)
                        .filter(r -> !Double.isNaN(r.startup)).toList();
                sb.append(ok.isEmpty() ? " – |" : String.format(Locale.ROOT, " %.2f |", median(ok, Run::startup)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * The issue's CPU goal per set: lakeshift's CPU seconds per GB ≤ 2 × the raw ceiling's + one MD5 pass over
     * the bytes at this machine's MD5 rate (MachineFacts).
     */
    private String cpuGoalTable() {
        double md5PerGb = 1000 / MachineFacts.md5MegabytesPerSecond();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "### CPU goal: lakeshift CPU s/GB ≤ 2 × raw"
                + " ceiling's + one MD5 pass (%.2f CPU s/GB at this machine's MD5 rate)%n%n"
                + "| run | set | RTT | raw CPU s/GB | goal CPU s/GB | lakeshift CPU s/GB | lakeshift ÷ goal | met |%n"
                + "|---|---|---|---|---|---|---|---|%n", md5PerGb));
        for (Done d : done) {
            double raw = median(d.runs().getOrDefault("raw", List.of()).stream().filter(Run::ok).toList(), Run::cpu)
                    / gigabytes(d.size());
            double lakeshift = median(d.runs().getOrDefault("lakeshift", List.of()).stream().filter(Run::ok)
                    .toList(), Run::cpu) / gigabytes(d.size());
            double goal = 2 * raw + md5PerGb;
            sb.append(String.format(Locale.ROOT, "| %d | %s | %d ms | %.1f | %.1f | %.1f | %s | %s |%n", d.run(),
                    d.set(), d.rtt(), raw, goal, lakeshift, ratio(lakeshift, goal),
                    Double.isNaN(raw) || Double.isNaN(lakeshift) ? "–" : lakeshift <= goal ? "yes" : "no"));
        }
        return sb.toString();
    }

    private String label(int runNo, String tool) {
        String maps = opt.get("distcp-maps");
        String rcloneSettings = opt.get("rclone-transfers") + " transfers, " + opt.get("rclone-checkers")
                + " checkers";
        return switch (tool) {
            case "lakeshift" -> runNo == 1 ? "lakeshift S3 → OCI emulator (native API)"
                    : "lakeshift S3 → S3 (Hadoop FS target)";
            case "distcp" -> runNo == 1 ? "DistCp 3.3.4 -direct, S3A → oci-hdfs-connector (" + maps + " maps)"
                    : "DistCp 3.3.4 -direct, S3A → S3A (" + maps + " maps)";
            case "rclone" -> runNo == 1
                    ? rcloneVersion + " copy, S3 backend → emulator's S3 Compatibility API (" + rcloneSettings + ")"
                    : rcloneVersion + " copy, two remotes (" + rcloneSettings + ")";
            case "raw" -> "raw ceiling: GET→PUT, " + opt.get("raw-threads") + " streams" + (runNo == 1
                    ? opt.get("raw-oci").equals("http") ? ", signed java.net.http PUTs" : ", OCI Java SDK PUTs" : "");
            default -> tool;
        };
    }

    private static double median(List<Run> runs, java.util.function.ToDoubleFunction<Run> f) {
        return Timed.median(runs.stream().mapToDouble(f).toArray());
    }
}
