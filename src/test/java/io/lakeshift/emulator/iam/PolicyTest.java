package io.lakeshift.emulator.iam;

import static io.lakeshift.emulator.iam.Permission.BUCKET_CREATE;
import static io.lakeshift.emulator.iam.Permission.BUCKET_DELETE;
import static io.lakeshift.emulator.iam.Permission.BUCKET_INSPECT;
import static io.lakeshift.emulator.iam.Permission.BUCKET_READ;
import static io.lakeshift.emulator.iam.Permission.BUCKET_UPDATE;
import static io.lakeshift.emulator.iam.Permission.OBJECTSTORAGE_NAMESPACE_READ;
import static io.lakeshift.emulator.iam.Permission.OBJECTSTORAGE_NAMESPACE_UPDATE;
import static io.lakeshift.emulator.iam.Permission.OBJECT_CREATE;
import static io.lakeshift.emulator.iam.Permission.OBJECT_DELETE;
import static io.lakeshift.emulator.iam.Permission.OBJECT_INSPECT;
import static io.lakeshift.emulator.iam.Permission.OBJECT_OVERWRITE;
import static io.lakeshift.emulator.iam.Permission.OBJECT_READ;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.emulator.auth.Principal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The policy language and its evaluation. Expected grants and requirements are Oracle's, from "Details for Object
 * Storage and Archive Storage", https://docs.oracle.com/en-us/iaas/Content/Identity/Reference/objectstoragepolicyreference.htm
 * (page updated 2025-07-14, read 2026-12-01): "Details for Verb + Resource-Type Combinations" and "Permissions
 * Required for Each API Operation"; conditions from https://docs.oracle.com/iaas/Content/Identity/policysyntax/conditions.htm.
 */
class PolicyTest {
    static final String USER = "ocid1.user.oc1..alice";
    static final String OTHER = "ocid1.user.oc1..bob";
    static final String COMP = "ocid1.compartment.oc1..lake";
    static final Principal ALICE = Principal.user("ocid1.tenancy.oc1..t", USER);
    static final Principal BOB = Principal.user("ocid1.tenancy.oc1..t", OTHER);
    static final Principal RUN = new Principal(Principal.Kind.RESOURCE, "ocid1.tenancy.oc1..t",
            "ocid1.dataflowrun.oc1..r1", Map.of("res_type", "dataflowrun", "res_compartment", COMP,
            "res_id", "ocid1.dataflowrun.oc1..r1", "res_tenant", "ocid1.tenancy.oc1..t"));

    static Policy.Target bucket(String operation, String bucket) {
        return new Policy.Target(operation, bucket, null, COMP);
    }

    static Policy.Target object(String operation, String bucket, String object) {
        return new Policy.Target(operation, bucket, object, COMP);
    }

    static boolean grants(String policy, Principal who, Permission p, Policy.Target target) {
        return Policy.parse(policy).grants(who, p, target);
    }

    static String alice(String statement) {
        return "group admins = " + USER + "\n" + statement;
    }

    // ---- verbs on each resource-type: the reference's table

    @Test
    void eachVerbGrantsWhatTheReferenceListsForEachResourceType() {
        assertEquals(Set.of(), ResourceTypes.granted(Verb.INSPECT, "objectstorage-namespaces"));
        assertEquals(Set.of(OBJECTSTORAGE_NAMESPACE_READ), ResourceTypes.granted(Verb.READ, "objectstorage-namespaces"));
        assertEquals(Set.of(OBJECTSTORAGE_NAMESPACE_READ), ResourceTypes.granted(Verb.USE, "objectstorage-namespaces"));
        assertEquals(Set.of(OBJECTSTORAGE_NAMESPACE_READ, OBJECTSTORAGE_NAMESPACE_UPDATE),
                ResourceTypes.granted(Verb.MANAGE, "objectstorage-namespaces"));

        assertEquals(Set.of(BUCKET_INSPECT), ResourceTypes.granted(Verb.INSPECT, "buckets"));
        assertEquals(Set.of(BUCKET_INSPECT, BUCKET_READ), ResourceTypes.granted(Verb.READ, "buckets"));
        assertEquals(Set.of(BUCKET_INSPECT, BUCKET_READ, BUCKET_UPDATE), ResourceTypes.granted(Verb.USE, "buckets"));
        assertEquals(EnumSet.of(BUCKET_INSPECT, BUCKET_READ, BUCKET_UPDATE, BUCKET_CREATE, BUCKET_DELETE,
                Permission.PAR_MANAGE, Permission.RETENTION_RULE_MANAGE, Permission.RETENTION_RULE_LOCK),
                ResourceTypes.granted(Verb.MANAGE, "buckets"));

        assertEquals(Set.of(OBJECT_INSPECT), ResourceTypes.granted(Verb.INSPECT, "objects"));
        assertEquals(Set.of(OBJECT_INSPECT, OBJECT_READ), ResourceTypes.granted(Verb.READ, "objects"));
        assertEquals(Set.of(OBJECT_INSPECT, OBJECT_READ, OBJECT_OVERWRITE), ResourceTypes.granted(Verb.USE, "objects"));
        assertEquals(EnumSet.of(OBJECT_INSPECT, OBJECT_READ, OBJECT_OVERWRITE, OBJECT_CREATE, OBJECT_DELETE,
                Permission.OBJECT_VERSION_DELETE, Permission.OBJECT_RESTORE, Permission.OBJECT_UPDATE_TIER),
                ResourceTypes.granted(Verb.MANAGE, "objects"));
    }

    @Test
    void objectFamilyIsTheUnionOfItsThreeTypes() {
        for (Verb v : Verb.values()) {
            Set<Permission> union = EnumSet.noneOf(Permission.class);
            union.addAll(ResourceTypes.granted(v, "objectstorage-namespaces"));
            union.addAll(ResourceTypes.granted(v, "buckets"));
            union.addAll(ResourceTypes.granted(v, "objects"));
            assertEquals(union, ResourceTypes.granted(v, "object-family"), v.word());
            assertEquals(union, ResourceTypes.granted(v, "OBJECT-FAMILY"), "resource-types ignore case");
        }
    }

    @Test
    void eachServedOperationNeedsWhatTheReferenceSays() {
        Map<String, Requirement> t = Operations.table();
        assertEquals(List.of(), t.get("GetNamespace").all(), "GetNamespace needs no permission");
        assertEquals(List.of(OBJECTSTORAGE_NAMESPACE_READ), Operations.of("GetNamespace", true, false).all(),
                "... unless it names a compartmentId");
        assertEquals(List.of(OBJECTSTORAGE_NAMESPACE_READ), t.get("GetNamespaceMetadata").all());
        assertEquals(List.of(BUCKET_CREATE), t.get("CreateBucket").all());
        assertEquals(List.of(BUCKET_INSPECT), t.get("ListBuckets").all());
        assertEquals(List.of(BUCKET_READ), t.get("GetBucket").all());
        assertEquals(List.of(BUCKET_INSPECT), t.get("HeadBucket").all());
        assertEquals(List.of(BUCKET_DELETE), t.get("DeleteBucket").all());
        assertEquals(List.of(OBJECT_INSPECT), t.get("ListObjects").all());
        assertEquals(List.of(OBJECT_READ), t.get("GetObject").all());
        assertEquals(Requirement.oneOf(OBJECT_READ, OBJECT_INSPECT), t.get("HeadObject"));
        assertEquals(List.of(OBJECT_DELETE), t.get("DeleteObject").all());
        assertEquals(List.of(OBJECT_CREATE), Operations.of("PutObject", false, false).all());
        assertEquals(List.of(OBJECT_OVERWRITE), Operations.of("PutObject", false, true).all());
        assertEquals(List.of(OBJECT_CREATE, OBJECT_OVERWRITE), t.get("RenameObject").all());
        assertEquals(List.of(OBJECT_CREATE, OBJECT_OVERWRITE), t.get("CreateMultipartUpload").all());
        assertEquals(List.of(OBJECT_CREATE, OBJECT_OVERWRITE), t.get("UploadPart").all());
        assertEquals(List.of(BUCKET_READ, OBJECT_CREATE, OBJECT_READ, OBJECT_OVERWRITE),
                t.get("CommitMultipartUpload").all());
        assertEquals(List.of(OBJECT_INSPECT), t.get("ListMultipartUploadParts").all());
        assertEquals(List.of(BUCKET_READ), t.get("ListMultipartUploads").all());
        assertEquals(List.of(OBJECT_DELETE), t.get("AbortMultipartUpload").all());
        assertEquals(null, Operations.of("UpdateBucket", false, false), "not served: not authorized here");
    }

    // ---- verbs through statements

    @Test
    void inspectObjectsListsButDoesNotRead() {
        String p = alice("allow group admins to inspect objects in tenancy");
        assertTrue(grants(p, ALICE, OBJECT_INSPECT, bucket("ListObjects", "b")));
        assertFalse(grants(p, ALICE, OBJECT_READ, object("GetObject", "b", "o")));
        assertFalse(grants(p, ALICE, BUCKET_READ, bucket("GetBucket", "b")), "objects grant nothing on buckets");
    }

    @Test
    void useObjectsOverwritesButDoesNotCreateOrDelete() {
        Policy p = Policy.parse(alice("allow group admins to use objects in tenancy"));
        assertTrue(p.decide(ALICE, Operations.of("PutObject", false, true), object("PutObject", "b", "o")).allowed());
        Policy.Decision create = p.decide(ALICE, Operations.of("PutObject", false, false), object("PutObject", "b", "o"));
        assertFalse(create.allowed());
        assertEquals(OBJECT_CREATE, create.missing());
        assertFalse(p.grants(ALICE, OBJECT_DELETE, object("DeleteObject", "b", "o")));
    }

    @Test
    void commitNeedsReadBucketsBesideManageObjects() {
        Policy only = Policy.parse(alice("allow group admins to manage objects in tenancy"));
        Policy.Decision d = only.decide(ALICE, Operations.table().get("CommitMultipartUpload"),
                object("CommitMultipartUpload", "b", "o"));
        assertFalse(d.allowed());
        assertEquals(BUCKET_READ, d.missing());
        Policy both = Policy.parse(alice("allow group admins to manage objects in tenancy\n"
                + "allow group admins to read buckets in tenancy"));
        assertTrue(both.decide(ALICE, Operations.table().get("CommitMultipartUpload"),
                object("CommitMultipartUpload", "b", "o")).allowed());
    }

    @Test
    void headObjectNeedsReadOrInspect() {
        Policy p = Policy.parse(alice("allow group admins to inspect objects in tenancy"));
        assertTrue(p.decide(ALICE, Operations.table().get("HeadObject"), object("HeadObject", "b", "o")).allowed());
        Policy.Decision none = Policy.parse(alice("allow group admins to read buckets in tenancy"))
                .decide(ALICE, Operations.table().get("HeadObject"), object("HeadObject", "b", "o"));
        assertFalse(none.allowed());
        assertEquals(OBJECT_READ, none.missing());
    }

    @Test
    void manageObjectFamilyGrantsEveryServedOperation() {
        Policy p = Policy.parse(alice("allow group admins to manage object-family in tenancy"));
        Operations.table().forEach((op, req) ->
                assertTrue(p.decide(ALICE, req, object(op, "b", "o")).allowed(), op));
    }

    @Test
    void aStatementThatDoesNotGrantIsNotEnough() {
        // the review's finding: 'manage objects' alone does not let lakeshift's target check read the bucket
        Policy p = Policy.parse(alice("allow group admins to manage objects in tenancy"));
        Policy.Decision d = p.decide(ALICE, Operations.table().get("GetBucket"), bucket("GetBucket", "b"));
        assertFalse(d.allowed());
        assertEquals(BUCKET_READ, d.missing());
        assertFalse(Policy.parse("").grants(ALICE, OBJECT_INSPECT, bucket("ListObjects", "b")), "empty: nothing");
    }

    // ---- subjects

    @Test
    void groupsHoldTheirMembersOnly() {
        String p = "group admins = " + USER + ", ocid1.user.oc1..carol\nallow group admins to read buckets in tenancy";
        assertTrue(grants(p, ALICE, BUCKET_READ, bucket("GetBucket", "b")));
        assertFalse(grants(p, BOB, BUCKET_READ, bucket("GetBucket", "b")));
        assertFalse(grants(p, RUN, BUCKET_READ, bucket("GetBucket", "b")), "a resource principal is in no group");
        assertTrue(grants("group A = " + USER + "\ngroup b = " + OTHER + "\nallow group a, B to read buckets in tenancy",
                BOB, BUCKET_READ, bucket("GetBucket", "b")), "a list of groups, names ignoring case");
    }

    @Test
    void dynamicGroupsMatchResourcePrincipalsByTheirClaims() {
        String rule = "dynamic-group runs = ALL {resource.type = 'dataflowrun', resource.compartment.id = '" + COMP + "'}\n";
        String p = rule + "allow dynamic-group runs to read buckets in tenancy";
        assertTrue(grants(p, RUN, BUCKET_READ, bucket("GetBucket", "b")));
        assertFalse(grants(p, ALICE, BUCKET_READ, bucket("GetBucket", "b")), "users are in no dynamic group");
        Principal elsewhere = new Principal(Principal.Kind.RESOURCE, "t", "ocid1.dataflowrun.oc1..r2",
                Map.of("res_type", "dataflowrun", "res_compartment", "ocid1.compartment.oc1..other"));
        assertFalse(grants(p, elsewhere, BUCKET_READ, bucket("GetBucket", "b")), "a run of another compartment");
        Principal fn = new Principal(Principal.Kind.RESOURCE, "t", "ocid1.fnfunc.oc1..f",
                Map.of("res_type", "fnfunc", "res_compartment", COMP));
        assertFalse(grants(p, fn, BUCKET_READ, bucket("GetBucket", "b")), "another resource type");
        assertTrue(grants("dynamic-group any = ANY {resource.type = 'fnfunc', resource.id = 'ocid1.dataflowrun.oc1..r1'}\n"
                + "allow dynamic-group any to read buckets in tenancy", RUN, BUCKET_READ, bucket("GetBucket", "b")));
        assertEquals(List.of("dynamic-group runs"), Policy.parse(p).memberships(RUN));
    }

    @Test
    void anyUserWithThePrincipalTypeIsHowDataFlowsDocsNameARun() {
        String p = "allow any-user to manage objects in compartment id " + COMP
                + " where ALL {request.principal.type = 'dataflowrun', request.principal.compartment.id = '" + COMP + "'}";
        assertTrue(grants(p, RUN, OBJECT_CREATE, object("PutObject", "b", "o")));
        assertFalse(grants(p, ALICE, OBJECT_CREATE, object("PutObject", "b", "o")), "a user's type is 'user'");
        assertTrue(grants("allow any-user to read buckets in tenancy where request.principal.type = 'user'",
                ALICE, BUCKET_READ, bucket("GetBucket", "b")));
        assertTrue(grants("allow any-user to read buckets in tenancy", BOB, BUCKET_READ, bucket("GetBucket", "b")));
    }

    // ---- where

    @Test
    void compartmentsScopeStatementsAndTenancyCoversAll() {
        String p = alice("allow group admins to read buckets in compartment " + COMP);
        assertTrue(grants(p, ALICE, BUCKET_READ, bucket("GetBucket", "b")));
        assertFalse(grants(p, ALICE, BUCKET_READ, new Policy.Target("GetBucket", "b", null, "ocid1.compartment.oc1..x")));
        assertFalse(grants(p, ALICE, BUCKET_READ, new Policy.Target("GetBucket", "b", null, null)),
                "a compartment statement does not cover a request with no compartment");
        assertTrue(grants(alice("allow group admins to read buckets in compartment id " + COMP.toUpperCase()),
                ALICE, BUCKET_READ, bucket("GetBucket", "b")), "'compartment id', ignoring case");
        assertTrue(grants(alice("allow group admins to read buckets in tenancy"), ALICE, BUCKET_READ,
                new Policy.Target("GetBucket", "b", null, "ocid1.compartment.oc1..x")));
    }

    // ---- conditions

    @Test
    void targetBucketNameMatchesIgnoringCase() {
        String p = alice("allow group admins to manage objects in tenancy where target.bucket.name = 'BucketA'");
        assertTrue(grants(p, ALICE, OBJECT_CREATE, object("PutObject", "bucketa", "o")),
                "Oracle: condition matching is case insensitive");
        assertFalse(grants(p, ALICE, OBJECT_CREATE, object("PutObject", "BucketB", "o")));
        String not = alice("allow group admins to manage objects in tenancy where target.bucket.name != 'secret'");
        assertTrue(grants(not, ALICE, OBJECT_CREATE, object("PutObject", "lake", "o")));
        assertFalse(grants(not, ALICE, OBJECT_CREATE, object("PutObject", "SECRET", "o")));
    }

    @Test
    void patternsMatchPrefixSuffixAndInfix() {
        String starts = alice("allow group admins to read buckets in tenancy where target.bucket.name = /lake-*/");
        assertTrue(grants(starts, ALICE, BUCKET_READ, bucket("GetBucket", "lake-raw")));
        assertFalse(grants(starts, ALICE, BUCKET_READ, bucket("GetBucket", "old-lake-raw")));
        String ends = alice("allow group admins to read buckets in tenancy where target.bucket.name = /*-logs/");
        assertTrue(grants(ends, ALICE, BUCKET_READ, bucket("GetBucket", "migration-LOGS")));
        assertFalse(grants(ends, ALICE, BUCKET_READ, bucket("GetBucket", "logs-old")));
        String contains = alice("allow group admins to read objects in tenancy where target.object.name = /*/2024/*/");
        assertTrue(grants(contains, ALICE, OBJECT_READ, object("GetObject", "b", "t/2024/p.parquet")));
        assertFalse(grants(contains, ALICE, OBJECT_READ, object("GetObject", "b", "t/2023/p.parquet")));
    }

    @Test
    void allAndAnyCombineConditionsAndNest() {
        String p = alice("allow group admins to manage objects in tenancy where ALL {target.bucket.name = 'logs',"
                + " ANY {request.permission = 'OBJECT_CREATE', request.permission = 'OBJECT_INSPECT'}}");
        assertTrue(grants(p, ALICE, OBJECT_CREATE, object("PutObject", "logs", "o")));
        assertTrue(grants(p, ALICE, OBJECT_INSPECT, bucket("ListObjects", "logs")));
        assertFalse(grants(p, ALICE, OBJECT_DELETE, object("DeleteObject", "logs", "o")), "not a listed permission");
        assertFalse(grants(p, ALICE, OBJECT_CREATE, object("PutObject", "lake", "o")), "not the bucket");
    }

    @Test
    void requestOperationCanBeNamed() {
        String p = alice("allow group admins to read objects in tenancy where request.operation = 'GetObject'");
        assertTrue(grants(p, ALICE, OBJECT_READ, object("GetObject", "b", "o")));
        assertFalse(grants(p, ALICE, OBJECT_INSPECT, bucket("ListObjects", "b")));
    }

    @Test
    void aVariableThatDoesNotApplyDeclinesTheRequest() {
        // target.object.name does not apply to ListObjects; Oracle: such a request is declined, '=' or '!='
        String eq = alice("allow group admins to inspect objects in tenancy where target.object.name = /*/");
        String ne = alice("allow group admins to inspect objects in tenancy where target.object.name != 'x'");
        assertFalse(grants(eq, ALICE, OBJECT_INSPECT, bucket("ListObjects", "b")));
        assertFalse(grants(ne, ALICE, OBJECT_INSPECT, bucket("ListObjects", "b")));
        assertTrue(grants(ne, ALICE, OBJECT_INSPECT, object("HeadObject", "b", "y")));
    }

    // ---- what is ignored, and what is refused

    @Test
    void otherServicesStatementsAreAcceptedIgnoredAndSaidSo() {
        Policy p = Policy.parse(String.join("\n",
                "allow group admins to manage dataflow-family in compartment lake",
                "allow service dataflow to read objects in tenancy where target.bucket.name = 'dataflow-logs'",
                "allow dynamic-group runs to read secret-bundles in compartment lake",
                "allow group admins to manage dataflow-family in tenancy where ANY {request.user.id = target.user.id,"
                        + " request.permission = 'DATAFLOW_RUN_CREATE'}"));
        assertEquals(4, p.statements().size());
        assertTrue(p.statements().stream().noneMatch(Statement::enforced));
        assertEquals(4, p.notes().size(), p.notes().toString());
        assertTrue(p.notes().get(0).startsWith("policy line 1: ignored: 'dataflow-family' is not an Object Storage"),
                p.notes().get(0));
        assertTrue(p.notes().get(1).contains("line 2: ignored: it is for the service dataflow"), p.notes().get(1));
        assertFalse(p.grants(Principal.user("t", "u"), OBJECT_READ, object("GetObject", "dataflow-logs", "o")));
    }

    @Test
    void aGroupNamedButNotDefinedIsNoted() {
        Policy p = Policy.parse("allow group ghosts to read buckets in tenancy");
        assertEquals(List.of("policy line 1: group 'ghosts' is not defined in this file, so it has no members here"),
                p.notes());
    }

    @Test
    void malformedStatementsAreRefusedNamingTheLine() {
        refused("allow group a to peek objects in tenancy", 1, "'peek' is not a verb");
        refused("# a comment\n\nallow group a to read buckets in region", 3, "expected 'tenancy' or 'compartment'");
        refused("allow group a read buckets in tenancy", 1, "expected 'to', not 'read'");
        refused("allow group a to read buckets", 1, "expected 'in', but the line ends");
        refused("allow everyone to read buckets in tenancy", 1, "'everyone' is not a subject");
        refused("allow group a to read buckets in tenancy where target.bucket.name = 'x", 1, "has no closing '");
        refused("allow group a to read buckets in tenancy where target.bucket.name = x", 1, "needs single quotes");
        refused("allow group a to read buckets in tenancy where target.bucket.name 'x'", 1, "expected '=' or '!='");
        refused("allow group a to read buckets in tenancy where ALL {target.bucket.name = 'x'", 1, "expected '}'");
        refused("allow group a to read buckets in tenancy where target.bucket.tag.ns.k = 'v'", 1,
                "the variable 'target.bucket.tag.ns.k' is not one the emulator evaluates");
        refused("allow group a to manage objects in tenancy where request.permission = 'OBJECT_WRITE'", 1,
                "'OBJECT_WRITE' is not an Object Storage permission");
        refused("allow group <dataflow-runs> to read buckets in tenancy", 1, "<dataflow-runs> is a placeholder");
        refused("allow group a to read buckets in tenancy where target.bucket.name = '<target-bucket>'", 1,
                "<target-bucket> is a placeholder");
        refused("allow group a to read buckets in tenancy trailing", 1, "expected 'where', not 'trailing'");
        refused("deny group a to read buckets in tenancy", 1, "'deny' statements are not supported");
        refused("permit group a to read buckets in tenancy", 1, "expected 'allow', 'group' or 'dynamic-group'");
        refused("allow group a to {OBJECT_READ} in tenancy", 1, "permission lists");
        refused("group a " + USER, 1, "a group definition reads 'group <name> = <user ocid>, ...'");
        refused("group a = x\ngroup A = y", 2, "group 'A' is defined twice");
        refused("dynamic-group d = ALL {instance.compartment.id = 'c'}", 1,
                "the matching-rule variable 'instance.compartment.id' is not one the emulator evaluates");
    }

    private static void refused(String text, int line, String says) {
        PolicyException e = assertThrows(PolicyException.class, () -> Policy.parse(text));
        assertEquals(line, e.line());
        assertTrue(e.getMessage().startsWith("policy line " + line + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(says), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }
}
