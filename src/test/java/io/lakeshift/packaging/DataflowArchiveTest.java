package io.lakeshift.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The Data Flow dependency archive (packaging/dataflow/archive.xml, built by mvn -P dataflow package): the layout
 * Data Flow documents (docs.oracle.com/en-us/iaas/data-flow/using/third-party-provide-archive.htm, "Structure of
 * the Dependency Archive": jars below java/, put on the Spark classpath), holding what an s3a:// source needs and
 * the Data Flow jar leaves out: hadoop-aws of the runtime's Hadoop version and the AWS SDK bundle that hadoop-aws's
 * own POM names.
 */
class DataflowArchiveTest {
    private static final Path DESCRIPTOR = Path.of("packaging/dataflow/archive.xml");

    @Test
    void theDescriptorPutsHadoopAwsAndItsAwsSdkBelowJava() throws Exception {
        String xml = Files.readString(DESCRIPTOR).replaceAll("(?s)<!--.*?-->", "");
        assertEquals(List.of("zip"), all(xml, "format"));
        assertEquals(List.of("false"), all(xml, "includeBaseDirectory"), "entries start at java/, not a folder");
        assertEquals(List.of("java"), all(xml, "outputDirectory"));
        assertEquals(List.of("false"), all(xml, "useProjectArtifact"), "the application's jar is its fileUri");
        assertEquals(Set.of("org.apache.hadoop:hadoop-aws", "com.amazonaws:aws-java-sdk-bundle"),
                new TreeSet<>(all(xml, "include")));
        String pom = Files.readString(Path.of("pom.xml"));
        assertTrue(pom.contains("<descriptor>packaging/dataflow/archive.xml</descriptor>"));
        // hadoop-aws is the version of the Hadoop Spark 3.5.0 (and so Data Flow's runtime) is built with.
        assertTrue(Pattern.compile("<artifactId>hadoop-aws</artifactId>\\s*<version>\\$\\{hadoop.version}</version>")
                .matcher(pom).find());
        assertEquals(List.of("3.3.4"), all(pom, "hadoop.version"));
    }

    /** The archive as built, when it has been (it takes minutes and 250 MB, so the test build does not make it). */
    @Test
    void theBuiltArchiveHoldsOnlyThoseJarsBelowJava() throws Exception {
        Path archive;
        try (var files = Files.list(Path.of("target"))) {
            archive = files.filter(f -> f.getFileName().toString().endsWith("-dataflow-archive.zip")).findFirst()
                    .orElse(null);
        } catch (java.io.IOException e) {
            archive = null;
        }
        Assumptions.assumeTrue(archive != null, "no target/*-dataflow-archive.zip: mvn -P dataflow package builds it");
        Path hadoopAwsPom = Path.of(System.getProperty("user.home"),
                ".m2/repository/org/apache/hadoop/hadoop-aws/3.3.4/hadoop-aws-3.3.4.pom");
        Matcher sdk = Pattern.compile("<artifactId>aws-java-sdk-bundle</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(hadoopAwsPom));
        String sdkVersion = sdk.find() ? sdk.group(1) : awsSdkFromParent();
        List<String> entries = new ArrayList<>();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            zip.stream().map(ZipEntry::getName).filter(n -> !n.endsWith("/")).forEach(entries::add);
        }
        assertEquals(new TreeSet<>(Set.of("java/hadoop-aws-3.3.4.jar", "java/aws-java-sdk-bundle-" + sdkVersion
                + ".jar")), new TreeSet<>(entries));
    }

    /** hadoop-aws takes the AWS SDK's version from hadoop-project's aws-java-sdk.version. */
    private static String awsSdkFromParent() throws Exception {
        Path parent = Path.of(System.getProperty("user.home"),
                ".m2/repository/org/apache/hadoop/hadoop-project/3.3.4/hadoop-project-3.3.4.pom");
        return all(Files.readString(parent), "aws-java-sdk.version").get(0);
    }

    private static List<String> all(String xml, String tag) {
        List<String> v = new ArrayList<>();
        Matcher m = Pattern.compile("<" + Pattern.quote(tag) + ">([^<]*)</" + Pattern.quote(tag) + ">").matcher(xml);
        while (m.find()) {
            v.add(m.group(1).trim());
        }
        return v;
    }
}
