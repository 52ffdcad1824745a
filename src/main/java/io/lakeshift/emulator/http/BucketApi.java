package io.lakeshift.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.lakeshift.emulator.OciException;
import io.lakeshift.emulator.storage.BucketRecord;
import io.lakeshift.emulator.storage.Storage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/** Namespace and bucket operations. */
final class BucketApi {
    private static final Pattern BUCKET_NAME = Pattern.compile("[A-Za-z0-9._-]{1,256}");
    private static final int MAX_LIMIT = 1000;

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
        BucketRecord bucket = storage.createBucket(new BucketRecord(name, namespace, compartmentId,
                call.auth == null ? null : userOf(call.auth.keyId()), System.currentTimeMillis(),
                UUID.randomUUID().toString(), tier == null ? "Standard" : tier,
                access == null ? "NoPublicAccess" : access, metadata));
        call.set("etag", bucket.etag()).set("Location", "/n/" + namespace + "/b/" + bucket.name());
        call.sendJson(200, bucketJson(bucket));
    }

    void get(Call call, String name) throws IOException {
        BucketRecord bucket = find(name);
        call.set("etag", bucket.etag());
        String ifNoneMatch = call.header("if-none-match");
        if (ifNoneMatch != null && (ifNoneMatch.equals("*") || ifNoneMatch.equals(bucket.etag()))) {
            call.sendEmpty(304);
            return;
        }
        call.sendJson(200, bucketJson(bucket));
    }

    void head(Call call, String name) throws IOException {
        BucketRecord bucket = find(name);
        call.set("etag", bucket.etag());
        call.sendEmpty(200);
    }

    void delete(Call call, String name) throws IOException {
        storage.deleteBucket(name, call.header("if-match"));
        call.sendEmpty(204);
    }

    void list(Call call) throws IOException {
        String compartmentId = call.requiredParam("compartmentId");
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
            out.add(summary);
        }
        call.set("opc-next-page", next);
        call.sendJson(200, out);
    }

    static int limit(Call call) {
        int limit = call.intParam("limit", MAX_LIMIT);
        if (limit < 1) {
            throw OciException.invalidParameter("limit must be at least 1");
        }
        return Math.min(limit, MAX_LIMIT);
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

    private static String userOf(String keyId) {
        String[] parts = keyId.split("/");
        return parts.length == 3 ? parts[1] : null;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
