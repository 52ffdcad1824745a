package io.lakeshift.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The classpath of a peer runtime described by its own small pom under {@code bench/peers/} (a plain Spark, or
 * Hadoop with Oracle's connector), resolved by Maven once and cached under {@code target/peers/}. Peers run in
 * child JVMs: their libraries must not meet the project's.
 */
public final class PeerClasspath {
    private static final long TIMEOUT_MINUTES = 10;

    private PeerClasspath() {}

    /**
     * @param pom the peer's pom, relative to the project folder
     * @param name a name for the cache file
     */
    public static String resolve(String pom, String name) throws IOException, InterruptedException {
        Path projectDir = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
        Path pomFile = projectDir.resolve(pom);
        Path cache = projectDir.resolve("target/peers/" + name + ".classpath");
        if (!Files.exists(cache) || Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(pomFile)) < 0) {
            Files.createDirectories(cache.getParent());
            Path log = cache.resolveSibling(name + ".resolve.log");
            Process mvn = new ProcessBuilder(mavenCommand(), "-B", "-q", "-f", pomFile.toString(),
                    "dependency:build-classpath", "-Dmdep.outputFile=" + cache)
                    .directory(projectDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!mvn.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES) || mvn.exitValue() != 0) {
                mvn.destroyForcibly();
                Files.deleteIfExists(cache);
                throw new IOException("could not resolve the classpath of " + pom + "; see " + log + ":\n"
                        + Files.readString(log));
            }
        }
        return Files.readString(cache, StandardCharsets.UTF_8).trim();
    }

    /** mvn from the Maven running the tests when known, else from PATH. */
    static String mavenCommand() {
        for (String home : new String[] {System.getProperty("maven.home"), System.getenv("MAVEN_HOME")}) {
            if (home != null && new File(home, "bin/mvn").canExecute()) {
                return new File(home, "bin/mvn").getPath();
            }
        }
        return "mvn";
    }
}
