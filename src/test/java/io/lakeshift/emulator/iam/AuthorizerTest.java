package io.lakeshift.emulator.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.bmc.model.BmcException;
import com.oracle.bmc.objectstorage.ObjectStorageClient;
import com.oracle.bmc.objectstorage.model.CreateBucketDetails;
import com.oracle.bmc.objectstorage.requests.CreateBucketRequest;
import com.oracle.bmc.objectstorage.requests.GetBucketRequest;
import com.oracle.bmc.objectstorage.requests.GetNamespaceRequest;
import com.oracle.bmc.objectstorage.requests.ListObjectsRequest;
import com.oracle.bmc.objectstorage.requests.PutObjectRequest;
import com.oracle.bmc.objectstorage.requests.RestoreObjectsRequest;
import com.oracle.bmc.objectstorage.requests.UpdateObjectStorageTierRequest;
import com.oracle.bmc.objectstorage.model.RestoreObjectsDetails;
import com.oracle.bmc.objectstorage.model.StorageTier;
import com.oracle.bmc.objectstorage.model.UpdateObjectStorageTierDetails;
import java.io.ByteArrayInputStream;
import io.lakeshift.emulator.EmulatorMain;
import io.lakeshift.emulator.OciEmulator;
import io.lakeshift.emulator.Sdk;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emulator with a policy, through the OCI SDK: what is granted works, what is not is answered 404
 * "not found or not authorized" as OCI answers it (https://github.com/oracle/oci-java-sdk/issues/113, read
 * 2026-12-01) and reported naming the missing permission; without a policy everything is allowed.
 */
class AuthorizerTest {
    @TempDir
    Path dir;

    /** An emulator whose own user is in group "team" and may do what {@code statements} allow. */
    private OciEmulator start(String statements, List<String> refusals) throws IOException {
        Path configDir = dir.resolve("config");
        String user;
        try (OciEmulator probe = OciEmulator.builder().configDir(configDir).start()) {
            user = probe.userId();
        }
        Policy policy = Policy.parse("group team = " + user + "\n" + statements);
        return OciEmulator.builder().configDir(configDir).policy(policy).onRefusal(refusals::add).start();
    }

    private static void bucket(ObjectStorageClient c, OciEmulator e, String name) {
        c.createBucket(CreateBucketRequest.builder().namespaceName(e.namespace())
                .createBucketDetails(CreateBucketDetails.builder().name(name).compartmentId("ocid1.compartment.oc1..lake")
                        .build()).build());
    }

    @Test
    void grantedOperationsWorkAndOthersAreNotFoundOrNotAuthorized() throws Exception {
        List<String> refusals = Collections.synchronizedList(new ArrayList<>());
        try (OciEmulator e = start("allow group team to manage buckets in tenancy\n"
                + "allow group team to inspect objects in compartment id ocid1.compartment.oc1..lake"
                + " where target.bucket.name = 'lake'", refusals);
             ObjectStorageClient c = Sdk.client(e)) {
            assertEquals(e.namespace(), c.getNamespace(GetNamespaceRequest.builder().build()).getValue(),
                    "GetNamespace needs no permission");
            bucket(c, e, "lake");
            bucket(c, e, "other");
            c.getBucket(GetBucketRequest.builder().namespaceName(e.namespace()).bucketName("lake").build());
            c.listObjects(ListObjectsRequest.builder().namespaceName(e.namespace()).bucketName("lake").build());
            assertEquals(List.of(), refusals);

            BmcException list = assertThrows(BmcException.class, () -> c.listObjects(ListObjectsRequest.builder()
                    .namespaceName(e.namespace()).bucketName("other").build()));
            assertEquals(404, list.getStatusCode());
            assertEquals("BucketNotFound", list.getServiceCode());
            assertTrue(list.getMessage().contains("Either the bucket named 'other' does not exist in the namespace '"
                    + e.namespace() + "' or you are not authorized to access it"), list.getMessage());
            assertEquals(1, refusals.size(), refusals.toString());
            String line = refusals.get(0);
            assertTrue(line.startsWith("IAM: refused ListObjects on bucket 'other' for user " + e.userId()
                    + ", in group team: needs OBJECT_INSPECT; no statement grants OBJECT_INSPECT (e.g. allow group team"
                    + " to inspect objects in compartment ocid1.compartment.oc1..lake where target.bucket.name = 'other')"),
                    line);

            BmcException put = assertThrows(BmcException.class, () -> Sdk.put(c, e, "lake", "a", new byte[3]));
            assertEquals(404, put.getStatusCode());
            assertEquals("BucketNotFound", put.getServiceCode());
            assertTrue(refusals.get(1).contains("refused PutObject on bucket 'lake' object 'a'")
                    && refusals.get(1).contains("needs OBJECT_CREATE"), refusals.get(1));
        }
    }

    @Test
    void overwritingNeedsOverwriteAndCreatingNeedsCreate() throws Exception {
        List<String> refusals = Collections.synchronizedList(new ArrayList<>());
        try (OciEmulator e = start("allow group team to manage buckets in tenancy\n"
                + "allow group team to use objects in tenancy", refusals);
             ObjectStorageClient c = Sdk.client(e)) {
            bucket(c, e, "lake");
            assertThrows(BmcException.class, () -> Sdk.put(c, e, "lake", "new", new byte[1]));
            assertTrue(refusals.get(0).contains("needs OBJECT_CREATE"), refusals.toString());
        }
        try (OciEmulator e = start("allow group team to manage buckets in tenancy\n"
                + "allow group team to manage objects in tenancy where request.permission != 'OBJECT_OVERWRITE'",
                refusals)) {
            ObjectStorageClient c = Sdk.client(e);
            bucket(c, e, "lake");
            Sdk.put(c, e, "lake", "x", new byte[1]);
            assertThrows(BmcException.class, () -> Sdk.put(c, e, "lake", "x", new byte[1]));
            assertTrue(refusals.get(1).contains("needs OBJECT_OVERWRITE"), refusals.toString());
            c.close();
        }
    }

    @Test
    void restoringAndChangingTiersNeedManageObjects() throws Exception {
        List<String> refusals = Collections.synchronizedList(new ArrayList<>());
        try (OciEmulator e = start("allow group team to manage buckets in tenancy\n"
                + "allow group team to use objects in tenancy\n"
                + "allow group team to manage objects in tenancy where request.permission = 'OBJECT_CREATE'", refusals);
             ObjectStorageClient c = Sdk.client(e)) {
            bucket(c, e, "lake");
            c.putObject(PutObjectRequest.builder().namespaceName(e.namespace()).bucketName("lake").objectName("cold")
                    .contentLength(1L).putObjectBody(new ByteArrayInputStream(new byte[1]))
                    .storageTier(StorageTier.Archive).build());
            BmcException restore = assertThrows(BmcException.class, () -> c.restoreObjects(RestoreObjectsRequest
                    .builder().namespaceName(e.namespace()).bucketName("lake").restoreObjectsDetails(
                            RestoreObjectsDetails.builder().objectName("cold").build()).build()));
            assertEquals(404, restore.getStatusCode());
            assertEquals("BucketNotFound", restore.getServiceCode());
            assertTrue(refusals.get(0).contains("refused RestoreObjects") && refusals.get(0).contains(
                    "needs OBJECT_RESTORE"), refusals.toString());
            BmcException tier = assertThrows(BmcException.class, () -> c.updateObjectStorageTier(
                    UpdateObjectStorageTierRequest.builder().namespaceName(e.namespace()).bucketName("lake")
                            .updateObjectStorageTierDetails(UpdateObjectStorageTierDetails.builder().objectName("cold")
                                    .storageTier(StorageTier.Standard).build()).build()));
            assertEquals(404, tier.getStatusCode());
            assertTrue(refusals.get(1).contains("needs OBJECT_UPDATE_TIER"), refusals.toString());
        }
    }

    @Test
    void namespaceLevelRefusalsAreNamespaceNotFound() throws Exception {
        List<String> refusals = new ArrayList<>();
        try (OciEmulator e = start("allow group team to read buckets in tenancy", refusals);
             ObjectStorageClient c = Sdk.client(e)) {
            BmcException create = assertThrows(BmcException.class, () -> bucket(c, e, "lake"));
            assertEquals(404, create.getStatusCode());
            assertEquals("NamespaceNotFound", create.getServiceCode());
            assertTrue(refusals.get(0).contains("refused CreateBucket") && refusals.get(0).contains("BUCKET_CREATE")
                    && refusals.get(0).contains("allow group team to manage buckets in tenancy"), refusals.get(0));
        }
    }

    @Test
    void withoutAPolicyEverythingIsAllowed() throws Exception {
        try (OciEmulator e = OciEmulator.builder().start(); ObjectStorageClient c = Sdk.client(e)) {
            assertNull(e.policy());
            Sdk.createBucket(c, e, "b");
            Sdk.put(c, e, "b", "o", new byte[2]);
            assertEquals(2, Sdk.get(c, e, "b", "o").length);
        }
    }

    @Test
    void theCommandLineReadsThePolicyReportsWhatItIgnoresAndRefusesABadLine() throws Exception {
        Path good = dir.resolve("policy.txt");
        Files.writeString(good, "allow group a to read buckets in tenancy\nallow group a to manage dataflow-family in tenancy\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OciEmulator e = EmulatorMain.start(new String[] {"--policy", good.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            String printed = out.toString(StandardCharsets.UTF_8);
            assertTrue(printed.contains("  policy:    " + good + " (1 Object Storage statements enforced)"), printed);
            assertTrue(printed.contains("policy line 2: ignored: 'dataflow-family' is not an Object Storage"), printed);
            assertTrue(e.policy() != null);
        } finally {
            e.close();
        }

        Path bad = dir.resolve("bad.txt");
        Files.writeString(bad, "# ok\nallow group a to read buckets in tenancy where target.bucket.name = lake\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = EmulatorMain.run(new String[] {"--policy", bad.toString()}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        String first = err.toString(StandardCharsets.UTF_8).lines().findFirst().orElse("");
        assertEquals("lakeshift emulator: " + bad + ": policy line 2: the value lake needs single quotes: 'lake'",
                first);
    }

    static final String RUNS = "ocid1.compartment.oc1..runs";

    /**
     * Signed in through the OCI SDK's own resource principal provider (oci-java-sdk-common 3.77.2,
     * {@code build_2_2}, what its {@code build()} calls for OCI_RESOURCE_PRINCIPAL_VERSION=2.2), the emulator's
     * IAM sees the session token's claims: a dynamic group's matching rule reads res_type and res_compartment
     * (resource.type, resource.compartment.id), a where clause's request.principal.type and
     * request.principal.compartment.id read the same claims, and res_tenant decides whose policy applies.
     */
    @Test
    void aResourcePrincipalIsJudgedByItsSessionTokensClaims() throws Exception {
        List<String> refusals = Collections.synchronizedList(new ArrayList<>());
        String rules = "dynamic-group runs = ALL {resource.type = 'dataflowrun', resource.compartment.id = '" + RUNS + "'}\n"
                + "allow group team to manage object-family in tenancy\n"
                + "allow dynamic-group runs to manage objects in compartment id ocid1.compartment.oc1..lake"
                + " where target.bucket.name = 'lake'\n"
                + "allow any-user to read buckets in compartment id ocid1.compartment.oc1..lake where ALL"
                + " {request.principal.type = 'dataflowrun', request.principal.compartment.id = '" + RUNS + "'}";
        try (OciEmulator e = start(rules, refusals); ObjectStorageClient admin = Sdk.client(e)) {
            bucket(admin, e, "lake");
            io.lakeshift.emulator.auth.ResourcePrincipalSession run = e.mintResourcePrincipal(dir.resolve("run"), RUNS,
                    java.time.Duration.ofHours(1));
            try (ObjectStorageClient c = resourcePrincipalClient(e, run)) {
                Sdk.put(c, e, "lake", "by-run", new byte[4]);
                assertEquals(4, Sdk.get(c, e, "lake", "by-run").length);
                c.getBucket(GetBucketRequest.builder().namespaceName(e.namespace()).bucketName("lake").build());
            }
            assertEquals(List.of(), refusals, "the run of the dynamic group's compartment may");

            // a run of another compartment (the tenancy's root): in no dynamic group, and not the any-user's
            io.lakeshift.emulator.auth.ResourcePrincipalSession root = e.mintResourcePrincipal(dir.resolve("root"),
                    java.time.Duration.ofHours(1));
            try (ObjectStorageClient c = resourcePrincipalClient(e, root)) {
                BmcException put = assertThrows(BmcException.class, () -> Sdk.put(c, e, "lake", "by-root", new byte[1]));
                assertEquals(404, put.getStatusCode());
                assertEquals("BucketNotFound", put.getServiceCode());
                assertThrows(BmcException.class, () -> c.getBucket(GetBucketRequest.builder()
                        .namespaceName(e.namespace()).bucketName("lake").build()));
            }
            assertEquals(2, refusals.size(), refusals.toString());
            assertTrue(refusals.get(0).startsWith("IAM: refused PutObject on bucket 'lake' object 'by-root' for resource"
                    + " principal " + root.resourceId() + " (dataflowrun), in no group of the policy: needs OBJECT_CREATE"),
                    refusals.get(0));
            assertTrue(refusals.get(1).contains("refused GetBucket") && refusals.get(1).contains("BUCKET_READ"),
                    refusals.get(1));

            // a run whose token the emulator signed, of the dynamic group's compartment, but of another tenancy
            io.lakeshift.emulator.auth.SessionTokens issuer = io.lakeshift.emulator.auth.SessionTokens.createIn(
                    dir.resolve("config"), java.time.Clock.systemUTC());
            String elsewhere = "ocid1.tenancy.oc1..aaaaaaaaanothertenancy";
            io.lakeshift.emulator.auth.ResourcePrincipalSession foreign = io.lakeshift.emulator.auth
                    .ResourcePrincipalSession.mint(issuer, dir.resolve("foreign"), elsewhere, RUNS, "us-ashburn-1",
                            java.time.Duration.ofHours(1));
            try (ObjectStorageClient c = resourcePrincipalClient(e, foreign)) {
                BmcException put = assertThrows(BmcException.class, () -> Sdk.put(c, e, "lake", "by-foreign", new byte[1]));
                assertEquals(404, put.getStatusCode());
                assertEquals("BucketNotFound", put.getServiceCode());
            }
            assertEquals(3, refusals.size(), refusals.toString());
            assertTrue(refusals.get(2).startsWith("IAM: refused PutObject on bucket 'lake' object 'by-foreign' for"
                    + " resource principal " + foreign.resourceId() + " (dataflowrun) of tenancy " + elsewhere
                    + ": needs OBJECT_CREATE; no statement grants OBJECT_CREATE to a principal of another tenancy than "
                    + e.tenancyId()), refusals.get(2));
            assertEquals(List.of("by-run"), admin.listObjects(ListObjectsRequest.builder().namespaceName(e.namespace())
                    .bucketName("lake").build()).getListObjects().getObjects().stream()
                    .map(com.oracle.bmc.objectstorage.model.ObjectSummary::getName).toList());
        }
    }

    private static ObjectStorageClient resourcePrincipalClient(OciEmulator e,
                                                               io.lakeshift.emulator.auth.ResourcePrincipalSession rp) {
        java.util.Map<String, String> env = rp.environment();
        com.oracle.bmc.auth.ResourcePrincipalAuthenticationDetailsProvider provider =
                com.oracle.bmc.auth.ResourcePrincipalAuthenticationDetailsProvider
                        .ResourcePrincipalAuthenticationDetailsProviderBuilder.build_2_2(
                                env.get("OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM"), null, env.get("OCI_RESOURCE_PRINCIPAL_RPST"),
                                env.get("OCI_RESOURCE_PRINCIPAL_REGION"), "environment variable");
        return ObjectStorageClient.builder().endpoint(e.endpoint())
                .configuration(com.oracle.bmc.ClientConfiguration.builder()
                        .retryConfiguration(com.oracle.bmc.retrier.RetryConfiguration.NO_RETRY_CONFIGURATION)
                        .circuitBreakerConfiguration(
                                com.oracle.bmc.util.CircuitBreakerUtils.getNoCircuitBreakerConfiguration())
                        .build())
                .build(provider);
    }
}
