package io.lakeshift.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.lakeshift.emulator.OciException;
import io.lakeshift.emulator.storage.BucketRecord;
import io.lakeshift.emulator.storage.ListQuery;
import io.lakeshift.emulator.storage.ObjectListing;
import io.lakeshift.emulator.storage.ObjectRecord;
import io.lakeshift.emulator.storage.Storage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/** Namespace and bucket operations. */
final class BucketApi {
    private static final Pattern BUCKET_NAME = Pattern.compile("[A-Za-z0-9._-]{1,256}");
    private static final int MAX_LIMIT = 1000;
    /** CreateBucketDetails' fields (OCI Java SDK 3.77.2, com.oracle.bmc.objectstorage.model.CreateBucketDetails). */
    static final Set<String> CREATE_FIELDS = Set.of("name", "compartmentId", "metadata", "publicAccessType",
            "storageTier", "objectEventsEnabled", "freeformTags", "definedTags", "kmsKeyId", "versioning",
            "autoTiering");
    /** GetBucket's {@code fields} values (GetBucketRequest.Fields) and ListBuckets' (ListBucketsRequest.Fields). */
    static final Set<String> GET_FIELDS = Set.of("approximateCount", "approximateSize", "autoTiering");
    static final Set<String> LIST_FIELDS = Set.of("tags");

    private final Storage storage;
    private final String namespace;
    private final String tenancy;

    BucketApi(Storage storage, String namespace, String tenancy) {
        this.storage = storage;
        this.namespace = namespace;
        this.tenancy = tenancy;
    }

    void namespaceMetadata(Call call) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("namespace", namespace);
        body.put("defaultS3CompartmentId", tenancy);
        body.put("defaultSwiftCompartmentId", tenancy);
        call.sendJson(200, body);
    }

    void create(Call call) throws IOException {
        JsonNode body = call.jsonBody();
        Refusals.knownFields(body, CREATE_FIELDS, "CreateBucketDetails");
        refuseUnserved(body);
        String name = text(body, "name");
        String compartmentId = text(body, "compartmentId");
        if (name == null) {
            throw OciException.missingParameter("name");
        }
        if (compartmentId == null) {
            throw OciException.missingParameter("compartmentId");
        }
        if (!BUCKET_NAME.matcher(name).matches()) {
            throw OciException.invalidParameter("Bucket name '" + name
                    + "' must be 1-256 letters, numbers, dashes, underscores and periods");
        }
        String tier = text(body, "storageTier");
        if (tier != null && !tier.equals("Standard") && !tier.equals("Archive")) {
            throw OciException.invalidParameter("storageTier must be Standard or Archive");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        if (body.path("metadata").isObject()) {
            body.get("metadata").fields().forEachRemaining(e -> metadata.put(e.getKey(), e.getValue().asText()));
        }
        String access = text(body, "publicAccessType");
        // createdBy: "The OCID of the user who created the bucket", required in Bucket and BucketSummary (Oracle's
        // API models, e.g. https://docs.oracle.com/en-us/iaas/tools/dotnet/latest/api/Oci.ObjectstorageService.Models.BucketSummary.html,
        // read 2026-12-01). The verified principal's OCID: the user of an API key, the resource (a Data Flow run's
        // res_id) of a session token, whose keyId ("ST$<token>") names no user.
        BucketRecord bucket = storage.createBucket(new BucketRecord(name, namespace, compartmentId,
                call.auth == null ? null : call.auth.principal().id(), System.currentTimeMillis(),
                UUID.randomUUID().toString(), tier == null ? "Standard" : tier,
                access == null ? "NoPublicAccess" : access, metadata));
        call.set("etag", bucket.etag()).set("Location", "/n/" + namespace + "/b/" + bucket.name());
        call.sendJson(200, bucketJson(bucket));
    }

    /**
     * CreateBucket options OCI serves and the emulator does not are refused (501); values outside OCI's enums are
     * 400. Enum values from the OCI Java SDK 3.77.2 model (CreateBucketDetails.PublicAccessType, .Versioning,
     * Bucket.AutoTiering).
     */
    private static void refuseUnserved(JsonNode body) {
        String access = text(body, "publicAccessType");
        if (access != null) {
            if (access.equals("ObjectRead") || access.equals("ObjectReadWithoutList")) {
                throw OciException.notImplemented("The OCI emulator does not implement public buckets (publicAccessType "
                        + access + "): every request must be signed");
            }
            if (!access.equals("NoPublicAccess")) {
                throw OciException.invalidParameter("Unknown publicAccessType '" + access + "'");
            }
        }
        enumOption(body, "versioning", "Disabled", "Enabled", "object versioning");
        enumOption(body, "autoTiering", "Disabled", "InfrequentAccess", "auto-tiering");
        JsonNode events = body.get("objectEventsEnabled");
        if (events != null && !events.isNull()) {
            if (!events.isBoolean()) {
                throw OciException.invalidParameter("objectEventsEnabled must be a boolean");
            }
            if (events.asBoolean()) {
                throw OciException.notImplemented("The OCI emulator does not implement object events (objectEventsEnabled)");
            }
        }
        if (text(body, "kmsKeyId") != null) {
            throw OciException.notImplemented("The OCI emulator does not implement Vault master encryption keys (kmsKeyId)");
        }
        for (String tags : List.of("freeformTags", "definedTags")) {
            JsonNode value = body.get(tags);
            if (value != null && !value.isNull() && (!value.isObject() || value.size() > 0)) {
                throw OciException.notImplemented("The OCI emulator does not implement bucket tags (" + tags + ")");
            }
        }
    }

    private static void enumOption(JsonNode body, String field, String served, String unserved, String what) {
        String value = text(body, field);
        if (value == null || value.equals(served)) {
            return;
        }
        if (value.equals(unserved)) {
            throw OciException.notImplemented("The OCI emulator does not implement " + what + " (" + field + " "
                    + value + ")");
        }
        throw OciException.invalidParameter("Unknown " + field + " '" + value + "'; allowed: " + served + ", " + unserved);
    }

    void get(Call call, String name) throws IOException {
        Set<String> fields = fieldsParam(call, GET_FIELDS);
        BucketRecord bucket = find(name);
        if (notModified(call, bucket)) {
            return;
        }
        Map<String, Object> out = bucketJson(bucket);
        if (fields.contains("approximateCount") || fields.contains("approximateSize")) {
            long count = 0;
            long size = 0;
            String start = null;
            while (true) {
                ObjectListing page = storage.list(name, new ListQuery(null, start, null, null, null, MAX_LIMIT));
                for (ObjectRecord o : page.objects()) {
                    count++;
                    size += o.size();
                }
                if (page.nextStartWith() == null) {
                    break;
                }
                start = page.nextStartWith();
            }
            if (fields.contains("approximateCount")) {
                out.put("approximateCount", count);
            }
            if (fields.contains("approximateSize")) {
                out.put("approximateSize", size);
            }
        }
        call.sendJson(200, out);
    }

    /**
     * Sets the bucket's ETag on the answer and applies the request's conditions on it: a failed If-Match is a 412;
     * a matching If-None-Match is answered 304 here, and true is returned (nothing more to send).
     */
    private static boolean notModified(Call call, BucketRecord bucket) throws IOException {
        call.set("etag", bucket.etag());
        String ifMatch = call.header("if-match");
        if (ifMatch != null && !ifMatch.equals("*") && !ifMatch.equals(bucket.etag())) {
            throw OciException.ifMatchFailed(ifMatch);
        }
        String ifNoneMatch = call.header("if-none-match");
        if (ifNoneMatch != null && (ifNoneMatch.equals("*") || ifNoneMatch.equals(bucket.etag()))) {
            call.sendEmpty(304);
            return true;
        }
        return false;
    }

    /** A comma-separated {@code fields} parameter whose values must all be in {@code allowed}. */
    private static Set<String> fieldsParam(Call call, Set<String> allowed) {
        Set<String> out = new HashSet<>();
        String param = call.param("fields");
        if (param == null) {
            return out;
        }
        for (String f : param.split(",")) {
            String field = f.trim();
            if (!allowed.contains(field)) {
                throw OciException.invalidParameter("Unknown field '" + field + "' in fields; allowed: " + allowed);
            }
            out.add(field);
        }
        return out;
    }

    void head(Call call, String name) throws IOException {
        BucketRecord bucket = find(name);
        if (notModified(call, bucket)) {
            return;
        }
        call.sendEmpty(200);
    }

    void delete(Call call, String name) throws IOException {
        storage.deleteBucket(name, call.header("if-match"));
        call.sendEmpty(204);
    }

    void list(Call call) throws IOException {
        String compartmentId = call.requiredParam("compartmentId");
        boolean tags = fieldsParam(call, LIST_FIELDS).contains("tags");
        int limit = limit(call);
        String page = call.param("page");
        List<Map<String, Object>> out = new ArrayList<>();
        String next = null;
        for (BucketRecord b : storage.buckets()) {
            if (!compartmentId.equals(b.compartmentId()) || (page != null && b.name().compareTo(page) < 0)) {
                continue;
            }
            if (out.size() == limit) {
                next = b.name();
                break;
            }
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("namespace", b.namespace());
            summary.put("name", b.name());
            summary.put("compartmentId", b.compartmentId());
            summary.put("createdBy", b.createdBy());
            summary.put("timeCreated", HttpDates.json(b.timeCreated()));
            summary.put("etag", b.etag());
            if (tags) {
                // CreateBucket refuses tags, so every bucket's are empty.
                summary.put("freeformTags", Map.of());
                summary.put("definedTags", Map.of());
            }
            out.add(summary);
        }
        call.set("opc-next-page", next);
        call.sendJson(200, out);
    }

    /** {@code limit}: 1 to 1000 (OCI API reference: ListObjects, ListBuckets, ListMultipartUploads[Parts]). */
    static int limit(Call call) {
        int limit = call.intParam("limit", MAX_LIMIT);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw OciException.invalidParameter("limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
        }
        return limit;
    }

    private BucketRecord find(String name) {
        return storage.bucket(name).orElseThrow(() -> OciException.bucketNotFound(name));
    }

    private static Map<String, Object> bucketJson(BucketRecord b) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("namespace", b.namespace());
        out.put("name", b.name());
        out.put("compartmentId", b.compartmentId());
        out.put("metadata", b.metadata());
        out.put("createdBy", b.createdBy());
        out.put("timeCreated", HttpDates.json(b.timeCreated()));
        out.put("etag", b.etag());
        out.put("publicAccessType", b.publicAccessType());
        out.put("storageTier", b.storageTier());
        out.put("objectEventsEnabled", false);
        out.put("versioning", "Disabled");
        out.put("replicationEnabled", false);
        out.put("isReadOnly", false);
        out.put("autoTiering", "Disabled");
        out.put("id", "ocid1.bucket.oc1..aaaaaaaa" + UUID.nameUUIDFromBytes(b.name().getBytes()).toString().replace("-", ""));
        return out;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
