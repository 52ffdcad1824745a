package io.lakeshift.emulator.s3;

import io.lakeshift.emulator.OciException;
import io.lakeshift.emulator.storage.BucketRecord;
import io.lakeshift.emulator.storage.ListQuery;
import io.lakeshift.emulator.storage.ObjectListing;
import io.lakeshift.emulator.storage.ObjectRecord;
import io.lakeshift.emulator.storage.Storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/** Service and bucket operations: ListBuckets, PutBucket, DeleteBucket, HeadBucket, GetBucketLocation, ListObjects. */
final class S3Buckets {
    /** OCI's bucket names (the native API's rule); S3's stricter DNS rule is not OCI's. */
    private static final Pattern BUCKET_NAME = Pattern.compile("[A-Za-z0-9._-]{1,256}");
    static final int MAX_KEYS = 1000;

    private final Storage storage;
    private final String namespace;
    private final String tenancy;
    private final String user;
    private final String region;

    S3Buckets(Storage storage, String namespace, String tenancy, String user, String region) {
        this.storage = storage;
        this.namespace = namespace;
        this.tenancy = tenancy;
        this.user = user;
        this.region = region;
    }

    void listBuckets(S3Call call) throws IOException {
        S3Xml xml = S3Xml.document("ListAllMyBucketsResult");
        xml.start("Owner").text("ID", user).text("DisplayName", user).end().start("Buckets");
        for (BucketRecord b : storage.buckets()) {
            xml.start("Bucket").text("Name", b.name()).text("CreationDate", S3Xml.time(b.timeCreated())).end();
        }
        call.sendXml(200, xml.end());
    }

    /**
     * PutBucket makes the bucket in the tenancy's root compartment, as OCI's S3 API does unless a compartment is
     * designated for it (OCI Object Storage documentation, "Amazon S3 Compatibility API", Compartments).
     */
    void create(S3Call call) throws IOException {
        String name = call.bucket;
        if (!BUCKET_NAME.matcher(name).matches()) {
            throw new S3Exception(400, "InvalidBucketName", "The specified bucket is not valid: " + name);
        }
        S3Headers.acl(call);
        if (call.header("x-amz-bucket-object-lock-enabled") != null) {
            throw S3Exception.notImplemented("Object Lock (x-amz-bucket-object-lock-enabled)");
        }
        byte[] body = call.smallBody();
        if (body.length > 0) {
            Element config = S3Xml.parse(body);
            String constraint = S3Xml.childText(config, "LocationConstraint");
            if (constraint != null && !constraint.isEmpty() && !constraint.equals(region)) {
                throw new S3Exception(400, "InvalidLocationConstraint", "The specified location-constraint '"
                        + constraint + "' is not this endpoint's region '" + region + "'");
            }
        }
        try {
            storage.createBucket(new BucketRecord(name, namespace, tenancy, user, System.currentTimeMillis(),
                    UUID.randomUUID().toString(), "Standard", "NoPublicAccess", Map.of()));
        } catch (OciException e) {
            if (e.status() == 409) {
                throw new S3Exception(409, "BucketAlreadyOwnedByYou", "Your previous request to create the named"
                        + " bucket succeeded and you already own it.");
            }
            throw e;
        }
        call.set("Location", "/" + name);
        call.sendEmpty(200);
    }

    void delete(S3Call call) throws IOException {
        storage.deleteBucket(call.bucket, null);
        call.sendEmpty(204);
    }

    void head(S3Call call) throws IOException {
        requireBucket(call.bucket);
        call.set("x-amz-bucket-region", region);
        call.sendEmpty(200);
    }

    void location(S3Call call) throws IOException {
        requireBucket(call.bucket);
        call.sendXml(200, S3Xml.single("LocationConstraint", region));
    }

    BucketRecord requireBucket(String bucket) {
        return storage.bucket(bucket).orElseThrow(() -> S3Exception.noSuchBucket(bucket));
    }

    /** ListObjectsV2 ({@code list-type=2}) and ListObjects (v1); the continuation token is opaque to clients. */
    void listObjects(S3Call call) throws IOException {
        boolean v2 = "2".equals(call.param("list-type"));
        if (call.param("list-type") != null && !v2) {
            throw S3Exception.invalidArgument("list-type must be 2, not '" + call.param("list-type") + "'");
        }
        String encoding = call.param("encoding-type");
        if (encoding != null && !encoding.equals("url")) {
            throw S3Exception.invalidArgument("Invalid Encoding Method specified in Request: " + encoding);
        }
        boolean url = encoding != null;
        String delimiter = call.param("delimiter");
        if (delimiter != null && !delimiter.equals("/")) {
            throw S3Exception.notImplemented("A delimiter other than '/' (OCI lists with '/' only)");
        }
        if (call.param("x-amz-optional-object-attributes") != null || call.header("x-amz-optional-object-attributes") != null) {
            throw S3Exception.notImplemented("x-amz-optional-object-attributes");
        }
        String prefix = call.param("prefix");
        int maxKeys = call.intParam("max-keys", MAX_KEYS, MAX_KEYS);
        String token = v2 ? call.param("continuation-token") : null;
        String after = v2 ? call.param("start-after") : call.param("marker");
        String start = token == null ? null : decodeToken(token);
        if (token == null && after != null && delimiter != null && after.endsWith(delimiter)
                && (prefix == null || after.startsWith(prefix)) && after.length() > (prefix == null ? 0 : prefix.length())) {
            // a common prefix handed back as the marker: its whole group was listed already
            start = after.substring(0, after.length() - 1) + (char) (after.charAt(after.length() - 1) + 1);
            after = null;
        }
        requireBucket(call.bucket);
        ObjectListing listing = maxKeys == 0 ? new ObjectListing(java.util.List.of(), java.util.List.of(), null)
                : storage.list(call.bucket, new ListQuery(prefix, start, token == null ? after : null, null,
                delimiter, maxKeys));
        boolean truncated = listing.nextStartWith() != null;
        S3Xml xml = S3Xml.document("ListBucketResult");
        xml.text("Name", call.bucket).text("Prefix", prefix == null ? "" : enc(prefix, url));
        if (v2) {
            xml.text("KeyCount", listing.objects().size() + listing.prefixes().size());
            xml.text("ContinuationToken", token);
            xml.text("NextContinuationToken", truncated ? encodeToken(listing.nextStartWith()) : null);
            xml.text("StartAfter", call.param("start-after") == null ? null : enc(call.param("start-after"), url));
        } else {
            xml.text("Marker", call.param("marker") == null ? "" : enc(call.param("marker"), url));
            if (truncated && delimiter != null) {
                xml.text("NextMarker", enc(lastListed(listing), url));
            }
        }
        xml.text("MaxKeys", maxKeys).text("Delimiter", delimiter == null ? null : enc(delimiter, url));
        xml.text("EncodingType", encoding).text("IsTruncated", truncated);
        for (ObjectRecord o : listing.objects()) {
            xml.start("Contents").text("Key", enc(o.name(), url))
                    .text("LastModified", S3Xml.time(o.timeModified())).text("ETag", S3ETags.of(o))
                    .text("Size", o.size()).text("StorageClass", S3Headers.storageClass(o.storageTier()));
            if (!v2 || "true".equals(call.param("fetch-owner"))) {
                xml.start("Owner").text("ID", user).text("DisplayName", user).end();
            }
            xml.end();
        }
        for (String p : listing.prefixes()) {
            xml.start("CommonPrefixes").text("Prefix", enc(p, url)).end();
        }
        call.sendXml(200, xml);
    }

    /** The greater of the last key and the last common prefix: where a v1 listing goes on from. */
    private static String lastListed(ObjectListing listing) {
        String key = listing.objects().isEmpty() ? null : listing.objects().get(listing.objects().size() - 1).name();
        String prefix = listing.prefixes().isEmpty() ? null : listing.prefixes().get(listing.prefixes().size() - 1);
        if (key == null) {
            return prefix;
        }
        return prefix == null || key.compareTo(prefix) > 0 ? key : prefix;
    }

    private static String enc(String text, boolean url) {
        return url ? SigV4.encodePath(text) : text;
    }

    private static String encodeToken(String start) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(start.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeToken(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw S3Exception.invalidArgument("The continuation token provided is incorrect");
        }
    }
}
