package io.lakeshift.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Command lines for child JVMs: the tests' own Java, with the module openings Spark needs on Java 17. */
public final class ChildJvm {
    private ChildJvm() {}

    /** {@code java -Xmx1g <opens>}, to which a classpath, main class and arguments are added. */
    public static List<String> java() {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g"));
        for (String opens : System.getProperty("lakeshift.test.opens", "").split(" ")) {
            if (!opens.isBlank()) {
                command.add(opens);
            }
        }
        return command;
    }

    /**
     * Spark's own spark-submit on a plain Spark 3.5 classpath (resolved from {@code bench/peers/spark/pom.xml}):
     * {@code SparkSubmit --master local[2] [--conf k=v]... --class MAIN JAR ARGS}.
     */
    public static List<String> sparkSubmit(Map<String, String> conf, String mainClass, Path jar, List<String> args)
            throws IOException, InterruptedException {
        return sparkSubmit("bench/peers/spark/pom.xml", "spark", conf, mainClass, jar, args);
    }

    /** The same on another peer runtime ({@code bench/peers/NAME/pom.xml}, cached as {@code name}). */
    public static List<String> sparkSubmit(String peerPom, String name, Map<String, String> conf, String mainClass,
            Path jar, List<String> args) throws IOException, InterruptedException {
        List<String> command = java();
        command.addAll(List.of("-cp", PeerClasspath.resolve(peerPom, name),
                "org.apache.spark.deploy.SparkSubmit", "--master", "local[2]", "--conf", "spark.ui.enabled=false"));
        conf.forEach((k, v) -> command.addAll(List.of("--conf", k + "=" + v)));
        command.addAll(List.of("--class", mainClass, jar.toString()));
        command.addAll(args);
        return command;
    }

    /**
     * Runs a child process to its end (5 minutes at most), its output in a log file in {@code dir}, and returns that
     * output; a non-zero exit fails the test with it.
     */
    public static String runToEnd(Path dir, List<String> command, String what) throws Exception {
        Path output = Files.createTempFile(dir, what.replace(' ', '-'), ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), what + " did not finish");
        String log = Files.readString(output);
        assertEquals(0, p.exitValue(), what + ":\n" + log);
        return log;
    }
}
