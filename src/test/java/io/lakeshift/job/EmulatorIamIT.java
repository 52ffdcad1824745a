package io.lakeshift.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.bmc.model.BmcException;
import com.oracle.bmc.objectstorage.ObjectStorageClient;
import com.oracle.bmc.objectstorage.model.CreateBucketDetails;
import com.oracle.bmc.objectstorage.requests.CreateBucketRequest;
import io.lakeshift.emulator.OciEmulator;
import io.lakeshift.emulator.Sdk;
import io.lakeshift.emulator.auth.Fingerprint;
import io.lakeshift.emulator.auth.Pem;
import io.lakeshift.emulator.auth.ResourcePrincipalSession;
import io.lakeshift.emulator.iam.Policy;
import io.lakeshift.emulator.iam.Statement;
import io.lakeshift.packaging.DataflowApplication;
import io.lakeshift.testing.ChildJvm;
import io.lakeshift.testing.Lakes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The IAM policy users are told to write, packaging/dataflow/policy.txt, is exactly enough: under it (placeholders
 * filled in) the emulator lets the Data Flow application's arguments (packaging/dataflow/application.json) migrate a
 * lake to completion, and without any one of its Object Storage statements the run stops with one line naming the
 * bucket and the permission that is missing, and a non-zero exit.
 *
 * <p>The run signs in as a Data Flow run does, as its resource principal: a session minted by the emulator for a
 * run in the buckets' compartment (res_type dataflowrun, res_compartment that compartment), handed to a child JVM
 * through the environment the OCI SDK's resource-principal provider reads (see {@link ResourcePrincipalIT}), and
 * policy.txt's {@code <dataflow-runs>} is a dynamic group defined by the matching rule the file gives,
 * {@code ALL {resource.type = 'dataflowrun', resource.compartment.id = '<compartment ocid>'}} (Oracle, "Resource
 * Principal Policies", https://docs.oracle.com/en-us/iaas/data-flow/using/resource-principal-policies.htm, read
 * 2026-12-01). The deploy step signs in with an API key of a user in {@code <dataflow-admins>}.
 *
 * <p>The emulator's permissions per operation are Oracle's, from "Details for Object Storage and Archive Storage",
 * https://docs.oracle.com/en-us/iaas/Content/Identity/Reference/objectstoragepolicyreference.htm (page updated
 * 2025-07-14, read 2026-12-01); see io.lakeshift.emulator.iam.Operations.
 */
class EmulatorIamIT {
    /**
     * How the run signs in. Both are the resource principal: {@code --oci-auth resource_principal}; or
     * application.json's own {@code --oci-auth auto} in a Data Flow run's environment, which for application.json's
     * {@code "dataflow.auth": "resource_principal"} holds {@code DATAFLOW_AUTH=resource_principal} beside the SDK's
     * variables (see {@link io.lakeshift.config.OciAuthDetector} for the source).
     */
    enum SignIn { RESOURCE_PRINCIPAL, AUTO_IN_DATA_FLOW }

    static final String COMPARTMENT = "ocid1.compartment.oc1..aaaaaaaalakeshiftmigration";
    static final String TARGET = "lake";
    static final String LOGS = "migration-logs";
    static final String ARTIFACTS = "dataflow-apps";
    static final String RUNS_GROUP = "lakeshift-runs";
    static final String ADMINS = "dataflow-admins";
    static final String ADMIN_USER = "ocid1.user.oc1..aaaaaaaalakeshiftdataflowadmin";

    @TempDir
    static Path dir;
    static Path lake;
    static Path adminKey;
    static String policy;
    static String runsRule;

    @BeforeAll
    static void setUp() throws Exception {
        lake = dir.resolve("lake");
        for (int i = 0; i < 6; i++) {
            Lakes.write(lake, "sales/year=2024/part-" + i + ".bin", 900 * (i + 1), i);
        }
        Lakes.write(lake, "sales/big.bin", 3 << 20, 9); // above --multipart-threshold: the multipart operations
        adminKey = key("admin");
        String raw = Files.readString(Path.of("packaging/dataflow/policy.txt"));
        policy = substitute(raw);
        runsRule = matchingRule(raw);
    }

    /** The dynamic group's matching rule that policy.txt's comments give for {@code <dataflow-runs>}, filled in. */
    static String matchingRule(String raw) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<dataflow-runs>[^\\n]*\\n#\\s+(ALL \\{[^}]*\\})")
                .matcher(raw);
        assertTrue(m.find(), "policy.txt gives <dataflow-runs>'s matching rule");
        assertTrue(m.group(1).contains("<compartment ocid>"), m.group(1));
        return m.group(1).replace("<compartment ocid>", COMPARTMENT);
    }

    /** policy.txt with its placeholders filled in, as a user would. */
    static String substitute(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("<compartment>", "id " + COMPARTMENT);
        values.put("<target-bucket>", TARGET);
        values.put("<log-bucket>", LOGS);
        values.put("<artifact-bucket>", ARTIFACTS);
        values.put("<dataflow-logs-bucket>", "dataflow-logs");
        values.put("<dataflow-admins>", ADMINS);
        values.put("<dataflow-runs>", RUNS_GROUP);
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n")) {
            if (!line.startsWith("#")) {
                for (Map.Entry<String, String> e : values.entrySet()) {
                    line = line.replace(e.getKey(), e.getValue());
                }
                assertFalse(line.matches(".*<[a-z-]+>.*"), "a placeholder the test does not fill: " + line);
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    /** The policy text the emulator gets: the user's statements and who is who (the emulator's own syntax). */
    static String emulatorPolicy(String statements, OciEmulator harnessIdentity) {
        StringBuilder who = new StringBuilder();
        // The test's own client stands for the tenancy administrator, who made the buckets (OCI's Administrators
        // group may do everything without a statement; the emulator needs one).
        who.append("group harness = ").append(harnessIdentity.userId()).append('\n');
        who.append("allow group harness to manage object-family in tenancy\n");
        who.append("group ").append(ADMINS).append(" = ").append(ADMIN_USER).append('\n');
        // <dataflow-runs>: the matching rule policy.txt tells users to give it, its compartment filled in
        who.append("dynamic-group ").append(RUNS_GROUP).append(" = ").append(runsRule).append('\n');
        return statements + who;
    }

    /** The Object Storage statements of policy.txt, as the emulator reads them. */
    static List<Statement> objectStorageStatements() {
        return Policy.parse(policy).statements().stream().filter(Statement::enforced).toList();
    }

    @Test
    void theFileIsRefusedUntilItsPlaceholdersAreFilledAndItsOtherServicesStatementsAreIgnored() throws Exception {
        String raw = Files.readString(Path.of("packaging/dataflow/policy.txt"));
        int firstStatement = raw.lines().toList().indexOf(raw.lines().filter(l -> l.startsWith("allow")).findFirst()
                .orElseThrow()) + 1;
        io.lakeshift.emulator.iam.PolicyException e = org.junit.jupiter.api.Assertions.assertThrows(
                io.lakeshift.emulator.iam.PolicyException.class, () -> Policy.parse(raw));
        assertEquals(firstStatement, e.line());
        assertTrue(e.getMessage().contains("is a placeholder: replace it"), e.getMessage());

        Policy p = Policy.parse(policy);
        assertEquals(List.of("dataflow-family", "objects", "secret-bundles"), p.statements().stream()
                .filter(st -> !st.enforced()).map(Statement::resourceType).sorted().toList(),
                "the Data Flow set-up statements, parsed and not enforced");
        assertEquals(3, p.notes().stream().filter(n -> n.contains("ignored")).count(), p.notes().toString());
    }

    @ParameterizedTest
    @EnumSource(SignIn.class)
    void thePolicyLetsTheDataFlowArgumentsRunToCompletion(SignIn signIn) throws Exception {
        try (World w = new World(policy)) {
            w.deploy();
            Outcome o = w.run(signIn);
            assertEquals(0, o.code(), o.err() + "\nrefused: " + w.refusals + "\n" + o.out());
            assertEquals(List.of(), w.refusals);
            assertFalse(w.runSignedWith.isEmpty());
            assertEquals(Set.of("session-token"), Set.copyOf(w.runSignedWith),
                    "every request of the run was signed with the resource principal's session token");
            TreeSet<String> expected = new TreeSet<>();
            try (Stream<Path> files = Files.walk(lake)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String rel = lake.relativize(f).toString();
                    expected.add("tables/" + rel);
                    assertEquals(Lakes.sha256(f), Lakes.sha256(Sdk.get(w.harness, w.emulator, TARGET, "tables/" + rel)));
                }
            }
            assertEquals(expected, new TreeSet<>(w.list(TARGET, "tables/")));
            assertTrue(w.list(LOGS, "lakeshift/").stream().anyMatch(n -> n.endsWith(".jsonl")), w.list(LOGS, "").toString());
        }
    }

    @Test
    void aRunOfAnotherCompartmentIsInNoDynamicGroupAndStops() throws Exception {
        try (World w = new World(policy)) {
            w.deploy();
            Outcome o = w.run(SignIn.RESOURCE_PRINCIPAL, w.emulator.tenancyId());
            assertNotEquals(0, o.code(), o.out());
            assertFalse(w.refusals.isEmpty(), o.err());
            assertTrue(w.refusals.get(0).contains("for resource principal " + w.session.resourceId()
                    + " (dataflowrun), in no group of the policy"), w.refusals.get(0));
            assertEquals(List.of(), w.list(TARGET, "tables/"));
        }
    }

    @Test
    void withoutAnyOneObjectStorageStatementTheRunStopsNamingWhatIsMissing() throws Exception {
        List<Statement> statements = objectStorageStatements();
        assertEquals(4, statements.size(), "policy.txt's Object Storage statements: " + statements);
        List<String> failures = new ArrayList<>();
        for (Statement removed : statements) {
            String without = without(policy, removed);
            try (World w = new World(without)) {
                boolean deployStatement = removed.subject().names().contains(ADMINS);
                if (deployStatement) {
                    BmcException e = w.deployRefused();
                    assertEquals(404, e.getStatusCode(), removed.text());
                    assertEquals("BucketNotFound", e.getServiceCode(), removed.text());
                    assertTrue(e.getMessage().contains("Either the bucket named '" + ARTIFACTS
                            + "' does not exist in the namespace '" + w.emulator.namespace()
                            + "' or you are not authorized to access it"), e.getMessage());
                    assertRefusalNames(w, removed, ARTIFACTS);
                    continue;
                }
                w.deploy();
                Outcome o = w.run(SignIn.RESOURCE_PRINCIPAL);
                if (o.code() == 0) {
                    failures.add("the run succeeded without: " + removed.text());
                    continue;
                }
                assertNotEquals(0, o.code());
                List<String> lines = o.err().strip().lines().toList();
                assertEquals(1, lines.size(), "one line: " + o.err());
                String line = lines.get(0);
                assertFalse(line.contains("\tat ") || line.contains("Exception"), line);
                String bucket = bucketOf(removed);
                assertTrue(line.contains("'" + bucket + "'") || line.contains(bucket + "@"), line);
                assertTrue(line.contains("not authorized"), line);
                assertTrue(line.contains("target.bucket.name = '" + bucket + "'"), "a statement to write: " + line);
                String permission = assertRefusalNames(w, removed, bucket);
                assertTrue(w.refusals.get(0).contains("for resource principal " + w.session.resourceId()
                        + " (dataflowrun), in dynamic-group " + RUNS_GROUP), "the run, matched by its claims: "
                        + w.refusals.get(0));
                if (!line.contains(permission)) {
                    failures.add("without [" + removed.text() + "] the run's error does not name " + permission
                            + ": " + line);
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    /** The emulator reported the refusal on its console, naming a permission the removed statement grants. */
    private static String assertRefusalNames(World w, Statement removed, String bucket) {
        assertFalse(w.refusals.isEmpty(), "no refusal reported without " + removed.text());
        String refusal = w.refusals.get(0);
        assertTrue(refusal.contains("bucket '" + bucket + "'"), refusal);
        String granted = removed.permissions().stream().map(Enum::name)
                .filter(p -> refusal.contains("no statement grants " + p)).findFirst().orElse(null);
        assertTrue(granted != null, "the refusal names a permission of [" + removed.text() + "]: " + refusal);
        return granted;
    }

    private static String bucketOf(Statement s) {
        String text = s.text();
        int at = text.indexOf("target.bucket.name = '") + "target.bucket.name = '".length();
        return text.substring(at, text.indexOf('\'', at));
    }

    private static String without(String text, Statement s) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        assertEquals(s.text(), lines.get(s.line() - 1).strip());
        lines.remove(s.line() - 1);
        return String.join("\n", lines);
    }

    record Outcome(int code, String out, String err) {}

    /** An emulator enforcing a policy, with the buckets a user made before deploying. */
    static final class World implements AutoCloseable {
        final OciEmulator emulator;
        final ObjectStorageClient harness;
        final List<String> refusals = Collections.synchronizedList(new ArrayList<>());
        /** How each request of the run (not the harness's, not the deploy's) was signed. */
        final List<String> runSignedWith = new CopyOnWriteArrayList<>();
        final Path adminConfig;
        private volatile boolean running;
        ResourcePrincipalSession session;

        World(String statements) throws IOException {
            Path policyFile = Files.createTempFile(dir, "policy-", ".txt");
            // The harness's user OCID comes from the emulator's key; a config dir made here keeps it stable.
            Path configDir = Files.createTempDirectory(dir, "emulator-");
            OciEmulator probe = OciEmulator.builder().configDir(configDir).start();
            String harnessPolicy = emulatorPolicy(statements, probe);
            probe.close();
            Files.writeString(policyFile, harnessPolicy);
            emulator = OciEmulator.builder().configDir(configDir).trustUserKey(adminKey, ADMIN_USER)
                    .policy(policyFile).onRefusal(refusals::add).faultPolicy(r -> {
                        if (running) {
                            String auth = String.valueOf(r.exchange().getRequestHeaders().getFirst("authorization"));
                            runSignedWith.add(auth.contains("keyId=\"ST$") ? "session-token" : "api-key");
                        }
                        return false;
                    }).start();
            harness = Sdk.client(emulator);
            for (String b : List.of(TARGET, LOGS, ARTIFACTS)) {
                harness.createBucket(CreateBucketRequest.builder().namespaceName(emulator.namespace())
                        .createBucketDetails(CreateBucketDetails.builder().name(b).compartmentId(COMPARTMENT).build())
                        .build());
            }
            adminConfig = config("admin", ADMIN_USER, adminKey);
        }

        private Path config(String name, String user, Path key) throws IOException {
            Path file = Files.createTempFile(dir, name + "-config-", "");
            Files.writeString(file, "[DEFAULT]\nuser=" + user + "\nfingerprint=" + fingerprints.get(key)
                    + "\ntenancy=" + emulator.tenancyId() + "\nregion=us-ashburn-1\nkey_file=" + key + "\n");
            return file;
        }

        /** What deploy.sh does in Object Storage as a Data Flow admin: uploads the jar, then again (--force). */
        void deploy() throws IOException {
            try (ObjectStorageClient admin = client(adminConfig)) {
                byte[] jar = "a jar".getBytes(StandardCharsets.UTF_8);
                Sdk.put(admin, emulator, ARTIFACTS, "lakeshift.jar", jar);
                Sdk.put(admin, emulator, ARTIFACTS, "lakeshift.jar", jar);
            }
        }

        BmcException deployRefused() throws IOException {
            try {
                deploy();
            } catch (BmcException e) {
                return e;
            }
            throw new AssertionError("the deploy step was not refused");
        }

        private ObjectStorageClient client(Path config) throws IOException {
            com.oracle.bmc.auth.ConfigFileAuthenticationDetailsProvider provider =
                    new com.oracle.bmc.auth.ConfigFileAuthenticationDetailsProvider(config.toString(), "DEFAULT");
            return ObjectStorageClient.builder()
                    .configuration(com.oracle.bmc.ClientConfiguration.builder()
                            .retryConfiguration(com.oracle.bmc.retrier.RetryConfiguration.NO_RETRY_CONFIGURATION)
                            .circuitBreakerConfiguration(
                                    com.oracle.bmc.util.CircuitBreakerUtils.getNoCircuitBreakerConfiguration())
                            .build())
                    .endpoint(emulator.endpoint()).build(provider);
        }

        Outcome run(SignIn signIn) throws Exception {
            return run(signIn, COMPARTMENT);
        }

        /**
         * lakeshift with the Data Flow application's arguments, in a child JVM signed in as the resource principal
         * of a run in {@code compartment}: the environment holds the minted session's variables (and, for
         * {@link SignIn#AUTO_IN_DATA_FLOW}, DATAFLOW_AUTH) and no other OCI sign-in; the config file named does not
         * exist, so nothing but the session can sign a request.
         */
        Outcome run(SignIn signIn, String compartment) throws Exception {
            session = emulator.mintResourcePrincipal(Files.createTempDirectory(dir, "rp-"), compartment,
                    Duration.ofHours(1));
            DataflowApplication app = DataflowApplication.read();
            List<String> args = new ArrayList<>(app.arguments(Map.of("source", lake.toUri().toString(),
                    "target", "oci://" + TARGET + "@" + emulator.namespace() + "/tables/",
                    "log", "oci://" + LOGS + "@" + emulator.namespace() + "/lakeshift/")));
            int auth = args.indexOf("--oci-auth");
            assertEquals("auto", args.get(auth + 1), "application.json's --oci-auth");
            assertEquals("resource_principal", app.json().path("configuration").path("dataflow.auth").asText(),
                    "application.json's runs sign in as their resource principal");
            if (signIn == SignIn.RESOURCE_PRINCIPAL) {
                args.set(auth + 1, "resource_principal");
            }
            args.addAll(List.of("--multipart-threshold", "1MiB", "--part-size", "1MiB", "--progress-interval", "0",
                    "--oci-endpoint", emulator.endpoint(), "--oci-config", dir.resolve("no-such-oci-config").toString(),
                    "--master", "local[1]"));
            List<String> command = ChildJvm.java();
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.lakeshift.cli.Main"));
            command.addAll(args);
            ProcessBuilder pb = new ProcessBuilder(command);
            for (String name : new ArrayList<>(pb.environment().keySet())) {
                if (name.startsWith("OCI_") || name.equals("DATAFLOW_AUTH")
                        || name.equals("SPARK_HADOOP_FS_DELEGATION_TOKEN_PATH")) {
                    pb.environment().remove(name);
                }
            }
            pb.environment().putAll(session.environment());
            if (signIn == SignIn.AUTO_IN_DATA_FLOW) {
                pb.environment().put("DATAFLOW_AUTH", "resource_principal");
            }
            Path out = Files.createTempFile(dir, "run-", ".out");
            Path err = Files.createTempFile(dir, "run-", ".err");
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            running = true;
            Process p = pb.start();
            try {
                if (!p.waitFor(5, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    throw new AssertionError("the run did not finish:\n" + Files.readString(out) + Files.readString(err));
                }
            } finally {
                running = false;
            }
            return new Outcome(p.exitValue(), Files.readString(out), Files.readString(err));
        }

        List<String> list(String bucket, String prefix) {
            List<String> names = new ArrayList<>();
            harness.getPaginators().listObjectsRecordIterator(com.oracle.bmc.objectstorage.requests.ListObjectsRequest
                    .builder().namespaceName(emulator.namespace()).bucketName(bucket).prefix(prefix).build())
                    .forEach(o -> names.add(o.getName()));
            return names;
        }

        @Override
        public void close() {
            harness.close();
            emulator.close();
        }
    }

    static final Map<Path, String> fingerprints = new LinkedHashMap<>();

    /** A fresh API key (PKCS#8 PEM), trusted by each emulator of the test. */
    static Path key(String name) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair pair = g.generateKeyPair();
        Path file = dir.resolve(name + "_api_key.pem");
        Files.writeString(file, Pem.privateKey(pair.getPrivate()));
        fingerprints.put(file, Fingerprint.of(pair.getPublic()));
        return file;
    }
}
