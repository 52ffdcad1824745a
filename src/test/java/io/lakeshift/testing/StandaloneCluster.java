package io.lakeshift.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A Spark standalone cluster on loopback, the way OCI Data Flow runs lakeshift: a master and two workers (one core
 * each), each in its own JVM on a plain Spark 3.5 classpath ({@code bench/peers/spark/pom.xml}) with S3A, and a
 * driver run by Spark's own spark-submit in another JVM ({@link #submit}). Executors get lakeshift's classes only from the
 * packaged jar the driver serves them (spark-submit's application jar, as on a real cluster), and nothing of the
 * tests' or the driver's system properties or environment: each process starts with a minimal environment and a
 * HOME of its own.
 * <pre>
 *   {@literal @}RegisterExtension
 *   static final StandaloneCluster cluster = StandaloneCluster.perClass();
 *   ...
 *   StandaloneCluster.Submission run = cluster.submit("migrate", "--source", ..., "--target", ...);
 *   assertEquals(0, run.code(), run.output());
 * </pre>
 * {@link #runMain} runs the driver without spark-submit instead (lakeshift's own {@code --master}).
 * Needs {@code mvn package} first (the integration tests run after it): the driver runs
 * {@code target/lakeshift-*-spark.jar}.
 */
public final class StandaloneCluster implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
    private static final int WORKERS = 2;
    private static final long WORKERS_SECONDS = 120;
    private static final long DRIVER_MINUTES = 6;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AtomicInteger submissions = new AtomicInteger();
    private final List<ChildProcess> processes = new ArrayList<>();
    private Path dir;
    private String sparkClasspath;
    private int masterPort;
    private int masterWebUi;

    private StandaloneCluster() {}

    /** A cluster for a test class's static {@code @RegisterExtension} field: started once, stopped after the class. */
    public static StandaloneCluster perClass() {
        return new StandaloneCluster();
    }

    /** A running cluster, for try-with-resources. */
    public static StandaloneCluster start() throws IOException, InterruptedException {
        StandaloneCluster cluster = new StandaloneCluster();
        cluster.startProcesses();
        return cluster;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        startProcesses();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private void startProcesses() throws IOException, InterruptedException {
        dir = ChildProcess.projectDir().resolve("target/standalone");
        Files.createDirectories(dir);
        sparkClasspath = PeerClasspath.resolve("bench/peers/spark/pom.xml", "spark");
        Path sparkHome = sparkHome();
        try {
            masterWebUi = ChildProcess.freePort();
            ChildProcess master = ChildProcess.start("spark-master", daemon("256m",
                    "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", "{port}",
                    "--webui-port", String.valueOf(masterWebUi)), dir, environment(home("master")));
            processes.add(master);
            masterPort = master.port;
            for (int i = 1; i <= WORKERS; i++) {
                Path work = Files.createDirectories(dir.resolve("worker-" + i + "/work"));
                Map<String, String> env = environment(home("worker-" + i));
                env.put("SPARK_HOME", sparkHome.toString());
                env.put("SPARK_SCALA_VERSION", "2.12"); // else the launcher looks for a Spark build tree
                processes.add(ChildProcess.start("spark-worker-" + i, daemon("256m",
                        "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--port", "{port}",
                        "--webui-port", String.valueOf(ChildProcess.freePort()), "--cores", "1", "--memory", "1g",
                        "--work-dir", work.toString(), masterUrl()), dir, env));
            }
            awaitWorkers();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** {@code spark://127.0.0.1:port} */
    public String masterUrl() {
        if (masterPort == 0) {
            throw new IllegalStateException("the cluster is not running: register it as a static @RegisterExtension"
                    + " field, or use StandaloneCluster.start()");
        }
        return "spark://127.0.0.1:" + masterPort;
    }

    /** The master's state as its web UI serves it at {@code /json} (workers, active and completed applications). */
    public JsonNode masterState() throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + masterWebUi + "/json").toURL()
                .openConnection();
        c.setConnectTimeout(2000);
        c.setReadTimeout(5000);
        try (InputStream in = c.getInputStream()) {
            return JSON.readTree(in);
        } finally {
            c.disconnect();
        }
    }

    /** Applications that ran on this cluster to their end. */
    public int completedApps() throws IOException {
        return masterState().path("completedapps").size();
    }

    private int aliveWorkers() {
        try {
            int alive = 0;
            for (JsonNode w : masterState().path("workers")) {
                if ("ALIVE".equals(w.path("state").asText())) {
                    alive++;
                }
            }
            return alive;
        } catch (IOException e) {
            return 0; // the UI is not up yet
        }
    }

    private void awaitWorkers() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WORKERS_SECONDS);
        while (aliveWorkers() < WORKERS) {
            for (ChildProcess p : processes) {
                if (!ProcessHandle.of(p.pid).map(ProcessHandle::isAlive).orElse(false)) {
                    throw new IOException("a cluster process ended; see " + p.log + ":\n" + Files.readString(p.log));
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IOException(aliveWorkers() + " of " + WORKERS + " workers registered with the master at "
                        + masterUrl() + " within " + WORKERS_SECONDS + " s; see the logs in " + dir);
            }
            Thread.sleep(200); // polling the master's state, not standing in for it
        }
    }

    /** What the driver did: its exit code and everything it printed (stdout and stderr, Spark's log included). */
    public record Submission(int code, String output) {}

    /** lakeshift's CLI ({@code io.lakeshift.cli.Main}) as the driver of an application on this cluster. */
    public Submission submit(String... args) throws IOException, InterruptedException {
        return submit(Map.of(), Map.of(), List.of(args));
    }

    /**
     * @param driverEnv environment variables of the driver alone (the executors never see them)
     * @param conf Spark settings added to the cluster's ({@code --conf k=v})
     * @param args lakeshift's command line
     */
    public Submission submit(Map<String, String> driverEnv, Map<String, String> conf, List<String> args)
            throws IOException, InterruptedException {
        int n = submissions.incrementAndGet();
        List<String> command = ChildJvm.java();
        command.addAll(List.of("-cp", runtimeClasspath(), "org.apache.spark.deploy.SparkSubmit",
                "--master", masterUrl(), "--deploy-mode", "client", "--name", "lakeshift-it-" + n));
        sparkConf(conf).forEach((k, v) -> command.addAll(List.of("--conf", k + "=" + v)));
        command.addAll(List.of("--class", "io.lakeshift.cli.Main", sparkJar().toString()));
        command.addAll(args);
        return drive(n, command, driverEnv);
    }

    /**
     * lakeshift's CLI started as a plain Java program (as {@code bin/lakeshift} does) from the packaged jar on the
     * runtime's classpath, making its own session on this cluster with {@code --master}: no spark-submit ships
     * anything for it. Spark settings go in as {@code -Dspark.*} system properties.
     */
    public Submission runMain(Map<String, String> driverEnv, List<String> args) throws IOException,
            InterruptedException {
        int n = submissions.incrementAndGet();
        List<String> command = ChildJvm.java();
        sparkConf(Map.of()).forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-cp", runtimeClasspath() + File.pathSeparator + sparkJar(), "io.lakeshift.cli.Main"));
        command.addAll(args);
        command.addAll(List.of("--master", masterUrl()));
        return drive(n, command, driverEnv);
    }

    private static Map<String, String> sparkConf(Map<String, String> conf) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spark.ui.enabled", "false");
        settings.put("spark.driver.host", "127.0.0.1");
        settings.put("spark.driver.bindAddress", "127.0.0.1");
        settings.put("spark.executor.memory", "640m");
        // Both executors registered before the first task, so the work is spread over both workers.
        settings.put("spark.scheduler.minRegisteredResourcesRatio", "1.0");
        settings.put("spark.scheduler.maxRegisteredResourcesWaitingTime", "60s");
        settings.putAll(conf);
        return settings;
    }

    private Submission drive(int n, List<String> command, Map<String, String> driverEnv) throws IOException,
            InterruptedException {
        Path driverHome = home("driver-" + n);
        Map<String, String> env = environment(driverHome);
        env.putAll(driverEnv);
        Path output = dir.resolve("driver-" + n + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(driverHome.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        Process p = builder.start();
        try {
            if (!p.waitFor(DRIVER_MINUTES, TimeUnit.MINUTES)) {
                throw new IOException("the driver did not finish within " + DRIVER_MINUTES + " minutes; see " + output
                        + ":\n" + Files.readString(output));
            }
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        return new Submission(p.exitValue(), Files.readString(output));
    }

    /**
     * The cluster's runtime: plain Spark 3.5 and S3A (hadoop-aws and its AWS SDK bundle, as a cluster that reads
     * S3 carries them; shipping the 280 MB bundle to every executor of every run would cost a minute each).
     */
    private String runtimeClasspath() throws IOException {
        return String.join(File.pathSeparator, sparkClasspath, s3aJars().get(0).toString(),
                s3aJars().get(1).toString());
    }

    private static List<Path> s3aJars() throws IOException {
        return List.of(jarOf("org.apache.hadoop.fs.s3a.S3AFileSystem"), jarOf("com.amazonaws.services.s3.AmazonS3"));
    }

    /** {@code java -Xmx<heap> -cp <plain Spark> <main> <args>} */
    private List<String> daemon(String heap, String main, String... args) {
        List<String> command = ChildJvm.java();
        command.replaceAll(a -> a.startsWith("-Xmx") ? "-Xmx" + heap : a);
        command.addAll(List.of("-cp", sparkClasspath, main));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * The little a process on a cluster node gets: PATH, its own HOME, loopback for Spark; none of the tests'
     * variables (credentials, OCI or AWS settings).
     */
    private static Map<String, String> environment(Path home) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", home.toString());
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        return env;
    }

    private Path home(String name) throws IOException {
        return Files.createDirectories(dir.resolve(name + "/home"));
    }

    /**
     * What a worker takes for SPARK_HOME: its launcher builds an executor's classpath from {@code jars/*}, here
     * links to the plain Spark 3.5 classpath's jars.
     */
    private Path sparkHome() throws IOException {
        Path jars = Files.createDirectories(dir.resolve("spark-home/jars"));
        for (String entry : runtimeClasspath().split(File.pathSeparator)) {
            Path jar = Path.of(entry);
            Path link = jars.resolve(jar.getFileName());
            if (entry.endsWith(".jar") && !Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.createSymbolicLink(link, jar);
            }
        }
        return jars.getParent();
    }

    private static Path jarOf(String className) throws IOException {
        try {
            return Path.of(Class.forName(className).getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (ClassNotFoundException | java.net.URISyntaxException e) {
            throw new IOException("no jar on the test classpath holds " + className, e);
        }
    }

    /** target/lakeshift-*-spark.jar, which mvn package builds. */
    public static Path sparkJar() throws IOException {
        try (Stream<Path> jars = Files.list(ChildProcess.projectDir().resolve("target"))) {
            return jars.filter(p -> p.getFileName().toString().matches("lakeshift-.*-spark\\.jar")).findFirst()
                    .orElseThrow(() -> new IOException("no shaded jar in target; run mvn package first"));
        }
    }

    /** Stops the workers (and their executors), then the master. */
    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).close();
        }
        processes.clear();
        masterPort = 0;
    }
}
