package io.lakeshift.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The class-data-sharing archive {@code bin/lakeshift} gives users' runs, built the same way for the bench's
 * lakeshift, so that the race measures the start-up users get: lakeshift's classes packed in a zip (CDS refuses a
 * folder on the class path), the classes of one {@code lakeshift demo} recorded, the OCI SDK's lambda proxies left
 * out (its jars are signed, and the dump crashed on them with OpenJDK 17.0.15), then a static archive
 * ({@code -Xshare:dump}). Built once per bench run, before anything is timed; its cost is not in any row.
 */
final class LakeshiftCds {
    /** How the bench starts lakeshift: its class path, and the JVM options that map the archive (none if off). */
    record Launch(String classpath, List<String> jvm) {}

    private LakeshiftCds() {}

    static Launch prepare(Path project, String benchClasspath, Path work, boolean on) throws IOException,
            InterruptedException {
        String plain = project.resolve("target/classes") + File.pathSeparator + benchClasspath;
        if (!on) {
            return new Launch(plain, List.of());
        }
        Path dir = Files.createDirectories(work.resolve("cds"));
        Path zip = dir.resolve("lakeshift-classes.zip");
        Path list = dir.resolve("classes.lst");
        Path kept = dir.resolve("classes-kept.lst");
        Path archive = dir.resolve("lakeshift.jsa");
        Files.deleteIfExists(zip);
        Files.deleteIfExists(archive);
        String java = MigrationBench.java();
        String jar = Path.of(java).resolveSibling("jar").toString();
        run(List.of(jar, "--create", "--file", zip.toString(), "--no-manifest", "-C",
                project.resolve("target/classes").toString(), "."), dir.resolve("zip.log"));
        String classpath = zip + File.pathSeparator + benchClasspath;
        List<String> record = new ArrayList<>(List.of(java, "-XX:DumpLoadedClassList=" + list));
        record.addAll(MigrationBench.words(System.getProperty("lakeshift.test.opens", "")));
        record.addAll(List.of("-Dlog4j2.configurationFile=" + project.resolve("conf/log4j2.properties"),
                "-Dlakeshift.home=" + project, "-cp", classpath, "io.lakeshift.cli.Main", "demo"));
        run(record, dir.resolve("record.log"));
        List<String> lines = Files.readAllLines(list).stream()
                .filter(l -> !(l.startsWith("@lambda-proxy") && l.contains("com/oracle/bmc/"))).toList();
        Files.write(kept, lines);
        run(List.of(java, "-Xshare:dump", "-XX:SharedClassListFile=" + kept, "-XX:SharedArchiveFile=" + archive,
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-cp", classpath), dir.resolve("dump.log"));
        if (!Files.isRegularFile(archive) || Files.size(archive) == 0) {
            throw new IOException("no CDS archive was written; see " + dir.resolve("dump.log"));
        }
        System.out.printf("CDS archive for lakeshift: %s (%d classes, %d MB)%n", archive, lines.size(),
                Files.size(archive) >> 20);
        return new Launch(classpath, List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off"));
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        b.environment().putIfAbsent("SPARK_LOCAL_IP", "127.0.0.1"); // as bin/lakeshift sets it
        Process p = b.start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", command) + " (see " + log + ")");
        }
        if (p.exitValue() != 0) {
            throw new IOException("exit " + p.exitValue() + ": " + command.get(0) + " ... (see " + log + ")");
        }
    }
}
