package io.lakeshift.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.log.LogFormat;
import io.lakeshift.log.MigrationRecord;
import io.lakeshift.log.ParquetFiles;
import io.lakeshift.log.Status;
import io.lakeshift.packaging.DataflowApplication;
import io.lakeshift.testing.EmulatorFixture;
import io.lakeshift.testing.Lakes;
import io.lakeshift.testing.ChildJvm;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.parquet.example.data.Group;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Data Flow jar (target/lakeshift-*-dataflow.jar, built by every mvn package): it holds nothing but lakeshift
 * and relocated libraries, and, run by Spark's own spark-submit on a plain Spark 3.5 classpath with the arguments of
 * packaging/dataflow/application.json, it migrates a lake into the emulator and writes both logs.
 */
class DataflowJarIT {
    @TempDir
    Path dir;

    @Test
    void theJarHoldsOnlyLakeshiftAndRelocatedLibrariesAndNoSignatures() throws Exception {
        Path jar = dataflowJar();
        List<String> foreign = new ArrayList<>();
        int classes = 0;
        try (JarFile j = new JarFile(jar.toFile())) {
            assertEquals("io.lakeshift.cli.Main", j.getManifest().getMainAttributes().getValue("Main-Class"));
            for (Enumeration<JarEntry> e = j.entries(); e.hasMoreElements(); ) {
                String name = e.nextElement().getName();
                if (name.endsWith(".class")) {
                    classes++;
                    if (!name.startsWith("io/lakeshift/")) {
                        foreign.add(name);
                    }
                }
                assertFalse(name.matches("META-INF/[^/]+\\.(SF|DSA|RSA|EC)"), "signature file " + name);
                assertFalse(name.startsWith("io/lakeshift/emulator/"), "the emulator ships apart: " + name);
                if (name.startsWith("META-INF/services/") && !name.endsWith("/")) {
                    assertTrue(name.startsWith("META-INF/services/io.lakeshift.shaded."), "service " + name);
                    String body = new String(j.getInputStream(j.getEntry(name)).readAllBytes());
                    for (String impl : body.split("\n")) {
                        if (!impl.isBlank() && !impl.startsWith("#")) {
                            assertTrue(impl.trim().startsWith("io.lakeshift."), name + " names " + impl);
                            assertTrue(j.getEntry(impl.trim().replace('.', '/') + ".class") != null, impl);
                        }
                    }
                }
            }
            for (String must : new String[] {"io/lakeshift/shaded/com/oracle/bmc/objectstorage/ObjectStorageClient.class",
                    "io/lakeshift/shaded/com/fasterxml/jackson/databind/ObjectMapper.class",
                    "io/lakeshift/shaded/org/glassfish/jersey/client/JerseyClient.class",
                    "io/lakeshift/shaded/org/apache/http/impl/client/CloseableHttpClient.class"}) {
                assertTrue(j.getEntry(must) != null, must);
            }
        }
        assertEquals(List.of(), foreign, "classes outside io/lakeshift (Spark, Hadoop, unrelocated libraries)");
        assertTrue(classes > 1000, classes + " classes");
    }

    @Test
    void theDocumentedSizeIsTheJarsSize() throws Exception {
        long size = Files.size(dataflowJar());
        Matcher m = Pattern.compile("Data Flow jar is \\*\\*([0-9.]+) MB\\*\\*")
                .matcher(Files.readString(Path.of("docs/dataflow.md")));
        assertTrue(m.find(), "docs/dataflow.md states the jar's size");
        double documented = Double.parseDouble(m.group(1));
        assertEquals(documented, size / 1e6, 0.5, "docs/dataflow.md: the jar is now " + size / 1e6 + " MB");
    }

    @Test
    void theApplicationsArgumentsMigrateALakeUnderSparkSubmit() throws Exception {
        Path jar = dataflowJar();
        try (EmulatorFixture oci = new EmulatorFixture()) {
            oci.createBucket("lake");
            oci.createBucket("logs");
            Path lake = dir.resolve("lake");
            for (int i = 0; i < 12; i++) {
                Lakes.write(lake, "t/year=2024/part-" + i + ".bin", 700 * i, i);
            }
            Lakes.write(lake, "t/big.bin", 3 << 20, 7);
            Lakes.write(lake, "t/_SUCCESS", 0, 0);

            DataflowApplication app = DataflowApplication.read();
            List<String> args = new ArrayList<>(app.arguments(Map.of("source", lake.toUri().toString(),
                    "target", "oci://lake@" + oci.namespace() + "/in/",
                    "log", "oci://logs@" + oci.namespace() + "/lakeshift/")));
            args.addAll(List.of("--multipart-threshold", "1MiB", "--part-size", "1MiB"));
            args.addAll(oci.ociArgs()); // on a laptop --oci-auth auto means this profile; in Data Flow, none needed

            Map<String, String> conf = new java.util.LinkedHashMap<>();
            app.json().get("configuration").fields().forEachRemaining(c -> conf.put(c.getKey(), c.getValue().asText()));
            List<String> command = ChildJvm.sparkSubmit(conf, app.json().get("className").asText(), jar, args);
            Path output = dir.resolve("spark-submit.log");
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            assertTrue(p.waitFor(5, TimeUnit.MINUTES), "spark-submit did not finish");
            String log = Files.readString(output);
            assertEquals(0, p.exitValue(), log);

            TreeSet<String> expected = new TreeSet<>();
            try (Stream<Path> files = Files.walk(lake)) {
                for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.endsWith("_SUCCESS")).toList()) {
                    String rel = lake.relativize(f).toString();
                    expected.add("in/" + rel);
                    assertEquals(Lakes.sha256(f), Lakes.sha256(oci.get("lake", "in/" + rel)), rel);
                }
            }
            assertEquals(expected, new TreeSet<>(oci.list("lake", "in/")));

            List<String> logFiles = oci.list("logs", "lakeshift/");
            List<MigrationRecord> json = new ArrayList<>();
            List<Group> parquet = new ArrayList<>();
            for (String name : logFiles) {
                if (name.endsWith(".jsonl")) {
                    json.addAll(LogFormat.parseLines(oci.get("logs", name)));
                    String twin = name.replace(".jsonl", ".parquet");
                    assertTrue(logFiles.contains(twin), twin + " beside " + name);
                    assertTrue(twin.matches(".*/run_id=[0-9]+/part-[0-9]{5}\\.parquet"), twin);
                    parquet.addAll(ParquetFiles.rows(oci.get("logs", twin), dir));
                }
            }
            assertTrue(logFiles.stream().anyMatch(n -> n.endsWith("/" + LogFormat.SUMMARY)), logFiles.toString());
            assertEquals(expected.size(), json.size());
            assertEquals(expected.size(), parquet.size());
            assertTrue(json.stream().allMatch(r -> r.status() == Status.NEW), json.toString());
            TreeSet<String> parquetNames = new TreeSet<>();
            parquet.forEach(g -> parquetNames.add("in/" + g.getString("source_name", 0)));
            assertEquals(expected, parquetNames);
        }
    }

    static Path dataflowJar() throws Exception {
        try (Stream<Path> jars = Files.list(Path.of("target"))) {
            return jars.filter(p -> p.getFileName().toString().matches("lakeshift-.*-dataflow\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no Data Flow jar in target" + File.separator
                            + "; mvn package builds it"));
        }
    }

    /** The emulator ships apart, in its own jar, and its fault injector in no jar at all (it is test code). */
    @Test
    void theEmulatorHasItsOwnJarWithoutTheFaultInjectorAndTheJobsJarsLeaveItOut() throws Exception {
        Path emulatorJar;
        try (Stream<Path> jars = Files.list(Path.of("target"))) {
            emulatorJar = jars.filter(p -> p.getFileName().toString().matches("lakeshift-.*-emulator\\.jar"))
                    .findFirst().orElseThrow(() -> new AssertionError("no emulator jar in target; mvn package"));
        }
        int emulatorClasses = 0;
        try (JarFile j = new JarFile(emulatorJar.toFile())) {
            for (Enumeration<JarEntry> e = j.entries(); e.hasMoreElements(); ) {
                String name = e.nextElement().getName();
                if (name.endsWith(".class")) {
                    assertTrue(name.startsWith("io/lakeshift/emulator/"), "only the emulator: " + name);
                    assertFalse(name.startsWith("io/lakeshift/emulator/Faults"), "the fault injector: " + name);
                    emulatorClasses++;
                }
            }
        }
        assertTrue(emulatorClasses > 20, emulatorClasses + " classes");
        try (Stream<Path> jars = Files.list(Path.of("target"))) {
            for (Path jar : jars.filter(p -> p.getFileName().toString().matches("lakeshift-.*-(spark|dataflow)\\.jar"))
                    .toList()) {
                try (JarFile j = new JarFile(jar.toFile())) {
                    assertEquals(List.of(), j.stream().map(JarEntry::getName)
                            .filter(n -> n.startsWith("io/lakeshift/emulator/")).toList(), jar.toString());
                }
            }
        }
    }
}
