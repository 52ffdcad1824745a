package io.lakeshift.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.testing.EmulatorFixture;
import io.lakeshift.testing.Lakes;
import io.lakeshift.testing.ChildJvm;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar run the way users run it: Spark's own spark-submit (org.apache.spark.deploy.SparkSubmit) on a
 * plain Spark 3.5 classpath, in its own JVM, into the emulator.
 */
class SparkSubmitIT {
    @TempDir
    Path dir;

    @Test
    void theShadedJarMigratesALakeUnderSparkSubmit() throws Exception {
        Path jar = shadedJar();
        try (EmulatorFixture oci = new EmulatorFixture()) {
            oci.createBucket("submitted");
            Path lake = dir.resolve("lake");
            for (int i = 0; i < 30; i++) {
                Lakes.write(lake, "t/part-" + i + ".bin", 1000 * i, i);
            }
            Lakes.write(lake, "t/big.bin", 3 << 20, 42);

            List<String> command = ChildJvm.sparkSubmit(Map.of(), "io.lakeshift.cli.Main", jar, List.of(
                    "migrate", "--source", lake.toUri().toString(),
                    "--target", "oci://submitted@" + oci.namespace() + "/in/",
                    "--multipart-threshold", "1MiB", "--part-size", "1MiB", "--run-id", "submit-1",
                    "--oci-config", oci.emulator().configFile().toString(), "--oci-profile", oci.emulator().profile(),
                    "--oci-endpoint", oci.emulator().endpoint()));
            Path output = dir.resolve("spark-submit.log");
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            assertTrue(p.waitFor(5, TimeUnit.MINUTES), "spark-submit did not finish");
            String log = Files.readString(output);
            assertEquals(0, p.exitValue(), log);
            assertTrue(log.contains("31: 31 new"), log);

            TreeSet<String> expected = new TreeSet<>();
            try (Stream<Path> files = Files.walk(lake)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String rel = lake.relativize(f).toString();
                    expected.add("in/" + rel);
                    assertEquals(Lakes.sha256(f), Lakes.sha256(oci.get("submitted", "in/" + rel)), rel);
                }
            }
            assertEquals(expected, new TreeSet<>(oci.list("submitted", "in/")));
        }
    }

    static Path shadedJar() throws Exception {
        try (Stream<Path> jars = Files.list(Path.of("target"))) {
            return jars.filter(p -> p.getFileName().toString().matches("lakeshift-.*-spark\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no shaded jar in target" + File.separator
                            + "; run mvn package first"));
        }
    }
}
