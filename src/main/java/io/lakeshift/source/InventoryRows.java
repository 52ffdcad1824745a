package io.lakeshift.source;

import io.lakeshift.model.Archived;
import io.lakeshift.model.SourceFile;
import java.io.Serializable;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Locale;
import java.util.Set;

/**
 * One inventory row made a {@link SourceFile} of the source, or left out: rows of another bucket or container,
 * outside the source's prefix, folders and folder markers, delete markers and versions that are not the current
 * one. Serializable: it runs where the rows are read (the executors).
 *
 * <p>Value forms, as the reports write them: S3 CSV gives every value as text, with the key URL-encoded and
 * LastModifiedDate as ISO-8601 ({@code 2024-01-31T12:00:00.000Z}); Parquet and ORC give sizes as numbers and
 * times as timestamps. Azure gives Last-Modified as ISO-8601 or RFC 1123 text (or a number of milliseconds),
 * Content-MD5 as base64, and names the blob with its container first ({@code container/folder/file}).
 */
public final class InventoryRows implements Serializable {
    /** S3 storage classes that must be restored before a GET (as the S3 listing treats them). */
    private static final Set<String> S3_ARCHIVE = Set.of("GLACIER", "DEEP_ARCHIVE");

    private final InventoryManifest.Kind kind;
    private final boolean urlEncoded;
    private final String sourceUri;
    private final String bucket;
    private final String prefix;

    /**
     * @param manifest the inventory's manifest
     * @param sourceRoot the source URI (--source): rows below it are its files
     */
    public InventoryRows(InventoryManifest manifest, String sourceRoot) {
        this.kind = manifest.kind();
        this.urlEncoded = manifest.kind() == InventoryManifest.Kind.S3
                && manifest.format() == InventoryManifest.Format.CSV;
        URI root = URI.create(sourceRoot);
        String path = root.getPath() == null ? "" : root.getPath();
        path = path.startsWith("/") ? path.substring(1) : path;
        this.prefix = path.isEmpty() || path.endsWith("/") ? path : path + "/";
        // s3a://bucket/...: the bucket; abfss://container@account/...: the container (Azure names blobs within it).
        this.bucket = root.getUserInfo() != null ? root.getUserInfo() : root.getHost();
        String base = sourceRoot.endsWith("/") ? sourceRoot : sourceRoot + "/";
        this.sourceUri = path.isEmpty() && !sourceRoot.endsWith("/") ? sourceRoot + "/" : base;
    }

    /**
     * The file a row stands for, or null when the row is none of the source's files.
     *
     * @param rowBucket the row's bucket (S3), or null
     * @param key the object key or blob name as the report writes it
     * @param size the size (a number or its text)
     * @param modified the modification time (a timestamp, a number of milliseconds, or text)
     * @param etag the ETag, or null
     * @param md5 the base64 MD5 (Azure's Content-MD5), or null
     * @param tier the storage class or access tier, or null
     * @param latest whether the row is the current version (null when the report does not say)
     * @param deleted whether the row is a delete marker or deleted blob (null when the report does not say)
     * @param folder whether the row is a folder (Azure hdi_isfolder; null when the report does not say)
     */
    public SourceFile toFile(String rowBucket, String key, Object size, Object modified, String etag, String md5,
            String tier, Object latest, Object deleted, Object folder) {
        if (key == null || key.isEmpty() || isFalse(latest) || isTrue(deleted) || isTrue(folder)) {
            return null;
        }
        if (rowBucket != null && !rowBucket.isEmpty() && bucket != null && !rowBucket.equals(bucket)) {
            return null;
        }
        String name = urlEncoded ? URLDecoder.decode(key, StandardCharsets.UTF_8) : key;
        if (kind == InventoryManifest.Kind.AZURE && bucket != null) {
            // Azure names a blob with its container first: container/folder/file (one report covers the account).
            if (!name.startsWith(bucket + "/")) {
                return null;
            }
            name = name.substring(bucket.length() + 1);
        }
        if (name.endsWith("/") || !name.startsWith(prefix) || name.length() == prefix.length()) {
            return null;
        }
        String relative = name.substring(prefix.length());
        long bytes = size instanceof Number n ? n.longValue() : Long.parseLong(size.toString().strip());
        return new SourceFile(sourceUri + encodePath(relative), relative, bytes, millis(modified), blankToNull(etag),
                blankToNull(md5), archived(tier));
    }

    private Archived archived(String tier) {
        if (tier == null || tier.isBlank()) {
            return null;
        }
        String t = tier.strip();
        boolean archive = kind == InventoryManifest.Kind.S3 ? S3_ARCHIVE.contains(t.toUpperCase(Locale.ROOT))
                : t.equalsIgnoreCase("Archive");
        // The report says where the content sits, not whether a restore is under way: the copy finds out.
        return archive ? new Archived(t, false) : null;
    }

    static long millis(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof Date d) {
            return d.getTime();
        }
        if (value instanceof Instant i) {
            return i.toEpochMilli();
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        String text = value.toString().strip();
        if (text.isEmpty()) {
            return 0;
        }
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
            } catch (DateTimeParseException e2) {
                return Long.parseLong(text);
            }
        }
    }

    /** The path as a URI path: each segment percent-encoded where a URI needs it (spaces, '%', '#', '?'). */
    private static String encodePath(String relative) {
        try {
            return new URI(null, null, "/" + relative, null).getRawPath().substring(1);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("inventory names a file no URI can hold: " + relative, e);
        }
    }

    private static boolean isTrue(Object v) {
        return v != null && (v instanceof Boolean b ? b : "true".equalsIgnoreCase(v.toString().strip()));
    }

    private static boolean isFalse(Object v) {
        return v != null && (v instanceof Boolean b ? !b : "false".equalsIgnoreCase(v.toString().strip()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
