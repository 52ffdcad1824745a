package io.lakeshift.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.lakeshift.emulator.OciException;
import io.lakeshift.emulator.storage.Blob;
import io.lakeshift.emulator.storage.ContentHeaders;
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

/** Object operations: put, get, head, delete, list, rename. */
final class ObjectApi {
    static final Set<String> TIERS = Set.of("Standard", "InfrequentAccess", "Archive");
    private static final String META = "opc-meta-";
    private static final int MAX_NAME_BYTES = 1024;

    private final Storage storage;

    ObjectApi(Storage storage) {
        this.storage = storage;
    }

    void put(Call call, String bucket, String name) throws IOException {
        checkName(name);
        Precondition precondition = new Precondition(call.header("if-match"), call.header("if-none-match"));
        // Fail fast before reading the body; checked again atomically when the object is replaced.
        storage.bucket(bucket).orElseThrow(() -> OciException.bucketNotFound(bucket));
        precondition.check(storage.object(bucket, name).orElse(null));
        byte[] expectedMd5 = contentMd5(call);
        ObjectWrite write = new ObjectWrite(name, storageTier(call.header("storage-tier")), contentHeaders(call),
                metadata(call));
        StagedBody body = receive(call, expectedMd5);
        ObjectRecord stored = storage.putObject(bucket, write, body, precondition);
        call.set("etag", stored.etag()).set("opc-content-md5", stored.md5())
                .set("last-modified", HttpDates.header(stored.timeModified()));
        call.sendEmpty(200);
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
        Storage.OpenedObject opened = storage.open(bucket, name);
        try (Blob blob = opened.blob()) {
            ObjectRecord o = opened.record();
            setObjectHeaders(call, o);
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
            if (range == null) {
                if (o.md5() != null) {
                    call.set("Content-MD5", o.md5());
                }
                if (call.method.equals("HEAD")) {
                    call.sendHead(200, o.size());
                } else {
                    try (InputStream in = blob.stream(0, o.size())) {
                        call.sendStream(200, in, o.size());
                    }
                }
                return;
            }
            long length = range[1] - range[0] + 1;
            call.set("Content-Range", "bytes " + range[0] + "-" + range[1] + "/" + o.size());
            if (call.method.equals("HEAD")) {
                call.sendHead(206, length);
            } else {
                try (InputStream in = blob.stream(range[0], length)) {
                    call.sendStream(206, in, length);
                }
            }
        }
    }

    private static void setObjectHeaders(Call call, ObjectRecord o) {
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
                .set("opc-content-md5", o.md5())
                .set("opc-multipart-md5", o.multipartMd5());
        if (o.metadata() != null) {
            o.metadata().forEach((k, v) -> call.set(META + k, v));
        }
    }

    void delete(Call call, String bucket, String name) throws IOException {
        ObjectRecord removed = storage.deleteObject(bucket, name, call.header("if-match"));
        call.set("last-modified", HttpDates.header(removed.timeModified()));
        call.sendEmpty(204);
    }

    void rename(Call call, String bucket) throws IOException {
        JsonNode body = call.jsonBody();
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
        storage.renameObject(bucket, source, target,
                new Precondition(BucketApi.text(body, "srcObjIfMatchETag"), null),
                new Precondition(BucketApi.text(body, "newObjIfMatchETag"), BucketApi.text(body, "newObjIfNoneMatchETag")));
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
                out.add(f.trim().toLowerCase(Locale.ROOT));
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

    private static Map<String, String> metadata(Call call) {
        Map<String, String> out = new LinkedHashMap<>();
        call.requestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith(META) && lower.length() > META.length() && !values.isEmpty()) {
                out.put(lower.substring(META.length()), values.get(0));
            }
        });
        return out;
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
