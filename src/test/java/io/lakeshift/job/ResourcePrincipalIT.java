package io.lakeshift.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.cli.Main;
import io.lakeshift.emulator.auth.ClientIdentity;
import io.lakeshift.emulator.auth.ResourcePrincipalSession;
import io.lakeshift.emulator.auth.SessionTokens;
import io.lakeshift.testing.ChildJvm;
import io.lakeshift.testing.EmulatorFixture;
import io.lakeshift.testing.Lakes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The way OCI Data Flow runs lakeshift: signed in as the run's resource principal through the OCI SDK's own
 * {@code ResourcePrincipalAuthenticationDetailsProvider} (oci-java-sdk-common 3.77.2), configured by nothing but
 * the environment variables it documents and reads in {@code ResourcePrincipalAuthenticationDetailsProviderBuilder
 * .build()} for version 2.2: {@code OCI_RESOURCE_PRINCIPAL_VERSION=2.2}, {@code OCI_RESOURCE_PRINCIPAL_RPST} and
 * {@code OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM} (file paths), {@code OCI_RESOURCE_PRINCIPAL_REGION}; Oracle's Big Data
 * Service page "Setting Environment Variables" gives the same four with file paths. The environment cannot be set
 * inside this JVM, so each run is a child JVM (lakeshift's Main on the test class path) with that environment.
 *
 * <p>"Data Flow-like" for {@code --oci-auth auto} adds what a Data Flow run with
 * {@code dataflow.auth=resource_principal} holds besides the SDK's variables: {@code DATAFLOW_AUTH=resource_principal}
 * (oracle/oracle-dataflow-samples, commit dc438cf, {@code scala/manufacturing/.../utils/Constants.scala} and
 * {@code CommonUtils.scala}), and a config file that does not exist, so a wrong guess cannot sign in.
 */
class ResourcePrincipalIT {
    private static final List<String> SIGNED_WITH = new CopyOnWriteArrayList<>();
    private static EmulatorFixture oci;
    private static Path lake;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        oci = new EmulatorFixture(r -> {
            if ("PutObject".equals(r.operation())) {
                String auth = String.valueOf(r.exchange().getRequestHeaders().getFirst("authorization"));
                SIGNED_WITH.add(auth.contains("keyId=\"ST$") ? "session-token" : "api-key");
            }
            return false;
        });
        oci.createBucket("rp");
        lake = dir.resolve("lake");
        for (int i = 0; i < 4; i++) {
            Lakes.write(lake, "t/part-" + i + ".bin", 1000 + 37 * i, i);
        }
    }

    @AfterAll
    static void stop() {
        if (oci != null) {
            oci.close();
        }
    }

    @Test
    void resourcePrincipalMigratesThroughTheSdksProvider() throws Exception {
        ResourcePrincipalSession rp = oci.emulator().mintResourcePrincipal(dir.resolve("rp-explicit"),
                Duration.ofHours(1));
        Run run = migrate(rp.environment(), "explicit/", "--oci-auth", "resource_principal");
        assertEquals(Main.OK, run.code, run.output);
        assertLanded("explicit/");
        assertNoToken(run, rp);
    }

    @Test
    void autoPicksTheResourcePrincipalWhereTheEnvironmentIsDataFlows() throws Exception {
        ResourcePrincipalSession rp = oci.emulator().mintResourcePrincipal(dir.resolve("rp-auto"), Duration.ofHours(1));
        Map<String, String> env = new java.util.HashMap<>(rp.environment());
        env.put("DATAFLOW_AUTH", "resource_principal");
        Run run = migrate(env, "auto/", "--oci-auth", "auto",
                "--oci-config", dir.resolve("no-such-config").toString());
        assertEquals(Main.OK, run.code, run.output);
        assertLanded("auto/");
        assertNoToken(run, rp);
    }

    @Test
    void anExpiredTokenIsRefusedWith401AndOneLine() throws Exception {
        ResourcePrincipalSession rp = oci.emulator().mintResourcePrincipal(dir.resolve("rp-expired"),
                Duration.ofMinutes(-5));
        assertRefused(rp, "expired/");
    }

    @Test
    void aForgedTokenIsRefusedWith401AndOneLine() throws Exception {
        SessionTokens forger = SessionTokens.createIn(dir.resolve("forger"), Clock.systemUTC());
        ResourcePrincipalSession rp = ResourcePrincipalSession.mint(forger, dir.resolve("rp-forged"),
                oci.emulator().tenancyId(), ClientIdentity.REGION, Duration.ofHours(1));
        assertRefused(rp, "forged/");
    }

    /**
     * Refused before Spark starts, in one line that names the 401 and what to check for a resource principal (why
     * each token is refused is checked in-process by {@code ResourcePrincipalTokenTest}).
     */
    private static void assertRefused(ResourcePrincipalSession rp, String prefix) throws Exception {
        Run run = migrate(rp.environment(), prefix, "--oci-auth", "resource_principal");
        assertEquals(Main.CANNOT_RUN, run.code, run.output);
        List<String> errors = run.output.lines().filter(l -> l.startsWith("lakeshift: ")).toList();
        assertEquals(1, errors.size(), run.output);
        assertTrue(errors.get(0).contains("401") && errors.get(0).contains("NotAuthenticated"), errors.get(0));
        assertTrue(errors.get(0).contains("resource principal") && errors.get(0).contains("OCI_RESOURCE_PRINCIPAL_RPST"),
                errors.get(0));
        assertEquals(List.of(), oci.list("rp", prefix), "nothing written");
        assertNoToken(run, rp);
    }

    private static void assertLanded(String prefix) throws Exception {
        TreeSet<String> expected = new TreeSet<>();
        try (Stream<Path> files = Files.walk(lake)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = prefix + lake.relativize(f);
                expected.add(name);
                assertEquals(Lakes.sha256(f), Lakes.sha256(oci.get("rp", name)), name);
            }
        }
        assertEquals(expected, new TreeSet<>(oci.list("rp", prefix)));
        assertFalse(oci.list("rp", "_lakeshift/logs/").isEmpty(), "the log store signed in the same way");
        assertFalse(SIGNED_WITH.isEmpty());
        assertFalse(SIGNED_WITH.contains("api-key"), "every PutObject was signed with the session token");
    }

    private static void assertNoToken(Run run, ResourcePrincipalSession rp) throws Exception {
        String token = rp.token();
        assertFalse(run.output.contains(token.substring(token.lastIndexOf('.') + 1)), "token signature in output");
        assertFalse(run.output.contains(token.substring(token.indexOf('.') + 1, token.lastIndexOf('.'))),
                "token claims in output");
    }

    private record Run(int code, String output) {}

    /** lakeshift migrate in a child JVM whose environment holds {@code env} and no other OCI sign-in variable. */
    private static Run migrate(Map<String, String> env, String prefix, String... auth) throws Exception {
        List<String> command = ChildJvm.java();
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.lakeshift.cli.Main", "migrate",
                "--source", lake.toUri().toString(), "--target", "oci://rp@" + oci.namespace() + "/" + prefix,
                "--oci-endpoint", oci.emulator().endpoint(), "--master", "local[1]"));
        command.addAll(List.of(auth));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        List<String> inherited = new ArrayList<>(pb.environment().keySet());
        for (String name : inherited) {
            if (name.startsWith("OCI_") || name.equals("DATAFLOW_AUTH")
                    || name.equals("SPARK_HADOOP_FS_DELEGATION_TOKEN_PATH")) {
                pb.environment().remove(name);
            }
        }
        pb.environment().putAll(env);
        Path output = Files.createTempFile(dir, "child", ".log");
        pb.redirectOutput(output.toFile());
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the run did not finish:\n" + Files.readString(output));
        }
        return new Run(p.exitValue(), Files.readString(output));
    }
}
