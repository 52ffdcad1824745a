package io.lakeshift.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.lakeshift.emulator.OciException;
import io.lakeshift.emulator.storage.ContentHeaders;
import io.lakeshift.emulator.storage.Encryption;
import io.lakeshift.emulator.storage.ObjectRecord;
import io.lakeshift.emulator.storage.ObjectWrite;
import io.lakeshift.emulator.storage.PartRecord;
import io.lakeshift.emulator.storage.Precondition;
import io.lakeshift.emulator.storage.StagedBody;
import io.lakeshift.emulator.storage.Storage;
import io.lakeshift.emulator.storage.UploadRecord;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Multipart upload operations. */
final class MultipartApi {
    static final int MAX_PART = 10_000;
    /** The fields of CreateMultipartUploadDetails, CommitMultipartUploadDetails and its parts (OCI Java SDK 3.77.2). */
    static final Set<String> CREATE_FIELDS = Set.of("object", "contentType", "contentLanguage", "contentEncoding",
            "contentDisposition", "cacheControl", "storageTier", "metadata");
    static final Set<String> COMMIT_FIELDS = Set.of("partsToCommit", "partsToExclude");
    static final Set<String> COMMIT_PART_FIELDS = Set.of("partNum", "etag");

    private final Storage storage;
    private final ObjectApi objects;

    MultipartApi(Storage storage, ObjectApi objects) {
        this.storage = storage;
        this.objects = objects;
    }

    void create(Call call, String bucket) throws IOException {
        Refusals.uploadHeaders(call);
        Encryption encryption = Sse.forWrite(call);
        JsonNode body = call.jsonBody();
        Refusals.knownFields(body, CREATE_FIELDS, "CreateMultipartUploadDetails");
        String object = BucketApi.text(body, "object");
        if (object == null) {
            throw OciException.missingParameter("object");
        }
        ObjectApi.checkName(object);
        storage.bucket(bucket).orElseThrow(() -> OciException.bucketNotFound(bucket));
        ObjectApi.writePrecondition(call)
                .check(storage.object(bucket, object).orElse(null));
        Map<String, String> metadata = UserMetadata.fromJson(body.get("metadata"));
        ContentHeaders content = new ContentHeaders(BucketApi.text(body, "contentType"),
                BucketApi.text(body, "contentEncoding"), BucketApi.text(body, "contentLanguage"),
                BucketApi.text(body, "contentDisposition"), BucketApi.text(body, "cacheControl"));
        UploadRecord upload = storage.createUpload(bucket, new ObjectWrite(object,
                ObjectApi.storageTier(BucketApi.text(body, "storageTier")), content, metadata, encryption));
        call.set("Location", "/n/" + upload.namespace() + "/b/" + bucket + "/u/" + object + "?uploadId=" + upload.uploadId());
        call.sendJson(200, uploadJson(upload));
    }

    void uploadPart(Call call, String bucket, String object) throws IOException {
        String uploadId = call.requiredParam("uploadId");
        int partNum = call.intParam("uploadPartNum", -1);
        if (call.param("uploadPartNum") == null) {
            throw OciException.missingParameter("uploadPartNum");
        }
        if (partNum < 1 || partNum > MAX_PART) {
            throw OciException.invalidParameter("uploadPartNum must be between 1 and " + MAX_PART + ", not " + partNum);
        }
        ObjectApi.requireLength(call);
        Refusals.bodyHeaders(call);
        String customerKey = Sse.customerKey(call);
        String kmsKeyId = Sse.kmsKeyId(call);
        // UploadPart's if-match / if-none-match apply to the part already uploaded with this number (OCI API
        // reference, UploadPart; the SDK's UploadManager sends if-none-match: * so that a retried part cannot
        // replace one that already arrived).
        Precondition precondition = ObjectApi.writePrecondition(call);
        UploadRecord upload = storage.upload(bucket, object, uploadId); // 404 before reading the body
        // the parts of an SSE-C upload carry its key, as reads of the object do
        Sse.checkKey(upload.encryption(), customerKey, "upload");
        Sse.checkKms(upload.encryption(), kmsKeyId);
        if (precondition.ifMatch() != null || precondition.ifNoneMatch() != null) {
            String existing = null;
            for (PartRecord p : storage.parts(bucket, object, uploadId)) {
                if (p.partNumber() == partNum) {
                    existing = p.etag();
                }
            }
            precondition.checkEtag(existing); // fail fast; checked again atomically when the part is stored
        }
        byte[] expectedMd5 = ObjectApi.contentMd5(call);
        StagedBody body = objects.receive(call, expectedMd5);
        PartRecord part = storage.putPart(bucket, object, uploadId, partNum, body, precondition);
        call.set("etag", part.etag()).set("opc-content-md5", part.md5());
        call.sendEmpty(200);
    }

    void listParts(Call call, String bucket, String object) throws IOException {
        String uploadId = call.requiredParam("uploadId");
        int limit = BucketApi.limit(call);
        int page = call.intParam("page", 1);
        List<Map<String, Object>> out = new ArrayList<>();
        String next = null;
        for (PartRecord p : storage.parts(bucket, object, uploadId)) {
            if (p.partNumber() < page) {
                continue;
            }
            if (out.size() == limit) {
                next = Integer.toString(p.partNumber());
                break;
            }
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("etag", p.etag());
            summary.put("md5", p.md5());
            summary.put("size", p.size());
            summary.put("partNumber", p.partNumber());
            out.add(summary);
        }
        call.set("opc-next-page", next);
        call.sendJson(200, out);
    }

    void commit(Call call, String bucket, String object) throws IOException {
        String uploadId = call.requiredParam("uploadId");
        JsonNode body = call.jsonBody();
        Refusals.knownFields(body, COMMIT_FIELDS, "CommitMultipartUploadDetails");
        List<Storage.PartRef> commit = new ArrayList<>();
        for (JsonNode p : body.path("partsToCommit")) {
            Refusals.knownFields(p, COMMIT_PART_FIELDS, "CommitMultipartUploadPartDetails");
            if (!p.path("partNum").canConvertToInt() || p.path("etag").isMissingNode()) {
                throw OciException.invalidParameter("Each part to commit needs partNum and etag");
            }
            commit.add(new Storage.PartRef(p.get("partNum").asInt(), p.get("etag").asText()));
        }
        List<Integer> exclude = new ArrayList<>();
        for (JsonNode p : body.path("partsToExclude")) {
            exclude.add(p.asInt());
        }
        ObjectRecord o = storage.commitUpload(bucket, object, uploadId, commit, exclude,
                ObjectApi.writePrecondition(call));
        call.set("etag", o.etag()).set("opc-multipart-md5", o.multipartMd5())
                .set("last-modified", HttpDates.header(o.timeModified())).set("version-id", ObjectApi.versionId(o));
        call.sendEmpty(200);
    }

    void abort(Call call, String bucket, String object) throws IOException {
        storage.abortUpload(bucket, object, call.requiredParam("uploadId"));
        call.sendEmpty(204);
    }

    void listUploads(Call call, String bucket) throws IOException {
        int limit = BucketApi.limit(call);
        String page = call.param("page");
        List<UploadRecord> uploads = storage.uploads(bucket);
        int from = 0;
        if (page != null) {
            from = -1;
            for (int i = 0; i < uploads.size(); i++) {
                if (uploads.get(i).uploadId().equals(page)) {
                    from = i;
                    break;
                }
            }
            if (from < 0) {
                throw OciException.invalidParameter("Unknown page token '" + page + "'");
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        int to = Math.min(uploads.size(), from + limit);
        for (int i = from; i < to; i++) {
            out.add(uploadJson(uploads.get(i)));
        }
        call.set("opc-next-page", to < uploads.size() ? uploads.get(to).uploadId() : null);
        call.sendJson(200, out);
    }

    private static Map<String, Object> uploadJson(UploadRecord u) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("namespace", u.namespace());
        out.put("bucket", u.bucket());
        out.put("object", u.object());
        out.put("uploadId", u.uploadId());
        out.put("timeCreated", HttpDates.json(u.timeCreated()));
        out.put("storageTier", u.storageTier());
        return out;
    }
}
