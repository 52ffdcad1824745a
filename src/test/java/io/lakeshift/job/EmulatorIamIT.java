package io.lakeshift.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.bmc.model.BmcException;
import com.oracle.bmc.objectstorage.ObjectStorageClient;
import com.oracle.bmc.objectstorage.model.CreateBucketDetails;
import com.oracle.bmc.objectstorage.requests.CreateBucketRequest;
import io.lakeshift.cli.Main;
import io.lakeshift.emulator.OciEmulator;
import io.lakeshift.emulator.Sdk;
import io.lakeshift.emulator.auth.Fingerprint;
import io.lakeshift.emulator.auth.Pem;
import io.lakeshift.emulator.iam.Policy;
import io.lakeshift.emulator.iam.Statement;
import io.lakeshift.packaging.DataflowApplication;
import io.lakeshift.testing.Lakes;
import io.lakeshift.testing.SparkTestSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The IAM policy users are told to write, packaging/dataflow/policy.txt, is exactly enough: under it (placeholders
 * filled in) the emulator lets the Data Flow application's arguments (packaging/dataflow/application.json) migrate a
 * lake to completion, and without any one of its Object Storage statements the run stops with one line naming the
 * bucket and the permission that is missing, and a non-zero exit.
 *
 * <p>The emulator's permissions per operation are Oracle's, from "Details for Object Storage and Archive Storage",
 * https://docs.oracle.com/en-us/iaas/Content/Identity/Reference/objectstoragepolicyreference.htm (page updated
 * 2025-07-14, read 2026-12-01); see io.lakeshift.emulator.iam.Operations.
 */
class EmulatorIamIT {
    /**
     * Who the run signs in as. Data Flow runs sign in as their resource principal, which policy.txt names through the
     * dynamic group {@code <dataflow-runs>}. Until the emulator accepts resource-principal session tokens the run
     * signs in with an API key of its own, and that user is put in a group of the same name: the statements are
     * unchanged but for "dynamic-group" read as "group". Switch to RESOURCE_PRINCIPAL here once it does.
     */
    private static final RunAs RUN_AS = RunAs.API_KEY_USER;

    enum RunAs { API_KEY_USER, RESOURCE_PRINCIPAL }

    static final String COMPARTMENT = "ocid1.compartment.oc1..aaaaaaaalakeshiftmigration";
    static final String TARGET = "lake";
    static final String LOGS = "migration-logs";
    static final String ARTIFACTS = "dataflow-apps";
    static final String RUNS_GROUP = "lakeshift-runs";
    static final String ADMINS = "dataflow-admins";
    static final String RUN_USER = "ocid1.user.oc1..aaaaaaaalakeshiftdataflowrun";
    static final String ADMIN_USER = "ocid1.user.oc1..aaaaaaaalakeshiftdataflowadmin";

    @TempDir
    static Path dir;
    static Path lake;
    static Path runKey;
    static Path adminKey;
    static String policy;

    @BeforeAll
    static void setUp() throws Exception {
        SparkTestSession.get(); // runs share the tests' Spark session instead of each starting one
        lake = dir.resolve("lake");
        for (int i = 0; i < 6; i++) {
            Lakes.write(lake, "sales/year=2024/part-" + i + ".bin", 900 * (i + 1), i);
        }
        Lakes.write(lake, "sales/big.bin", 3 << 20, 9); // above --multipart-threshold: the multipart operations
        runKey = key("run");
        adminKey = key("admin");
        policy = substitute(Files.readString(Path.of("packaging/dataflow/policy.txt")));
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
        String s = statements;
        StringBuilder who = new StringBuilder();
        // The test's own client stands for the tenancy administrator, who made the buckets (OCI's Administrators
        // group may do everything without a statement; the emulator needs one).
        who.append("group harness = ").append(harnessIdentity.userId()).append('\n');
        who.append("allow group harness to manage object-family in tenancy\n");
        who.append("group ").append(ADMINS).append(" = ").append(ADMIN_USER).append('\n');
        if (RUN_AS == RunAs.API_KEY_USER) {
            s = s.replace("dynamic-group " + RUNS_GROUP, "group " + RUNS_GROUP);
            who.append("group ").append(RUNS_GROUP).append(" = ").append(RUN_USER).append('\n');
        } else {
            who.append("dynamic-group ").append(RUNS_GROUP).append(" = ALL {resource.type = 'dataflowrun',"
                    + " resource.compartment.id = '").append(COMPARTMENT).append("'}\n");
        }
        return s + who;
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

    @Test
    void thePolicyLetsTheDataFlowArgumentsRunToCompletion() throws Exception {
        try (World w = new World(policy)) {
            w.deploy();
            Outcome o = w.run();
            assertEquals(0, o.code(), o.err() + "\nrefused: " + w.refusals);
            assertEquals(List.of(), w.refusals);
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
                Outcome o = w.run();
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
        final Path runConfig;
        final Path adminConfig;

        World(String statements) throws IOException {
            Path policyFile = Files.createTempFile(dir, "policy-", ".txt");
            // The harness's user OCID comes from the emulator's key; a config dir made here keeps it stable.
            Path configDir = Files.createTempDirectory(dir, "emulator-");
            OciEmulator probe = OciEmulator.builder().configDir(configDir).start();
            String harnessPolicy = emulatorPolicy(statements, probe);
            probe.close();
            Files.writeString(policyFile, harnessPolicy);
            emulator = OciEmulator.builder().configDir(configDir).trustPublicKey(runKey).trustPublicKey(adminKey)
                    .policy(policyFile).onRefusal(refusals::add).start();
            harness = Sdk.client(emulator);
            for (String b : List.of(TARGET, LOGS, ARTIFACTS)) {
                harness.createBucket(CreateBucketRequest.builder().namespaceName(emulator.namespace())
                        .createBucketDetails(CreateBucketDetails.builder().name(b).compartmentId(COMPARTMENT).build())
                        .build());
            }
            runConfig = config("run", RUN_USER, runKey);
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

        /** lakeshift with the Data Flow application's arguments, as the run's principal. */
        Outcome run() throws IOException {
            DataflowApplication app = DataflowApplication.read();
            List<String> args = new ArrayList<>(app.arguments(Map.of("source", lake.toUri().toString(),
                    "target", "oci://" + TARGET + "@" + emulator.namespace() + "/tables/",
                    "log", "oci://" + LOGS + "@" + emulator.namespace() + "/lakeshift/")));
            args.addAll(List.of("--multipart-threshold", "1MiB", "--part-size", "1MiB", "--progress-interval", "0"));
            args.addAll(runCredentials());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Main.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }

        /**
         * The run's sign-in: its own API key, through --oci-auth auto (application.json's value), which picks the
         * profile given. With RUN_AS = RESOURCE_PRINCIPAL this is where the resource-principal session (the SDK's
         * documented environment) is handed to the run instead.
         */
        private List<String> runCredentials() {
            if (RUN_AS == RunAs.RESOURCE_PRINCIPAL) {
                throw new UnsupportedOperationException("resource-principal sessions: see RUN_AS");
            }
            return List.of("--oci-config", runConfig.toString(), "--oci-profile", "DEFAULT",
                    "--oci-endpoint", emulator.endpoint());
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
