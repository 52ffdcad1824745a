package io.lakeshift.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oracle.bmc.model.BmcException;
import com.oracle.bmc.objectstorage.ObjectStorageClient;
import com.oracle.bmc.objectstorage.model.Bucket;
import com.oracle.bmc.objectstorage.model.ChecksumAlgorithm;
import com.oracle.bmc.objectstorage.model.CopyObjectDetails;
import com.oracle.bmc.objectstorage.model.CreateBucketDetails;
import com.oracle.bmc.objectstorage.model.CreateMultipartUploadDetails;
import com.oracle.bmc.objectstorage.model.CreatePreauthenticatedRequestDetails;
import com.oracle.bmc.objectstorage.model.CreateReplicationPolicyDetails;
import com.oracle.bmc.objectstorage.model.CreateRetentionRuleDetails;
import com.oracle.bmc.objectstorage.model.PutObjectLifecyclePolicyDetails;
import com.oracle.bmc.objectstorage.model.ReencryptObjectDetails;
import com.oracle.bmc.objectstorage.model.RenameObjectDetails;
import com.oracle.bmc.objectstorage.model.StorageTier;
import com.oracle.bmc.objectstorage.model.UpdateBucketDetails;
import com.oracle.bmc.objectstorage.requests.CopyObjectRequest;
import com.oracle.bmc.objectstorage.requests.CreateBucketRequest;
import com.oracle.bmc.objectstorage.requests.CreateMultipartUploadRequest;
import com.oracle.bmc.objectstorage.requests.CreatePreauthenticatedRequestRequest;
import com.oracle.bmc.objectstorage.requests.CreateReplicationPolicyRequest;
import com.oracle.bmc.objectstorage.requests.CreateRetentionRuleRequest;
import com.oracle.bmc.objectstorage.requests.DeleteObjectRequest;
import com.oracle.bmc.objectstorage.requests.GetBucketRequest;
import com.oracle.bmc.objectstorage.requests.GetObjectLifecyclePolicyRequest;
import com.oracle.bmc.objectstorage.requests.GetObjectRequest;
import com.oracle.bmc.objectstorage.requests.HeadObjectRequest;
import com.oracle.bmc.objectstorage.requests.ListObjectVersionsRequest;
import com.oracle.bmc.objectstorage.requests.ListObjectsRequest;
import com.oracle.bmc.objectstorage.requests.ListPreauthenticatedRequestsRequest;
import com.oracle.bmc.objectstorage.requests.ListReplicationPoliciesRequest;
import com.oracle.bmc.objectstorage.requests.ListRetentionRulesRequest;
import com.oracle.bmc.objectstorage.requests.ListWorkRequestsRequest;
import com.oracle.bmc.objectstorage.requests.PutObjectLifecyclePolicyRequest;
import com.oracle.bmc.objectstorage.requests.PutObjectRequest;
import com.oracle.bmc.objectstorage.requests.ReencryptObjectRequest;
import com.oracle.bmc.objectstorage.requests.RenameObjectRequest;
import com.oracle.bmc.objectstorage.requests.UpdateBucketRequest;
import com.oracle.bmc.objectstorage.requests.UploadPartRequest;
import com.oracle.bmc.objectstorage.responses.GetObjectResponse;
import com.oracle.bmc.objectstorage.responses.HeadObjectResponse;
import com.oracle.bmc.objectstorage.responses.PutObjectResponse;
import com.oracle.bmc.objectstorage.responses.RenameObjectResponse;
import com.oracle.bmc.objectstorage.responses.UploadPartResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The emulator refuses, with OCI's status and error code, what OCI refuses, and refuses with 501 NotImplemented
 * what OCI serves and it does not, instead of ignoring it (issue 12, point 3).
 *
 * <p>Sources: the OCI Java SDK 3.77.2 (oci-java-sdk-objectstorage-generated: ObjectStorageClient's operations,
 * paths and headers, the request and model classes); OCI's API Errors reference
 * (docs.oracle.com/iaas/Content/API/References/apierrors.htm: 400 InvalidParameter, 404 NotFound "no operation
 * supported at the URI path and HTTP method", 411 LengthRequired, 412); the Object Storage API reference 20160918
 * (UploadPart's if-match / if-none-match, RenameObject's response headers, list limits 1-1000).
 */
class FailsLikeOciTest {
    static OciEmulator emu;
    static ObjectStorageClient client;
    static RawClient raw;
    static String ns;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        emu = OciEmulator.builder().start();
        client = Sdk.client(emu);
        raw = RawClient.forEmulator(emu);
        ns = emu.namespace();
        Sdk.createBucket(client, emu, "f");
    }

    @AfterAll
    static void stop() {
        client.close();
        emu.close();
    }

    static void assertOci(int status, String code, Executable call) {
        BmcException e = assertThrows(BmcException.class, call);
        assertEquals(status, e.getStatusCode(), e.getMessage());
        assertEquals(code, e.getServiceCode(), e.getMessage());
    }

    static void assertOci(int status, String code, HttpResponse<byte[]> response) throws Exception {
        assertEquals(status, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        JsonNode body = JSON.readTree(response.body());
        assertEquals(code, body.get("code").asText());
    }

    static String upload(String object) {
        return client.createMultipartUpload(CreateMultipartUploadRequest.builder().namespaceName(ns).bucketName("f")
                .createMultipartUploadDetails(CreateMultipartUploadDetails.builder().object(object).build())
                .build()).getMultipartUpload().getUploadId();
    }

    static UploadPartRequest.Builder part(String object, String uploadId, int num, byte[] body) {
        return UploadPartRequest.builder().namespaceName(ns).bucketName("f").objectName(object).uploadId(uploadId)
                .uploadPartNum(num).contentLength((long) body.length).uploadPartBody(new ByteArrayInputStream(body));
    }

    static PutObjectRequest.Builder put(String name, byte[] body) {
        return PutObjectRequest.builder().namespaceName(ns).bucketName("f").objectName(name)
                .contentLength((long) body.length).putObjectBody(new ByteArrayInputStream(body));
    }

    // ---- 411

    @Test
    void putObjectAndUploadPartWithoutContentLengthAre411() throws Exception {
        byte[] body = "chunked body".getBytes(StandardCharsets.UTF_8);
        assertOci(411, "LengthRequired", raw.http().send(raw.chunked("/n/" + ns + "/b/f/o/chunked", body, Map.of()),
                HttpResponse.BodyHandlers.ofByteArray()));
        assertOci(404, "ObjectNotFound", raw.send("GET", "/n/" + ns + "/b/f/o/chunked"));

        String id = upload("chunked-parts");
        assertOci(411, "LengthRequired", raw.http().send(raw.chunked("/n/" + ns + "/b/f/u/chunked-parts?uploadId="
                + id + "&uploadPartNum=1", body, Map.of()), HttpResponse.BodyHandlers.ofByteArray()));
        HttpResponse<byte[]> parts = raw.send("GET", "/n/" + ns + "/b/f/u/chunked-parts?uploadId=" + id);
        assertEquals("[]", new String(parts.body(), StandardCharsets.UTF_8));
    }

    // ---- routes: known but not served is 501, unknown is 404

    @Test
    void operationsOciServesAndTheEmulatorDoesNotAre501() {
        String bucket = "f";
        List<Executable> calls = List.of(
                () -> client.updateBucket(UpdateBucketRequest.builder().namespaceName(ns).bucketName(bucket)
                        .updateBucketDetails(UpdateBucketDetails.builder().build()).build()),
                () -> client.copyObject(CopyObjectRequest.builder().namespaceName(ns).bucketName(bucket)
                        .copyObjectDetails(CopyObjectDetails.builder().sourceObjectName("a").destinationRegion("r")
                                .destinationNamespace(ns).destinationBucket(bucket).destinationObjectName("b").build())
                        .build()),
                () -> client.listObjectVersions(ListObjectVersionsRequest.builder().namespaceName(ns)
                        .bucketName(bucket).build()),
                () -> client.reencryptObject(ReencryptObjectRequest.builder().namespaceName(ns).bucketName(bucket)
                        .objectName("a").reencryptObjectDetails(ReencryptObjectDetails.builder().build()).build()),
                () -> client.createPreauthenticatedRequest(CreatePreauthenticatedRequestRequest.builder()
                        .namespaceName(ns).bucketName(bucket).createPreauthenticatedRequestDetails(
                                CreatePreauthenticatedRequestDetails.builder().name("p")
                                        .accessType(CreatePreauthenticatedRequestDetails.AccessType.ObjectRead)
                                        .objectName("a").timeExpires(new java.util.Date()).build()).build()),
                () -> client.listPreauthenticatedRequests(ListPreauthenticatedRequestsRequest.builder()
                        .namespaceName(ns).bucketName(bucket).build()),
                () -> client.createRetentionRule(CreateRetentionRuleRequest.builder().namespaceName(ns)
                        .bucketName(bucket).createRetentionRuleDetails(CreateRetentionRuleDetails.builder().build())
                        .build()),
                () -> client.listRetentionRules(ListRetentionRulesRequest.builder().namespaceName(ns)
                        .bucketName(bucket).build()),
                () -> client.createReplicationPolicy(CreateReplicationPolicyRequest.builder().namespaceName(ns)
                        .bucketName(bucket).createReplicationPolicyDetails(CreateReplicationPolicyDetails.builder()
                                .name("r").destinationRegionName("r").destinationBucketName("b").build()).build()),
                () -> client.listReplicationPolicies(ListReplicationPoliciesRequest.builder().namespaceName(ns)
                        .bucketName(bucket).build()),
                () -> client.putObjectLifecyclePolicy(PutObjectLifecyclePolicyRequest.builder().namespaceName(ns)
                        .bucketName(bucket).putObjectLifecyclePolicyDetails(PutObjectLifecyclePolicyDetails.builder()
                                .items(List.of()).build()).build()),
                () -> client.getObjectLifecyclePolicy(GetObjectLifecyclePolicyRequest.builder().namespaceName(ns)
                        .bucketName(bucket).build()),
                () -> client.listWorkRequests(ListWorkRequestsRequest.builder().compartmentId(emu.tenancyId())
                        .build()));
        for (Executable call : calls) {
            assertOci(501, "NotImplemented", call);
        }
    }

    @Test
    void pathsThatAreNoOciOperationAre404NotFound() throws Exception {
        assertOci(404, "NotFound", raw.send("POST", "/n/" + ns + "/b/f/actions/frobnicate", "{}".getBytes(), Map.of()));
        assertOci(404, "NotFound", raw.send("GET", "/n/" + ns + "/b/f/nothing-here"));
        assertOci(404, "NotFound", raw.send("PATCH", "/n/" + ns + "/b/f"));
        assertOci(404, "NotFound", raw.send("GET", "/20160918/something"));
        // raw routes the SDK cannot get wrong: the same paths with the methods OCI has
        assertOci(501, "NotImplemented", raw.send("PUT", "/n/" + ns, "{}".getBytes(), Map.of()));
        assertOci(501, "NotImplemented", raw.send("DELETE", "/n/" + ns + "/b/f/retentionRules/rule1"));
        assertOci(501, "NotImplemented", raw.send("GET", "/n/" + ns + "/pe?compartmentId=" + emu.tenancyId()));
    }

    // ---- UploadPart conditions

    @Test
    void uploadPartHonoursIfNoneMatchStarAndIfMatch() {
        String id = upload("conditional-parts");
        byte[] first = "first".getBytes(StandardCharsets.UTF_8);
        UploadPartResponse one = client.uploadPart(part("conditional-parts", id, 1, first).ifNoneMatch("*").build());
        assertOci(412, "IfNoneMatchFailed",
                () -> client.uploadPart(part("conditional-parts", id, 1, "again".getBytes()).ifNoneMatch("*").build()));
        assertOci(412, "IfMatchFailed",
                () -> client.uploadPart(part("conditional-parts", id, 1, "again".getBytes()).ifMatch("other").build()));
        assertOci(412, "IfMatchFailed",
                () -> client.uploadPart(part("conditional-parts", id, 2, "new".getBytes()).ifMatch(one.getETag()).build()));
        // the part is unchanged by the refused writes, and a matching if-match replaces it
        assertEquals(one.getETag(), client.listMultipartUploadParts(
                com.oracle.bmc.objectstorage.requests.ListMultipartUploadPartsRequest.builder().namespaceName(ns)
                        .bucketName("f").objectName("conditional-parts").uploadId(id).build()).getItems().get(0).getEtag());
        UploadPartResponse replaced = client.uploadPart(part("conditional-parts", id, 1, "second".getBytes())
                .ifMatch(one.getETag()).build());
        assertNotNull(replaced.getETag());
    }

    /** PutObject, UploadPart: "if-none-match ... The only valid value is '*'" (Object Storage API reference). */
    @Test
    void writesTakeOnlyStarAsIfNoneMatch() {
        PutObjectResponse first = Sdk.put(client, emu, "f", "inm", "x".getBytes());
        assertOci(400, "InvalidParameter", () -> client.putObject(put("inm", "y".getBytes())
                .ifNoneMatch("some-other-etag").build()));
        String id = upload("inm-parts");
        assertOci(400, "InvalidParameter", () -> client.uploadPart(part("inm-parts", id, 1, "y".getBytes())
                .ifNoneMatch(first.getETag()).build()));
    }

    // ---- RenameObject response headers

    @Test
    void renameObjectAnswersEtagLastModifiedAndVersionId() {
        Sdk.put(client, emu, "f", "rename-src", "x".getBytes());
        RenameObjectResponse r = client.renameObject(RenameObjectRequest.builder().namespaceName(ns).bucketName("f")
                .renameObjectDetails(RenameObjectDetails.builder().sourceName("rename-src").newName("rename-dst")
                        .build()).build());
        HeadObjectResponse head = client.headObject(HeadObjectRequest.builder().namespaceName(ns).bucketName("f")
                .objectName("rename-dst").build());
        assertNotNull(r.getETag());
        assertEquals(head.getETag(), r.getETag());
        assertEquals(head.getLastModified(), r.getLastModified());
        assertNotNull(r.getVersionId());
        assertEquals(head.getVersionId(), r.getVersionId());
    }

    // ---- options OCI serves and the emulator does not

    @Test
    void additionalChecksumsAreRefused() {
        byte[] body = "sum".getBytes(StandardCharsets.UTF_8);
        assertOci(501, "NotImplemented", () -> client.putObject(put("sum", body)
                .opcChecksumAlgorithm(ChecksumAlgorithm.Crc32C).build()));
        assertOci(501, "NotImplemented", () -> client.putObject(put("sum", body).opcContentSha256("x").build()));
        assertOci(404, "ObjectNotFound", () -> Sdk.get(client, emu, "f", "sum"));
        assertOci(501, "NotImplemented", () -> client.createMultipartUpload(CreateMultipartUploadRequest.builder()
                .namespaceName(ns).bucketName("f").opcChecksumAlgorithm(ChecksumAlgorithm.Sha256)
                .createMultipartUploadDetails(CreateMultipartUploadDetails.builder().object("sum-mp").build()).build()));
        String id = upload("sum-mp");
        assertOci(501, "NotImplemented", () -> client.uploadPart(part("sum-mp", id, 1, body)
                .opcContentCrc32c("AAAAAA==").build()));
    }

    static CreateBucketDetails.Builder bucket(String name) {
        return CreateBucketDetails.builder().name(name).compartmentId(emu.tenancyId());
    }

    static void createBucket(CreateBucketDetails details) {
        client.createBucket(CreateBucketRequest.builder().namespaceName(ns).createBucketDetails(details).build());
    }

    @Test
    void bucketFeaturesTheEmulatorLacksAreRefused() {
        assertOci(501, "NotImplemented", () -> createBucket(bucket("kms").kmsKeyId("ocid1.key.oc1..aaaa").build()));
        assertOci(501, "NotImplemented", () -> createBucket(bucket("ver")
                .versioning(CreateBucketDetails.Versioning.Enabled).build()));
        assertOci(501, "NotImplemented", () -> createBucket(bucket("tier")
                .autoTiering(Bucket.AutoTiering.InfrequentAccess).build()));
        assertOci(501, "NotImplemented", () -> createBucket(bucket("events").objectEventsEnabled(true).build()));
        assertOci(501, "NotImplemented", () -> createBucket(bucket("public")
                .publicAccessType(CreateBucketDetails.PublicAccessType.ObjectRead).build()));
        assertOci(501, "NotImplemented", () -> createBucket(bucket("tags").freeformTags(Map.of("k", "v")).build()));
        for (String name : List.of("kms", "ver", "tier", "events", "public", "tags")) {
            assertOci(404, "BucketNotFound", () -> client.getBucket(GetBucketRequest.builder().namespaceName(ns)
                    .bucketName(name).build()));
        }
        // the served values of the same options are accepted
        createBucket(bucket("served").versioning(CreateBucketDetails.Versioning.Disabled)
                .autoTiering(Bucket.AutoTiering.Disabled).objectEventsEnabled(false)
                .publicAccessType(CreateBucketDetails.PublicAccessType.NoPublicAccess).build());
    }

    @Test
    void unknownBodyFieldsAndBadValuesAre400() throws Exception {
        assertOci(400, "InvalidParameter", raw.send("POST", "/n/" + ns + "/b/", ("{\"name\":\"typo\",\"compartmentId\":\""
                + emu.tenancyId() + "\",\"versionning\":\"Enabled\"}").getBytes(), Map.of()));
        assertOci(400, "InvalidParameter", raw.send("POST", "/n/" + ns + "/b/", ("{\"name\":\"typo\",\"compartmentId\":\""
                + emu.tenancyId() + "\",\"versioning\":\"Sometimes\"}").getBytes(), Map.of()));
        assertOci(400, "InvalidParameter", raw.send("POST", "/n/" + ns + "/b/f/u",
                "{\"object\":\"o\",\"kmsKeyId\":\"k\"}".getBytes(), Map.of()));
        assertOci(400, "InvalidParameter", raw.send("POST", "/n/" + ns + "/b/f/actions/renameObject",
                "{\"sourceName\":\"a\",\"newName\":\"b\",\"overwrite\":true}".getBytes(), Map.of()));
        String id = upload("typo-commit");
        assertOci(400, "InvalidParameter", raw.send("POST", "/n/" + ns + "/b/f/u/typo-commit?uploadId=" + id,
                "{\"partsToCommit\":[{\"partNum\":1,\"etag\":\"e\",\"md5\":\"m\"}]}".getBytes(), Map.of()));
    }

    // ---- query parameters: implemented or refused, never ignored

    @Test
    void listLimitsOutsideOneToThousandAndUnknownFieldsAre400() {
        assertOci(400, "InvalidParameter", () -> client.listObjects(ListObjectsRequest.builder().namespaceName(ns)
                .bucketName("f").limit(1001).build()));
        assertOci(400, "InvalidParameter", () -> client.listObjects(ListObjectsRequest.builder().namespaceName(ns)
                .bucketName("f").fields("name,sizes").build()));
        assertOci(400, "InvalidParameter", () -> client.listBuckets(
                com.oracle.bmc.objectstorage.requests.ListBucketsRequest.builder().namespaceName(ns)
                        .compartmentId(emu.tenancyId()).limit(5000).build()));
    }

    @Test
    void getBucketApproximateCountAndSize() {
        createBucket(bucket("counted").build());
        Sdk.put(client, emu, "counted", "a", new byte[3]);
        Sdk.put(client, emu, "counted", "b", new byte[4]);
        Bucket b = client.getBucket(GetBucketRequest.builder().namespaceName(ns).bucketName("counted")
                .fields(List.of(GetBucketRequest.Fields.ApproximateCount, GetBucketRequest.Fields.ApproximateSize))
                .build()).getBucket();
        assertEquals(2L, b.getApproximateCount());
        assertEquals(7L, b.getApproximateSize());
    }

    @Test
    void getObjectResponseOverridesAndVersionIds() throws Exception {
        PutObjectResponse put = client.putObject(put("versioned", "v1".getBytes()).contentType("text/plain").build());
        assertNotNull(put.getVersionId());
        GetObjectResponse r = client.getObject(GetObjectRequest.builder().namespaceName(ns).bucketName("f")
                .objectName("versioned").versionId(put.getVersionId()).httpResponseContentType("application/json")
                .httpResponseCacheControl("no-store").httpResponseContentDisposition("attachment").build());
        r.getInputStream().close();
        assertEquals("application/json", r.getContentType());
        assertEquals("no-store", r.getCacheControl());
        assertEquals("attachment", r.getContentDisposition());
        assertEquals(put.getVersionId(), r.getVersionId());

        assertOci(404, "ObjectNotFound", () -> client.getObject(GetObjectRequest.builder().namespaceName(ns)
                .bucketName("f").objectName("versioned").versionId("not-a-version").build()));
        assertOci(404, "ObjectNotFound", () -> client.deleteObject(DeleteObjectRequest.builder().namespaceName(ns)
                .bucketName("f").objectName("versioned").versionId("not-a-version").build()));
        client.deleteObject(DeleteObjectRequest.builder().namespaceName(ns).bucketName("f").objectName("versioned")
                .versionId(put.getVersionId()).build());
        assertOci(404, "ObjectNotFound", () -> Sdk.get(client, emu, "f", "versioned"));
    }
}
