package io.lakeshift.emulator.peer;

import io.lakeshift.testing.PeerClasspath;
import io.lakeshift.emulator.OciEmulator;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Hadoop tools with Oracle's OCI HDFS connector in a child JVM. The connector needs OCI SDK 2.x, which
 * cannot share a classpath with the project's SDK 3.x, so its classpath comes from the separate pom at
 * {@code bench/peers/hadoop-oci/pom.xml}, resolved once by Maven and cached under {@code target/peers/}.
 * Reusable by benchmarks (DistCp against lakeshift).
 */
public final class HadoopPeer {
    public static final String POM = "bench/peers/hadoop-oci/pom.xml";
    private static final long TIMEOUT_MINUTES = 10;

    private final Path projectDir;
    private final String classpath;

    private HadoopPeer(Path projectDir, String classpath) {
        this.projectDir = projectDir;
        this.classpath = classpath;
    }

    /** Resolves (or reads the cached) peer classpath for the project in the working directory. */
    public static HadoopPeer resolve() throws IOException, InterruptedException {
        return resolve(Path.of(System.getProperty("basedir", ".")).toAbsolutePath());
    }

    public static HadoopPeer resolve(Path projectDir) throws IOException, InterruptedException {
        return new HadoopPeer(projectDir, PeerClasspath.resolve(POM, "hadoop-oci"));
    }

    /**
     * Writes a Hadoop {@code core-site.xml} in {@code confDir} that points the connector at the emulator with
     * the emulator's generated user.
     */
    public static Path writeConf(OciEmulator emu, Path confDir) throws IOException {
        Files.createDirectories(confDir);
        String xml = "<?xml version=\"1.0\"?>\n<configuration>\n"
                + property("fs.oci.client.hostname", emu.endpoint())
                + property("fs.oci.client.auth.tenantId", emu.tenancyId())
                + property("fs.oci.client.auth.userId", emu.userId())
                + property("fs.oci.client.auth.fingerprint", emu.fingerprint())
                + property("fs.oci.client.auth.pemfilepath", emu.keyFile().toAbsolutePath().toString())
                + property("mapreduce.framework.name", "local")
                + "</configuration>\n";
        Files.writeString(confDir.resolve("core-site.xml"), xml);
        return confDir;
    }

    private static String property(String name, String value) {
        return "  <property><name>" + name + "</name><value>" + value + "</value></property>\n";
    }

    /** The URI of a path in a bucket as the connector spells it. */
    public static String uri(OciEmulator emu, String bucket, String path) {
        return "oci://" + bucket + "@" + emu.namespace() + "/" + path;
    }

    /** Runs {@code org.apache.hadoop.fs.FsShell} with the given arguments. */
    public Result fsShell(Path confDir, String... args) throws IOException, InterruptedException {
        return run(confDir, "org.apache.hadoop.fs.FsShell", args);
    }

    /** Runs {@code org.apache.hadoop.tools.DistCp} (local MapReduce) with the given arguments. */
    public Result distCp(Path confDir, String... args) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of("-D", "mapreduce.framework.name=local"));
        all.addAll(List.of(args));
        return run(confDir, "org.apache.hadoop.tools.DistCp", all.toArray(String[]::new));
    }

    /** Runs a main class on the peer classpath (config dir first) and waits for it. */
    public Result run(Path confDir, String mainClass, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        command.add("-cp");
        command.add(confDir.toAbsolutePath() + File.pathSeparator + classpath);
        command.add(mainClass);
        command.addAll(List.of(args));
        Path stdout = Files.createTempFile("hadoop-peer-", ".out");
        Path stderr = Files.createTempFile("hadoop-peer-", ".err");
        try {
            Process p = new ProcessBuilder(command).directory(projectDir.toFile())
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException(mainClass + " did not finish in " + TIMEOUT_MINUTES + " minutes");
            }
            return new Result(p.exitValue(), Files.readString(stdout), Files.readString(stderr));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    public String classpath() {
        return classpath;
    }

    /** A finished child process. */
    public record Result(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }
}
