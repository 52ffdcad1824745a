package io.lakeshift.emulator.s3;

import io.lakeshift.emulator.OciException;
import io.lakeshift.emulator.http.ByteRange;
import io.lakeshift.emulator.storage.Blob;
import io.lakeshift.emulator.storage.Checksum;
import io.lakeshift.emulator.storage.ContentHeaders;
import io.lakeshift.emulator.storage.ObjectRecord;
import io.lakeshift.emulator.storage.ObjectWrite;
import io.lakeshift.emulator.storage.Precondition;
import io.lakeshift.emulator.storage.StagedBody;
import io.lakeshift.emulator.storage.Storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.w3c.dom.Element;

/** Object operations: PutObject, CopyObject, GetObject (with Range), HeadObject, DeleteObject, DeleteObjects. */
final class S3Objects {
    static final int MAX_KEY_BYTES = 1024;
    static final int MAX_DELETE = 1000;
    /** GetObject's response-* query parameters and the headers they set (Amazon S3 API Reference, GetObject). */
    private static final String[][] OVERRIDES = {{"response-content-type", "Content-Type"},
            {"response-content-language", "Content-Language"}, {"response-expires", "Expires"},
            {"response-cache-control", "Cache-Control"}, {"response-content-disposition", "Content-Disposition"},
            {"response-content-encoding", "Content-Encoding"}};

    private final Storage storage;

    S3Objects(Storage storage) {
        this.storage = storage;
    }

    static void checkKey(String key) {
        if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw new S3Exception(400, "KeyTooLongError", "Your key is too long");
        }
    }

    void put(S3Call call) throws IOException {
        if (call.header("x-amz-copy-source") != null) {
            copy(call);
            return;
        }
        checkKey(call.key);
        S3Headers.refuseUnserved(call);
        S3Checksums.Expected checksum = S3Checksums.ofWrite(call);
        Precondition precondition = writePrecondition(call);
        storage.bucket(call.bucket).orElseThrow(() -> S3Exception.noSuchBucket(call.bucket));
        ObjectWrite write = new ObjectWrite(call.key, null, S3Headers.content(call), S3Headers.metadata(call));
        StagedBody body = call.receive(storage, checksum);
        ObjectRecord stored = storage.putObject(call.bucket, write, body, precondition);
        call.set("ETag", S3ETags.of(stored));
        S3Checksums.answer(call, stored.checksum());
        call.sendEmpty(200);
    }

    /** If-None-Match: * (write only when absent) and If-Match on PutObject, checked atomically by the store. */
    private static Precondition writePrecondition(S3Call call) {
        String ifNoneMatch = call.header("if-none-match");
        if (ifNoneMatch != null && !ifNoneMatch.trim().equals("*")) {
            throw S3Exception.notImplemented("If-None-Match other than '*' on a write");
        }
        if (call.header("if-match") != null) {
            throw S3Exception.notImplemented("If-Match on a write");
        }
        return new Precondition(null, ifNoneMatch);
    }

    /** CopyObject: the source's bytes streamed into a new object, its metadata copied or replaced. */
    private void copy(S3Call call) throws IOException {
        checkKey(call.key);
        S3Headers.refuseUnserved(call);
        S3Checksums.refuseOn(call, "CopyObject");
        for (String name : call.exchange.getRequestHeaders().keySet()) {
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("x-amz-copy-source-") || lower.equals("x-amz-tagging-directive")) {
                throw S3Exception.notImplemented("The header " + lower);
            }
        }
        String source = call.header("x-amz-copy-source").trim();
        if (source.contains("?")) {
            throw S3Exception.notImplemented("Copying a source version (x-amz-copy-source with versionId)");
        }
        source = SigV4.decode(source.startsWith("/") ? source.substring(1) : source, false);
        int slash = source.indexOf('/');
        if (slash <= 0 || slash == source.length() - 1) {
            throw S3Exception.invalidArgument("Copy Source must mention the source bucket and key: sourcebucket/sourcekey");
        }
        String srcBucket = source.substring(0, slash);
        String srcKey = source.substring(slash + 1);
        String directive = call.header("x-amz-metadata-directive");
        boolean replace = directive != null && directive.trim().equals("REPLACE");
        if (directive != null && !replace && !directive.trim().equals("COPY")) {
            throw S3Exception.invalidArgument("Unknown metadata directive '" + directive + "'");
        }
        storage.bucket(call.bucket).orElseThrow(() -> S3Exception.noSuchBucket(call.bucket));
        Storage.OpenedObject opened = open(srcBucket, srcKey);
        StagedBody body;
        ObjectRecord src = opened.record();
        try (Blob blob = opened.blob(); InputStream in = blob.stream(0, src.size())) {
            body = storage.stage(in, src.size(), false);
        }
        if (src.checksum() != null && src.checksum().type().equals(Checksum.FULL_OBJECT)) {
            body = body.withChecksum(src.checksum()); // the same bytes: S3 copies the source's checksum
        }
        ObjectWrite write = replace
                ? new ObjectWrite(call.key, null, S3Headers.content(call), S3Headers.metadata(call))
                : new ObjectWrite(call.key, null, src.content(), src.metadata());
        ObjectRecord stored = storage.putObject(call.bucket, write, body, Precondition.NONE);
        call.sendXml(200, S3Xml.document("CopyObjectResult").text("LastModified", S3Xml.time(stored.timeModified()))
                .text("ETag", S3ETags.of(stored)));
    }

    /**
     * The object's bytes, as S3 serves them: not an Archive object that is not restored (S3's GET of a Glacier
     * object: 403 InvalidObjectState), nor one written with a customer key (SSE-C), which this API does not take.
     */
    private Storage.OpenedObject open(String bucket, String key) throws IOException {
        Storage.OpenedObject opened;
        try {
            opened = storage.open(bucket, key);
        } catch (OciException e) {
            if (e.code().equals("ObjectNotFound")) {
                throw S3Exception.noSuchKey(key);
            }
            throw e;
        }
        ObjectRecord o = opened.record();
        String state = o.archivalState(System.currentTimeMillis());
        String refused = state != null && !state.equals("Restored") ? "InvalidObjectState"
                : o.encryption() != null && o.encryption().customerKeySha256() != null ? "InvalidRequest" : null;
        if (refused != null) {
            opened.blob().close();
            throw refused.equals("InvalidObjectState")
                    ? new S3Exception(403, refused, "The operation is not valid for the object's storage class")
                    : new S3Exception(400, refused, "The object was stored using a form of Server Side Encryption."
                            + " The correct parameters must be provided to retrieve the object.");
        }
        return opened;
    }

    void get(S3Call call) throws IOException {
        if (call.param("partNumber") != null) {
            throw S3Exception.notImplemented("GetObject by partNumber");
        }
        if (call.param("versionId") != null) {
            throw S3Exception.notImplemented("GetObject of a version (versionId)");
        }
        for (String name : call.exchange.getRequestHeaders().keySet()) {
            if (name.toLowerCase(java.util.Locale.ROOT).startsWith("x-amz-server-side-encryption")) {
                throw S3Exception.notImplemented("The header " + name.toLowerCase(java.util.Locale.ROOT));
            }
        }
        storage.bucket(call.bucket).orElseThrow(() -> S3Exception.noSuchBucket(call.bucket));
        Storage.OpenedObject opened = open(call.bucket, call.key);
        try (Blob blob = opened.blob()) {
            ObjectRecord o = opened.record();
            String etag = S3ETags.of(o);
            setObjectHeaders(call, o, etag);
            if (conditionsSay304(call, o, etag)) {
                call.sendEmpty(304);
                return;
            }
            for (String[] n : OVERRIDES) {
                call.set(n[1], call.param(n[0]));
            }
            long[] range = range(call.header("range"), o.size());
            S3Checksums.onRead(call, o, range == null);
            call.sendObject(blob, o.size(), range);
        }
    }

    private static void setObjectHeaders(S3Call call, ObjectRecord o, String etag) {
        ContentHeaders c = o.content() == null ? ContentHeaders.NONE : o.content();
        call.set("ETag", etag).set("Last-Modified", httpDate(o.timeModified())).set("Accept-Ranges", "bytes")
                .set("Content-Type", c.contentType() == null ? "binary/octet-stream" : c.contentType())
                .set("Content-Encoding", c.contentEncoding()).set("Content-Language", c.contentLanguage())
                .set("Content-Disposition", c.contentDisposition()).set("Cache-Control", c.cacheControl());
        if (o.multipartMd5() != null) {
            call.set("x-amz-mp-parts-count", o.multipartMd5().substring(o.multipartMd5().lastIndexOf('-') + 1));
        }
        if (o.metadata() != null) {
            o.metadata().forEach((k, v) -> call.set(S3Headers.META + k, v));
        }
    }

    /**
     * If-Match / If-Unmodified-Since fail with 412; If-None-Match / If-Modified-Since answer 304 (Amazon S3 API
     * Reference, GetObject; RFC 7232 precedence: an entity-tag condition overrides its date counterpart).
     */
    private static boolean conditionsSay304(S3Call call, ObjectRecord o, String etag) {
        long modifiedSeconds = o.timeModified() / 1000;
        String ifMatch = call.header("if-match");
        if (ifMatch != null && !S3ETags.matches(ifMatch, etag)) {
            throw new S3Exception(412, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold");
        }
        String ifUnmodified = call.header("if-unmodified-since");
        if (ifMatch == null && ifUnmodified != null && modifiedSeconds > seconds(ifUnmodified, Long.MAX_VALUE)) {
            throw new S3Exception(412, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold");
        }
        String ifNoneMatch = call.header("if-none-match");
        if (ifNoneMatch != null) {
            return S3ETags.matches(ifNoneMatch, etag);
        }
        String ifModified = call.header("if-modified-since");
        return ifModified != null && modifiedSeconds <= seconds(ifModified, -1);
    }

    /** An HTTP date in epoch seconds, or {@code fallback} when it does not parse (the condition is then ignored). */
    private static long seconds(String date, long fallback) {
        try {
            return ZonedDateTime.parse(date.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toEpochSecond();
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    static String httpDate(long epochMillis) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(
                java.time.Instant.ofEpochMilli(epochMillis).atZone(ZoneOffset.UTC));
    }

    /**
     * One byte range, {@code [first, last]}, or null for the whole object. A range that does not parse is ignored as
     * HTTP says; one starting past the end is 416 InvalidRange; several ranges are refused.
     */
    /** The single byte range asked for, as the native API resolves it; several ranges are not served. */
    static long[] range(String header, long size) {
        if (header != null && header.trim().startsWith("bytes=") && header.contains(",")) {
            throw S3Exception.notImplemented("A Range of several byte ranges");
        }
        try {
            return ByteRange.parse(header, size);
        } catch (OciException e) {
            throw e.status() == 416 ? invalidRange(size) : e;
        }
    }

    private static S3Exception invalidRange(long size) {
        return new S3Exception(416, "InvalidRange", "The requested range is not satisfiable (object size " + size + ")");
    }

    /** DeleteObject: 204 whether or not the key existed, as S3 answers. */
    void delete(S3Call call) throws IOException {
        if (call.param("versionId") != null) {
            throw S3Exception.notImplemented("DeleteObject of a version (versionId)");
        }
        storage.bucket(call.bucket).orElseThrow(() -> S3Exception.noSuchBucket(call.bucket));
        deleteIfThere(call.bucket, call.key);
        call.sendEmpty(204);
    }

    private void deleteIfThere(String bucket, String key) {
        try {
            storage.deleteObject(bucket, key, null);
        } catch (OciException e) {
            if (!e.code().equals("ObjectNotFound")) {
                throw e;
            }
        }
    }

    /** DeleteObjects (POST ?delete): up to 1000 keys; each answered as Deleted or Error. */
    void deleteMany(S3Call call) throws IOException {
        byte[] bytes = call.smallBody();
        S3Checksums.forDelete(call, bytes);
        storage.bucket(call.bucket).orElseThrow(() -> S3Exception.noSuchBucket(call.bucket));
        Element root = S3Xml.parse(bytes);
        if (!"Delete".equals(root.getLocalName())) {
            throw S3Exception.malformedXml("The root element must be Delete");
        }
        boolean quiet = "true".equals(S3Xml.childText(root, "Quiet"));
        List<Element> objects = S3Xml.children(root, "Object");
        if (objects.isEmpty() || objects.size() > MAX_DELETE) {
            throw S3Exception.malformedXml("Delete must name 1 to " + MAX_DELETE + " objects");
        }
        S3Xml xml = S3Xml.document("DeleteResult");
        for (Element o : objects) {
            String key = S3Xml.childText(o, "Key");
            if (key == null || key.isEmpty()) {
                throw S3Exception.malformedXml("Each Object needs a Key");
            }
            if (S3Xml.childText(o, "VersionId") != null) {
                throw S3Exception.notImplemented("Deleting a version (VersionId)");
            }
            try {
                deleteIfThere(call.bucket, key);
                if (!quiet) {
                    xml.start("Deleted").text("Key", key).end();
                }
            } catch (OciException e) {
                S3Exception s3 = S3Exception.from(e);
                xml.start("Error").text("Key", key).text("Code", s3.code()).text("Message", s3.getMessage()).end();
            }
        }
        call.sendXml(200, xml);
    }

}
