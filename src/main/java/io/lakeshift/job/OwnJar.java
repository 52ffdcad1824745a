package io.lakeshift.job;

import io.lakeshift.config.ConfigException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * lakeshift's own jar for the executors of a cluster it connects to itself ({@code --master spark://...}, not
 * spark-submit). spark-submit ships the application jar to every executor; a session made here ships nothing, so
 * on a real cluster (executors in other JVMs, on other machines) the first task failed with
 * ClassNotFoundException. In {@code local[...]} the executors share the driver's JVM and need nothing.
 */
final class OwnJar {
    private OwnJar() {}

    /** Whether executors of this master run in JVMs of their own. */
    static boolean remote(String master) {
        return !master.toLowerCase(Locale.ROOT).startsWith("local");
    }

    /**
     * The jar lakeshift runs from, for {@code spark.jars}.
     *
     * @throws ConfigException when lakeshift runs from classes in a folder (a build tree), which Spark cannot ship
     */
    static String forExecutors(String master) {
        Path where;
        try {
            where = Path.of(OwnJar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new ConfigException("--master " + master + ": cannot tell which jar lakeshift runs from ("
                    + e.getMessage() + "); set spark.jars to target/lakeshift-<version>-spark.jar");
        }
        if (!Files.isRegularFile(where) || !where.toString().endsWith(".jar")) {
            throw new ConfigException("--master " + master + ": the executors need lakeshift's classes, but it runs"
                    + " from " + where + ", not a jar; run target/lakeshift-<version>-spark.jar (with spark-submit,"
                    + " or on Spark's classpath), or set spark.jars to it");
        }
        return where.toUri().toString();
    }
}
