package io.lakeshift.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.lakeshift.emulator.OciException;
import io.lakeshift.emulator.storage.Blob;
import io.lakeshift.emulator.storage.ContentHeaders;
import io.lakeshift.emulator.storage.Encryption;
import io.lakeshift.emulator.storage.ListQuery;
import io.lakeshift.emulator.storage.ObjectListing;
import io.lakeshift.emulator.storage.ObjectRecord;
import io.lakeshift.emulator.storage.ObjectWrite;
import io.lakeshift.emulator.storage.Precondition;
import io.lakeshift.emulator.storage.StagedBody;
import io.lakeshift.emulator.storage.Storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Object operations: put, get, head, delete, list, rename. */
final class ObjectApi {
    static final Set<String> TIERS = Set.of("Standard", "InfrequentAccess", "Archive");
    private static final String META = "opc-meta-";
    private static final int MAX_NAME_BYTES = 1024;
    /** RenameObjectDetails' fields (OCI Java SDK 3.77.2). */
    static final Set<String> RENAME_FIELDS = Set.of("sourceName", "newName", "srcObjIfMatchETag", "newObjIfMatchETag",
            "newObjIfNoneMatchETag");
    /**
     * ListObjects' {@code fields} values (OCI API reference, ListObjects). archivalState is reported for Archive
     * objects only (ObjectSummary.archivalState: set only for objects in the Archive tier).
     */
    static final Set<String> LIST_FIELDS = Set.of("name", "size", "etag", "timecreated", "md5", "timemodified",
            "storagetier", "archivalstate");

    private final Storage storage;

    ObjectApi(Storage storage) {
        this.storage = storage;
    }

    void put(Call call, String bucket, String name) throws IOException {
        checkName(name);
        requireLength(call);
        Refusals.bodyHeaders(call);
        Precondition precondition = ObjectApi.writePrecondition(call);
        // Fail fast before reading the body; checked again atomically when the object is replaced.
        storage.bucket(bucket).orElseThrow(() -> OciException.bucketNotFound(bucket));
        precondition.check(storage.object(bucket, name).orElse(null));
        byte[] expectedMd5 = contentMd5(call);
        ObjectWrite write = new ObjectWrite(name, storageTier(call.header("storage-tier")), contentHeaders(call),
                UserMetadata.fromHeaders(call), Sse.forWrite(call));
        StagedBody body = receive(call, expectedMd5);
        ObjectRecord stored = storage.putObject(bucket, write, body, precondition);
        call.set("etag", stored.etag()).set("opc-content-md5", stored.md5())
                .set("last-modified", HttpDates.header(stored.timeModified()))
                .set("version-id", versionId(stored));
        call.sendEmpty(200);
    }

    /**
     * PutObject and UploadPart need a Content-Length: OCI answers a body without one (chunked) with 411
     * LengthRequired (OCI API Errors reference).
     */
    static void requireLength(Call call) {
        if (call.contentLength() < 0) {
            throw OciException.lengthRequired();
        }
    }

    /**
     * The object's version id. OCI gives every object version an id, versioning enabled or not; the emulator keeps
     * one version per name, so its id is derived from the ETag, which is new on every write.
     */
    static String versionId(ObjectRecord o) {
        return UUID.nameUUIDFromBytes(("version/" + o.etag()).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * The if-match / if-none-match of a write (PutObject, CreateMultipartUpload, UploadPart, CommitMultipartUpload):
     * for if-none-match "the only valid value is '*'" (OCI API reference of those operations); any other is 400.
     */
    static Precondition writePrecondition(Call call) {
        String ifNoneMatch = call.header("if-none-match");
        if (ifNoneMatch != null && !ifNoneMatch.trim().equals("*")) {
            throw OciException.invalidParameter("The only valid value of if-none-match is '*', not '" + ifNoneMatch + "'");
        }
        return new Precondition(call.header("if-match"), ifNoneMatch);
    }

    /** A {@code versionId} query parameter names the current version or none: earlier versions are not kept. */
    private static void checkVersion(Call call, String bucket, ObjectRecord o) {
        String wanted = call.param("versionId");
        if (wanted != null && !wanted.equals(versionId(o))) {
            throw new OciException(404, "ObjectNotFound", "The version '" + wanted + "' of the object '" + o.name()
                    + "' was not found in the bucket '" + bucket + "'");
        }
    }

    /** Reads the body into a staged blob and checks it against Content-MD5 and a signed x-content-sha256. */
    StagedBody receive(Call call, byte[] expectedMd5) throws IOException {
        boolean sha = call.auth != null && call.auth.bodySigned();
        StagedBody body;
        try (InputStream in = call.body()) {
            body = storage.stage(in, call.contentLength(), sha);
        }
        try {
            if (expectedMd5 != null && !Arrays.equals(expectedMd5, body.md5())) {
                throw OciException.badRequest("UnmatchedContentMD5", "The computed MD5 of the request body ("
                        + Base64.getEncoder().encodeToString(body.md5()) + ") does not match the Content-MD5 header ("
                        + call.header("content-md5") + ")");
            }
            if (sha) {
                call.checkSha256(body.sha256());
            }
        } catch (OciException e) {
            storage.discard(body);
            throw e;
        }
        return body;
    }

    void get(Call call, String bucket, String name) throws IOException {
        String customerKey = Sse.customerKey(call);
        Map<String, String> overrides = responseOverrides(call);
        Storage.OpenedObject opened = storage.open(bucket, name);
        try (Blob blob = opened.blob()) {
            ObjectRecord o = opened.record();
            checkVersion(call, bucket, o);
            Sse.checkKey(o.encryption(), customerKey, "object");
            long now = System.currentTimeMillis();
            if (!call.method.equals("HEAD")) {
                ArchiveApi.checkReadable(o, now);
            }
            setObjectHeaders(call, o, now);
            overrides.forEach(call::set);
            String ifMatch = call.header("if-match");
            if (ifMatch != null && !etagMatches(ifMatch, o.etag())) {
                throw OciException.ifMatchFailed(ifMatch);
            }
            String ifNoneMatch = call.header("if-none-match");
            if (ifNoneMatch != null && etagMatches(ifNoneMatch, o.etag())) {
                call.sendEmpty(304);
                return;
            }
            long[] range;
            try {
                range = ByteRange.parse(call.header("range"), o.size());
            } catch (OciException e) {
                call.set("Content-Range", "bytes */" + o.size());
                throw e;
            }
            if (range == null && o.md5() != null) {
                call.set("Content-MD5", o.md5());
            }
            call.sendObject(blob, o.size(), range);
        }
    }

    private static void setObjectHeaders(Call call, ObjectRecord o, long now) {
        ContentHeaders c = o.content() == null ? ContentHeaders.NONE : o.content();
        call.set("etag", o.etag())
                .set("last-modified", HttpDates.header(o.timeModified()))
                .set("Accept-Ranges", "bytes")
                .set("Content-Type", c.contentType() == null ? "application/octet-stream" : c.contentType())
                .set("Content-Encoding", c.contentEncoding())
                .set("Content-Language", c.contentLanguage())
                .set("Content-Disposition", c.contentDisposition())
                .set("Cache-Control", c.cacheControl())
                .set("storage-tier", o.storageTier())
                .set("archival-state", o.archivalState(now))
                .set("time-of-archival", "Restored".equals(o.archivalState(now))
                        ? HttpDates.json(o.restore().until()) : null)
                // not in OCI's HeadObject/GetObject response models (SDK 3.77.2): sent so that tests can see the
                // key an object was written with (docs/emulator.md, differences)
                .set(Sse.KMS_KEY_ID, Encryption.of(o.encryption()).kmsKeyId())
                .set("opc-content-md5", o.md5())
                .set("opc-multipart-md5", o.multipartMd5())
                .set("version-id", versionId(o));
        if (o.metadata() != null) {
            o.metadata().forEach((k, v) -> call.set(META + k, v));
        }
    }

    /**
     * GetObject's httpResponse* query parameters (OCI Java SDK 3.77.2 GetObjectRequest) override the response's
     * headers; httpResponseExpires sets Expires.
     */
    private static Map<String, String> responseOverrides(Call call) {
        Map<String, String> out = new LinkedHashMap<>();
        String[][] names = {{"httpResponseContentDisposition", "Content-Disposition"},
                {"httpResponseCacheControl", "Cache-Control"}, {"httpResponseContentType", "Content-Type"},
                {"httpResponseContentLanguage", "Content-Language"}, {"httpResponseContentEncoding", "Content-Encoding"}};
        for (String[] n : names) {
            String value = call.param(n[0]);
            if (value != null) {
                out.put(n[1], value);
            }
        }
        String expires = call.param("httpResponseExpires");
        if (expires != null) {
            try {
                out.put("Expires", HttpDates.header(java.time.Instant.parse(expires).toEpochMilli()));
            } catch (java.time.format.DateTimeParseException e) {
                throw OciException.invalidParameter("httpResponseExpires '" + expires + "' is not an RFC 3339 time");
            }
        }
        return out;
    }

    void delete(Call call, String bucket, String name) throws IOException {
        String ifMatch = call.header("if-match");
        if (call.param("versionId") != null) {
            ObjectRecord current = storage.object(bucket, name).orElseThrow(() -> {
                storage.bucket(bucket).orElseThrow(() -> OciException.bucketNotFound(bucket));
                return OciException.objectNotFound(bucket, name);
            });
            checkVersion(call, bucket, current);
            if (ifMatch == null) {
                ifMatch = current.etag();
            }
        }
        ObjectRecord removed = storage.deleteObject(bucket, name, ifMatch);
        call.set("last-modified", HttpDates.header(removed.timeModified())).set("version-id", versionId(removed))
                .set("is-delete-marker", "false");
        call.sendEmpty(204);
    }

    void rename(Call call, String bucket) throws IOException {
        JsonNode body = call.jsonBody();
        Refusals.knownFields(body, RENAME_FIELDS, "RenameObjectDetails");
        String source = BucketApi.text(body, "sourceName");
        String target = BucketApi.text(body, "newName");
        if (source == null) {
            throw OciException.missingParameter("sourceName");
        }
        if (target == null) {
            throw OciException.missingParameter("newName");
        }
        checkName(target);
        storage.bucket(bucket).orElseThrow(() -> OciException.bucketNotFound(bucket));
        ObjectRecord renamed = storage.renameObject(bucket, source, target,
                new Precondition(BucketApi.text(body, "srcObjIfMatchETag"), null),
                new Precondition(BucketApi.text(body, "newObjIfMatchETag"), BucketApi.text(body, "newObjIfNoneMatchETag")));
        // RenameObjectResponse (OCI Java SDK 3.77.2) reads ETag, last-modified and version-id.
        call.set("etag", renamed.etag()).set("last-modified", HttpDates.header(renamed.timeModified()))
                .set("version-id", versionId(renamed));
        call.sendEmpty(200);
    }

    void list(Call call, String bucket) throws IOException {
        String delimiter = call.param("delimiter");
        if (delimiter != null && !delimiter.equals("/")) {
            throw OciException.invalidParameter("Only '/' is supported as a delimiter");
        }
        Set<String> fields = fields(call.param("fields"));
        ListQuery query = new ListQuery(emptyToNull(call.param("prefix")), emptyToNull(call.param("start")),
                emptyToNull(call.param("startAfter")), emptyToNull(call.param("end")), delimiter, BucketApi.limit(call));
        ObjectListing listing = storage.list(bucket, query);
        long now = System.currentTimeMillis();
        List<Map<String, Object>> objects = new ArrayList<>(listing.objects().size());
        for (ObjectRecord o : listing.objects()) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("name", o.name());
            if (fields.contains("size")) {
                summary.put("size", o.size());
            }
            if (fields.contains("md5")) {
                summary.put("md5", o.listedMd5());
            }
            if (fields.contains("etag")) {
                summary.put("etag", o.etag());
            }
            if (fields.contains("timecreated")) {
                summary.put("timeCreated", HttpDates.json(o.timeCreated()));
            }
            if (fields.contains("timemodified")) {
                summary.put("timeModified", HttpDates.json(o.timeModified()));
            }
            if (fields.contains("storagetier")) {
                summary.put("storageTier", o.storageTier());
            }
            if (fields.contains("archivalstate") && o.archivalState(now) != null) {
                summary.put("archivalState", o.archivalState(now));
            }
            objects.add(summary);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("objects", objects);
        if (delimiter != null) {
            body.put("prefixes", listing.prefixes());
        }
        if (listing.nextStartWith() != null) {
            body.put("nextStartWith", listing.nextStartWith());
        }
        call.sendJson(200, body);
    }

    private static Set<String> fields(String param) {
        Set<String> out = new HashSet<>();
        if (param != null) {
            for (String f : param.split(",")) {
                String field = f.trim().toLowerCase(Locale.ROOT);
                if (!LIST_FIELDS.contains(field)) {
                    throw OciException.invalidParameter("Unknown field '" + f.trim() + "' in fields; allowed: name, size,"
                            + " etag, timeCreated, md5, timeModified, storageTier, archivalState");
                }
                out.add(field);
            }
        }
        return out;
    }

    // ---- request header parsing shared with multipart

    static void checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw OciException.invalidParameter("The object name must not be empty");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            throw OciException.invalidParameter("The object name is longer than 1024 bytes");
        }
    }

    static byte[] contentMd5(Call call) {
        String header = call.header("content-md5");
        if (header == null) {
            return null;
        }
        byte[] md5;
        try {
            md5 = Base64.getDecoder().decode(header.trim());
        } catch (IllegalArgumentException e) {
            md5 = null;
        }
        if (md5 == null || md5.length != 16) {
            throw OciException.badRequest("InvalidContentMD5",
                    "The Content-MD5 header '" + header + "' is not the base64 of a 128-bit MD5 digest");
        }
        return md5;
    }

    static String storageTier(String tier) {
        if (tier == null) {
            return null;
        }
        for (String known : TIERS) {
            if (known.equalsIgnoreCase(tier)) {
                return known;
            }
        }
        throw OciException.invalidParameter("Unknown storage tier '" + tier + "'");
    }

    private static ContentHeaders contentHeaders(Call call) {
        return new ContentHeaders(call.header("content-type"), call.header("content-encoding"),
                call.header("content-language"), call.header("content-disposition"), call.header("cache-control"));
    }

    private static boolean etagMatches(String header, String etag) {
        for (String candidate : header.split(",")) {
            String c = candidate.trim().replace("\"", "");
            if (c.equals("*") || c.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
