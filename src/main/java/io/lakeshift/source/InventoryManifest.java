package io.lakeshift.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lakeshift.fs.HadoopFileSystems;
import io.lakeshift.io.Errors;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The manifest of an inventory report ({@code --inventory}): which report files hold the rows, their format, and
 * which column holds each of the fields lakeshift reads. Two kinds:
 * <ul>
 *   <li><b>S3 Inventory</b> ({@code manifest.json}; AWS, "Locating your inventory list",
 *       https://docs.aws.amazon.com/AmazonS3/latest/userguide/storage-inventory-location.html): {@code sourceBucket},
 *       {@code fileFormat} (CSV, Parquet, ORC), {@code fileSchema} (for CSV the comma-separated column names
 *       Bucket, Key, VersionId, IsLatest, IsDeleteMarker, Size, LastModifiedDate, ETag, StorageClass, ...; for
 *       Parquet and ORC the files' own schema, whose columns are the same names in snake case: bucket, key,
 *       size, last_modified_date, e_tag, storage_class, ...), and {@code files[]} with each report file's
 *       {@code key} (in the destination bucket), {@code size} and {@code MD5checksum}. CSV reports have no header
 *       and URL-encode the keys;</li>
 *   <li><b>Azure Blob Inventory</b> ({@code <rule>-manifest.json}; Microsoft, "Azure Storage blob inventory",
 *       https://learn.microsoft.com/azure/storage/blobs/blob-inventory): {@code destinationContainer},
 *       {@code files[]} with each report file's {@code blob} path (in the destination container) and
 *       {@code size}, and {@code ruleDefinition} with {@code format} (csv, parquet) and {@code schemaFields}
 *       (Name, Creation-Time, Last-Modified, Content-Length, Content-MD5, BlobType, AccessTier, Etag, ...). CSV
 *       reports have a header row.</li>
 * </ul>
 * A report file's path is relative to its bucket or container; it is found relative to the manifest, so an
 * inventory copied elsewhere (another bucket, a local folder) reads the same: the path is put where the manifest's
 * own path shares its leading folders ({@link #resolve}).
 *
 * @param kind S3 Inventory or Azure Blob Inventory
 * @param format the report files' format
 * @param columns the report's columns in order (CSV has no header in S3; the names come from the manifest)
 * @param fields the column holding each field lakeshift reads; a field the report does not have is absent
 * @param files the report files, as URIs
 * @param bytes the report files' bytes together, as the manifest gives them (0 where it does not)
 * @param bucket the bucket (S3) the report describes, or null
 */
public record InventoryManifest(Kind kind, Format format, List<String> columns, Map<Field, String> fields,
        List<String> files, long bytes, String bucket) implements Serializable {
    private static final ObjectMapper JSON = new ObjectMapper();

    public enum Kind { S3, AZURE }

    public enum Format { CSV, PARQUET, ORC }

    /** The fields lakeshift reads from a report row. */
    public enum Field { BUCKET, KEY, SIZE, MODIFIED, ETAG, MD5, TIER, IS_LATEST, DELETED, FOLDER }

    public InventoryManifest {
        columns = List.copyOf(columns);
        fields = Map.copyOf(fields);
        files = List.copyOf(files);
    }

    /** Reads and parses the manifest at {@code location} (any Hadoop URI or local path). */
    public static InventoryManifest read(String location, Map<String, String> hadoopProperties) throws IOException {
        Path path = new Path(location);
        byte[] json;
        try {
            FileSystem fs = HadoopFileSystems.get(path.toUri(), hadoopProperties);
            Path qualified = fs.makeQualified(path);
            try (InputStream in = fs.open(qualified)) {
                json = in.readAllBytes();
            }
            return parse(qualified.toUri().toString(), json);
        } catch (FileNotFoundException e) {
            throw new SourceException("inventory manifest " + location + " (--inventory) does not exist", e);
        } catch (SourceException e) {
            throw e;
        } catch (IOException e) {
            throw new SourceException("cannot read inventory manifest " + location + " (--inventory): "
                    + Errors.oneLine(e), e);
        }
    }

    /** Parses a manifest read from {@code location} (a qualified URI: the report files are found from it). */
    public static InventoryManifest parse(String location, byte[] json) throws SourceException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw bad(location, "is not JSON (" + Errors.oneLine(e) + ")");
        }
        if (root == null || !root.isObject() || !root.path("files").isArray()) {
            throw bad(location, "has no files[] list");
        }
        return root.has("ruleDefinition") || root.has("destinationContainer") ? azure(location, root)
                : s3(location, root);
    }

    private static InventoryManifest s3(String location, JsonNode root) throws SourceException {
        Format format = format(location, root.path("fileFormat").asText(""));
        String schema = root.path("fileSchema").asText("");
        if (schema.isBlank()) {
            throw bad(location, "has no fileSchema");
        }
        List<String> columns = new ArrayList<>();
        Map<Field, String> fields = new EnumMap<>(Field.class);
        if (format == Format.CSV) {
            Arrays.stream(schema.split(",")).map(String::strip).forEach(columns::add);
            put(fields, columns, Field.BUCKET, "Bucket");
            put(fields, columns, Field.KEY, "Key");
            put(fields, columns, Field.SIZE, "Size");
            put(fields, columns, Field.MODIFIED, "LastModifiedDate");
            put(fields, columns, Field.ETAG, "ETag");
            put(fields, columns, Field.TIER, "StorageClass");
            put(fields, columns, Field.IS_LATEST, "IsLatest");
            put(fields, columns, Field.DELETED, "IsDeleteMarker");
        } else {
            // Parquet "message s3.inventory { required binary bucket (UTF8); ... }", ORC "struct<bucket:string,...>":
            // only the names matter, the files carry their types.
            for (String name : List.of("bucket", "key", "size", "last_modified_date", "e_tag", "storage_class",
                    "is_latest", "is_delete_marker")) {
                if (schema.matches("(?s).*\\b" + name + "\\b.*")) {
                    columns.add(name);
                }
            }
            put(fields, columns, Field.BUCKET, "bucket");
            put(fields, columns, Field.KEY, "key");
            put(fields, columns, Field.SIZE, "size");
            put(fields, columns, Field.MODIFIED, "last_modified_date");
            put(fields, columns, Field.ETAG, "e_tag");
            put(fields, columns, Field.TIER, "storage_class");
            put(fields, columns, Field.IS_LATEST, "is_latest");
            put(fields, columns, Field.DELETED, "is_delete_marker");
        }
        require(location, fields, Field.KEY, format == Format.CSV ? "Key" : "key");
        require(location, fields, Field.SIZE, format == Format.CSV ? "Size" : "size");
        List<String> files = new ArrayList<>();
        for (JsonNode f : root.path("files")) {
            String key = f.path("key").asText("");
            if (key.isEmpty()) {
                throw bad(location, "lists a file without its key");
            }
            files.add(resolve(location, key));
        }
        String bucket = root.path("sourceBucket").asText(null);
        return new InventoryManifest(Kind.S3, format, columns, fields, files, bytes(root), bucket);
    }

    private static InventoryManifest azure(String location, JsonNode root) throws SourceException {
        JsonNode rule = root.path("ruleDefinition");
        Format format = format(location, rule.path("format").asText(""));
        if (format == Format.ORC) {
            throw bad(location, "names format orc, which Azure Blob Inventory does not write (csv or parquet)");
        }
        List<String> columns = new ArrayList<>();
        rule.path("schemaFields").forEach(n -> columns.add(n.asText()));
        if (!"blob".equalsIgnoreCase(rule.path("objectType").asText("blob"))) {
            throw bad(location, "is a container inventory (objectType " + rule.path("objectType").asText()
                    + "); lakeshift needs a blob inventory");
        }
        Map<Field, String> fields = new EnumMap<>(Field.class);
        put(fields, columns, Field.KEY, "Name");
        put(fields, columns, Field.SIZE, "Content-Length");
        put(fields, columns, Field.MODIFIED, "Last-Modified");
        put(fields, columns, Field.ETAG, "Etag");
        put(fields, columns, Field.MD5, "Content-MD5");
        put(fields, columns, Field.TIER, "AccessTier");
        put(fields, columns, Field.IS_LATEST, "IsCurrentVersion");
        put(fields, columns, Field.DELETED, "Deleted");
        put(fields, columns, Field.FOLDER, "hdi_isfolder");
        require(location, fields, Field.KEY, "Name");
        require(location, fields, Field.SIZE, "Content-Length");
        List<String> files = new ArrayList<>();
        for (JsonNode f : root.path("files")) {
            String blob = f.path("blob").asText("");
            if (blob.isEmpty()) {
                throw bad(location, "lists a file without its blob path");
            }
            files.add(resolve(location, blob));
        }
        return new InventoryManifest(Kind.AZURE, format, columns, fields, files, bytes(root), null);
    }

    /**
     * Where a report file named by its path in the bucket (or container) is, given the manifest's URI: the path's
     * leading folders are looked for in the manifest's path (an S3 report file
     * {@code <prefix>/<bucket>/<config-ID>/data/x.csv.gz} beside {@code <prefix>/<bucket>/<config-ID>/<time>/manifest.json};
     * an Azure one {@code 2024/01/31/01-00-00/<rule>/<rule>_1.csv} beside its manifest in the same folders) and the
     * path is put there; with none shared, it is taken from the root of the manifest's store.
     */
    static String resolve(String manifest, String path) {
        URI uri = URI.create(manifest);
        String manifestPath = uri.getRawPath() == null ? "" : uri.getRawPath();
        List<String> mine = List.of(manifestPath.substring(manifestPath.startsWith("/") ? 1 : 0).split("/"));
        String[] theirs = (path.startsWith("/") ? path.substring(1) : path).split("/");
        int bestAt = -1;
        int bestLength = 0;
        for (int at = 0; at < mine.size() - 1; at++) {
            int n = 0;
            while (at + n < mine.size() - 1 && n < theirs.length - 1 && mine.get(at + n).equals(theirs[n])) {
                n++;
            }
            if (n > bestLength) {
                bestLength = n;
                bestAt = at;
            }
        }
        String base = uri.getScheme() + ":" + (uri.getRawAuthority() == null ? "" : "//" + uri.getRawAuthority()) + "/"
                + (bestAt <= 0 ? "" : String.join("/", mine.subList(0, bestAt)) + "/");
        return base + String.join("/", theirs);
    }

    private static long bytes(JsonNode root) {
        long bytes = 0;
        for (JsonNode f : root.path("files")) {
            bytes += Math.max(0, f.path("size").asLong(0));
        }
        return bytes;
    }

    private static void put(Map<Field, String> fields, List<String> columns, Field field, String name) {
        for (String c : columns) {
            if (c.equalsIgnoreCase(name)) {
                fields.put(field, c);
                return;
            }
        }
    }

    private static void require(String location, Map<Field, String> fields, Field field, String name)
            throws SourceException {
        if (!fields.containsKey(field)) {
            throw bad(location, "has no " + name + " field in its schema; the inventory must include it");
        }
    }

    private static Format format(String location, String name) throws SourceException {
        try {
            return Format.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw bad(location, "names format '" + name + "' (CSV, Parquet or ORC expected)");
        }
    }

    private static SourceException bad(String location, String what) {
        return new SourceException("inventory manifest " + location + " (--inventory) " + what);
    }
}
