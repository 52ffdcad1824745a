package io.lakeshift.bench;

import com.oracle.bmc.objectstorage.ObjectStorageClient;
import com.oracle.bmc.objectstorage.model.ObjectSummary;
import com.oracle.bmc.objectstorage.requests.ListObjectsRequest;
import io.lakeshift.emulator.OciEmulator;
import io.lakeshift.emulator.Sdk;
import io.lakeshift.emulator.peer.HadoopPeer;
import io.lakeshift.testing.S3ProxyFileServer;
import io.lakeshift.testing.S3ProxyServer;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.security.MessageDigest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Benchmark run 1 and the raw ceiling: the same source (s3proxy, filesystem store, data written straight into its
 * folder) copied into a fresh in-memory OCI emulator by lakeshift, by Hadoop DistCp with Oracle's oci-hdfs-connector,
 * and by plain parallel GET→PUT streams ({@link RawCeiling}). Every tool runs as a child JVM under GNU
 * {@code /usr/bin/time -v} (wall, CPU, peak RSS of the tool's JVM; the servers are not counted). Each run's result
 * is checked: the target holds as many objects and bytes as the source. Run through {@code bench/run.sh}.
 *
 * <p>Args: {@code small|large|memory|all [--reps N] [--files N] [--large-mib N] [--memory-mib N]
 * [--tools lakeshift,distcp,raw] [--distcp-maps N] [--raw-threads N]}
 */
public final class MigrationBench {
    private static final String S3_BUCKET = "bench";
    private static final String OCI_BUCKET = "dest";
    /**
     * s3proxy 4.1.0's filesystem store answers GETs of these files without an ETag (the user.content-md5 attribute
     * written below did not change that), and S3A 3.3.4 then refuses every read ("Change detection policy requires
     * ETag"), leaking the pooled connection of each refused GET until the pool is empty and the copy hangs. Both
     * S3A clients (lakeshift and DistCp) are told not to require a version attribute.
     */
    private static final String NO_ETAG = "fs.s3a.change.detection.version.required=false";

    private final Path project = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    private final Path work = project.resolve("target/bench");
    private final Map<String, String> opt = new LinkedHashMap<>();
    private final String benchClasspath;
    private final String opens = System.getProperty("lakeshift.test.opens", "");
    private S3ProxyFileServer s3;
    private HadoopPeer hadoop;

    private MigrationBench(Map<String, String> opt) throws IOException {
        this.opt.putAll(opt);
        this.benchClasspath = Files.readString(project.resolve("target/bench-classpath.txt")).trim();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new LinkedHashMap<>(Map.of("reps", "3", "files", "20000", "large-mib", "1024",
                "memory-mib", "4096", "tools", "lakeshift,distcp,raw", "distcp-maps", "4", "raw-threads", "8"));
        String set = "all";
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                opt.put(args[i].substring(2), args[++i]);
            } else {
                set = args[i];
            }
        }
        MigrationBench bench = new MigrationBench(opt);
        List<String> sets = set.equals("all") ? List.of("small", "large", "memory") : List.of(set.split(","));
        StringBuilder report = new StringBuilder();
        try {
            bench.start();
            for (String s : sets) {
                String table = s.equals("memory") ? bench.memory() : bench.dataset(s);
                System.out.println(table);
                report.append(table).append('\n');
                Files.writeString(bench.work.resolve("results.md"), report.toString());
            }
        } finally {
            bench.stop();
        }
        System.out.println("results: " + bench.work.resolve("results.md"));
    }

    private void start() throws Exception {
        Files.createDirectories(work.resolve("logs"));
        s3 = S3ProxyFileServer.start(work.resolve("s3data"), "2g");
        hadoop = opt.get("tools").contains("distcp") ? HadoopPeer.resolve(project) : null;
        System.out.println("s3proxy (filesystem store " + s3.baseDir() + ") at " + s3.endpoint() + ", pid " + s3.pid());
    }

    private void stop() {
        if (s3 != null) {
            s3.close();
        }
    }

    // ---- data sets, written straight into the s3proxy bucket folder -----------------------------------------

    /** Writes the data set below bench/<name>/ unless a complete one is there; answers [files, bytes]. */
    private long[] generate(String name) throws Exception {
        Path dir = s3.baseDir().resolve(S3_BUCKET).resolve(name);
        long[] want = switch (name) {
            case "small" -> new long[] {Long.parseLong(opt.get("files")), 32 * 1024};
            case "large" -> new long[] {2, Long.parseLong(opt.get("large-mib")) << 20};
            case "memory" -> new long[] {1, Long.parseLong(opt.get("memory-mib")) << 20};
            default -> throw new IllegalArgumentException("unknown data set " + name + " (small|large|memory|all)");
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

    private static long[] measure(Path dir) throws IOException {
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

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
    }

    // ---- runs ---------------------------------------------------------------------------------------------

    record Run(String tool, double wall, double cpu, long rssKiB, boolean ok, String note) {}

    private String dataset(String name) throws Exception {
        long[] size = generate(name);
        int reps = Integer.parseInt(opt.get("reps"));
        Map<String, List<Run>> runs = new LinkedHashMap<>();
        for (int rep = 1; rep <= reps; rep++) {
            for (String tool : opt.get("tools").split(",")) {
                Run r = run(name, tool, rep, size, null);
                runs.computeIfAbsent(tool, t -> new ArrayList<>()).add(r);
            }
        }
        return table(name, size, runs);
    }

    private String memory() throws Exception {
        long[] size = generate("memory");
        Run r = run("memory", "lakeshift", 1, size, "512m");
        return String.format(Locale.ROOT, "### memory bound: %d file(s), %.0f MiB, lakeshift JVM -Xmx512m%n%n"
                + "| result | wall s | MB/s | CPU s | peak RSS MiB |%n|---|---|---|---|---|%n| %s | %.1f | %.1f | %.1f | %d |%n",
                size[0], size[1] / 1048576.0, r.ok ? "ok, every byte landed" : "FAILED: " + r.note, r.wall,
                size[1] / 1e6 / r.wall, r.cpu, r.rssKiB / 1024);
    }

    private Run run(String set, String tool, int rep, long[] size, String xmx) throws Exception {
        Path log = work.resolve("logs/" + set + "-" + tool + "-" + rep + ".log");
        Path timeFile = work.resolve("logs/" + set + "-" + tool + "-" + rep + ".time");
        try (OciEmulator emu = OciEmulator.builder().configDir(work.resolve("oci-config")).threads(64).start();
             ObjectStorageClient client = Sdk.client(emu)) {
            Sdk.createBucket(client, emu, OCI_BUCKET);
            List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-v", "-o", timeFile.toString()));
            command.addAll(switch (tool) {
                case "lakeshift" -> lakeshift(set, emu, xmx == null ? "1g" : xmx);
                case "distcp" -> distcp(set, emu);
                case "raw" -> raw(set, emu);
                default -> throw new IllegalArgumentException("unknown tool " + tool);
            });
            Process p = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!p.waitFor(30, TimeUnit.MINUTES)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                return new Run(tool, Double.NaN, Double.NaN, 0, false, "timed out");
            }
            Map<String, String> t = parseTime(timeFile);
            double wall = elapsed(t.get("Elapsed (wall clock) time (h:mm:ss or m:ss)"));
            double cpu = Double.parseDouble(t.get("User time (seconds)")) + Double.parseDouble(t.get("System time (seconds)"));
            long rss = Long.parseLong(t.get("Maximum resident set size (kbytes)"));
            long[] landed = landed(client, emu, set + "/");
            boolean ok = p.exitValue() == 0 && landed[0] == size[0] && landed[1] == size[1];
            String note = "exit " + p.exitValue() + ", landed " + landed[0] + " objects " + landed[1] + " bytes";
            System.out.printf(Locale.ROOT, "%-7s %-9s rep %d: %7.1f s wall %7.1f s CPU %6d MiB RSS %s %s%n",
                    set, tool, rep, wall, cpu, rss / 1024, ok ? "ok" : "FAILED", note);
            if (!ok) {
                System.out.println("  see " + log);
            }
            return new Run(tool, wall, cpu, rss, ok, note);
        } finally {
            System.gc();
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

    private List<String> lakeshift(String set, OciEmulator emu, String xmx) {
        List<String> c = new ArrayList<>(List.of(java(), "-Xmx" + xmx));
        c.addAll(Arrays.stream(opens.split(" ")).filter(s -> !s.isBlank()).toList());
        // See NO_ETAG: the same S3A setting for lakeshift (as a spark.hadoop.* system property) as for DistCp.
        c.add("-Dspark.hadoop." + NO_ETAG);
        c.addAll(Arrays.stream(opt.getOrDefault("lakeshift-jvm", "").split(" ")).filter(s -> !s.isBlank()).toList());
        c.addAll(List.of("-Dlog4j2.configurationFile=" + project.resolve("conf/log4j2.properties"),
                "-Dlakeshift.home=" + project, "-cp", project.resolve("target/classes") + File.pathSeparator
                        + benchClasspath, "io.lakeshift.cli.Main", "migrate",
                "--source", "s3a://" + S3_BUCKET + "/" + set,
                "--target", "oci://" + OCI_BUCKET + "@" + emu.namespace() + "/" + set + "/",
                "--oci-config", emu.configFile().toString(), "--oci-profile", emu.profile(),
                "--oci-endpoint", emu.endpoint()));
        c.addAll(s3.s3Args());
        String extra = opt.getOrDefault("lakeshift-args", "");
        c.addAll(Arrays.stream(extra.split(" ")).filter(s -> !s.isBlank()).toList());
        return c;
    }

    private List<String> distcp(String set, OciEmulator emu) throws IOException {
        Path conf = HadoopPeer.writeConf(emu, work.resolve("hadoop-conf"));
        String maps = opt.get("distcp-maps");
        List<String> c = new ArrayList<>(List.of(java(), "-Xmx1g", "-cp",
                conf + File.pathSeparator + hadoop.classpath() + File.pathSeparator + slf4jSimple(),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "org.apache.hadoop.tools.DistCp",
                "-D", "mapreduce.framework.name=local", "-D", "mapreduce.local.map.tasks.maximum=" + maps,
                "-D", "fs.s3a.endpoint=" + s3.endpoint(), "-D", "fs.s3a.path.style.access=true",
                "-D", "fs.s3a.connection.ssl.enabled=false", "-D", "fs.s3a.access.key=" + S3ProxyServer.ACCESS_KEY,
                "-D", "fs.s3a.secret.key=" + S3ProxyServer.SECRET_KEY,
                "-D", "fs.s3a.aws.credentials.provider=org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider",
                "-D", NO_ETAG, "-direct", "-m", maps,
                "s3a://" + S3_BUCKET + "/" + set, HadoopPeer.uri(emu, OCI_BUCKET, set)));
        return c;
    }

    /** The peer classpath has no SLF4J binding, so DistCp's errors would vanish; bench/run.sh fetches this one. */
    private static String slf4jSimple() {
        return Path.of(System.getProperty("user.home"), ".m2/repository/org/slf4j/slf4j-simple/1.7.36/slf4j-simple-1.7.36.jar")
                .toString();
    }

    private List<String> raw(String set, OciEmulator emu) {
        return List.of(java(), "-Xmx1g", "-cp", project.resolve("target/test-classes") + File.pathSeparator
                        + project.resolve("target/classes") + File.pathSeparator + benchClasspath,
                RawCeiling.class.getName(), s3.endpoint(), S3_BUCKET, set + "/", emu.endpoint(),
                emu.tenancyId() + "/" + emu.userId() + "/" + emu.fingerprint(), emu.keyFile().toString(),
                emu.namespace(), OCI_BUCKET, opt.get("raw-threads"), "32", "64");
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Map<String, String> parseTime(Path file) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            int i = line.lastIndexOf(": ");
            if (i > 0) {
                m.put(line.substring(0, i).trim(), line.substring(i + 2).trim());
            }
        }
        return m;
    }

    private static double elapsed(String s) {
        double total = 0;
        for (String part : s.split(":")) {
            total = total * 60 + Double.parseDouble(part);
        }
        return total;
    }

    // ---- the table ----------------------------------------------------------------------------------------

    private String table(String name, long[] size, Map<String, List<Run>> runs) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "### %s: %d files, %.1f MiB (median of %s; every run checked: objects and bytes in the target)%n%n"
                        + "| tool | wall s | MB/s | files/s | CPU s | peak RSS MiB | lakeshift speed ÷ this | runs ok | wall s of each run |%n"
                        + "|---|---|---|---|---|---|---|---|---|%n",
                name, size[0], size[1] / 1048576.0, opt.get("reps")));
        double lakeshiftWall = runs.containsKey("lakeshift") ? median(runs.get("lakeshift"), Run::wall) : Double.NaN;
        for (Map.Entry<String, List<Run>> e : runs.entrySet()) {
            List<Run> rs = e.getValue();
            double wall = median(rs, Run::wall);
            sb.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.0f | %.1f | %d | %.2f | %d/%d | %s |%n",
                    label(e.getKey()), wall, size[1] / 1e6 / wall, size[0] / wall, median(rs, Run::cpu),
                    (long) median(rs, r -> r.rssKiB / 1024.0), wall / lakeshiftWall,
                    rs.stream().filter(Run::ok).count(), rs.size(),
                    String.join(", ", rs.stream().map(r -> String.format(Locale.ROOT, "%.1f", r.wall)).toList())));
        }
        return sb.toString();
    }

    private String label(String tool) {
        return switch (tool) {
            case "lakeshift" -> "lakeshift S3 → OCI emulator";
            case "distcp" -> "DistCp 3.3.4 -direct, oci-hdfs-connector (" + opt.get("distcp-maps") + " maps)";
            case "raw" -> "raw ceiling: GET→PUT, " + opt.get("raw-threads") + " streams";
            default -> tool;
        };
    }

    private static double median(List<Run> runs, java.util.function.ToDoubleFunction<Run> f) {
        double[] v = runs.stream().mapToDouble(f).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
