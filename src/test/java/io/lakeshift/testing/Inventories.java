package io.lakeshift.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Writes inventory reports in the stores' own formats, with Spark, for tests and the plan benchmark: the report
 * files and their manifest, laid out as the stores lay them out.
 * <ul>
 *   <li>S3 Inventory (AWS, "Locating your inventory list" and "Amazon S3 Inventory",
 *       https://docs.aws.amazon.com/AmazonS3/latest/userguide/storage-inventory-location.html): report files under
 *       {@code <prefix>/<bucket>/<config-ID>/data/}, {@code manifest.json} under
 *       {@code <prefix>/<bucket>/<config-ID>/YYYY-MM-DDTHH-MMZ/} with sourceBucket, destinationBucket, version
 *       2016-11-30, creationTimestamp, fileFormat, fileSchema and files[] (key, size, MD5checksum). CSV: gzip, no
 *       header, every value quoted, keys URL-encoded, LastModifiedDate ISO-8601; Parquet and ORC: the snake-case
 *       columns, size a number, last_modified_date a timestamp;</li>
 *   <li>Azure Blob Inventory (Microsoft, "Azure Storage blob inventory",
 *       https://learn.microsoft.com/azure/storage/blobs/blob-inventory): report files and
 *       {@code <rule>-manifest.json} under {@code YYYY/MM/DD/HH-MM-SS/<rule>/} of the destination container; the
 *       manifest with destinationContainer, endpoint, files[] (blob, size), ruleDefinition (format, objectType blob,
 *       schemaFields), ruleName, status; CSV with a header row, Name the container and blob path.</li>
 * </ul>
 */
public final class Inventories {
    private Inventories() {}

    /** One object of an inventory. */
    public record Entry(String bucket, String key, long size, long modified, String etag, String md5, String tier) {
        public static Entry of(String bucket, String key, long size, long modified) {
            return new Entry(bucket, key, size, modified, null, null, null);
        }
    }

    /** S3 report formats: CSV, Parquet, ORC. */
    public enum Format { CSV, PARQUET, ORC }

    /** The CSV fileSchema S3 writes (the fields a configuration picks, in its order). */
    public static final String S3_CSV_SCHEMA = "Bucket, Key, Size, LastModifiedDate, ETag, StorageClass";
    static final String S3_PARQUET_SCHEMA = "message s3.inventory { required binary bucket (UTF8); required binary"
            + " key (UTF8); optional int64 size; optional int64 last_modified_date (TIMESTAMP_MILLIS); optional"
            + " binary e_tag (UTF8); optional binary storage_class (UTF8);}";
    static final String S3_ORC_SCHEMA = "struct<bucket:string,key:string,size:bigint,last_modified_date:timestamp,"
            + "e_tag:string,storage_class:string>";

    /**
     * Writes an S3 Inventory of {@code entries} into {@code destination} (standing for the destination bucket's
     * root), in {@code files} report files; returns the manifest.
     */
    public static Path s3(SparkSession spark, Path destination, String bucket, List<Entry> entries, Format format,
            int files) throws IOException {
        String base = "inventory/" + bucket + "/lakeshift-test";
        Dataset<Row> rows;
        if (format == Format.CSV) {
            StructType schema = new StructType().add("Bucket", DataTypes.StringType).add("Key", DataTypes.StringType)
                    .add("Size", DataTypes.StringType).add("LastModifiedDate", DataTypes.StringType)
                    .add("ETag", DataTypes.StringType).add("StorageClass", DataTypes.StringType);
            rows = spark.createDataFrame(entries.stream().map(e -> RowFactory.create(e.bucket(),
                    URLEncoder.encode(e.key(), StandardCharsets.UTF_8), Long.toString(e.size()),
                    Instant.ofEpochMilli(e.modified()).toString(), e.etag(),
                    e.tier() == null ? "STANDARD" : e.tier())).toList(), schema);
        } else {
            StructType schema = new StructType().add("bucket", DataTypes.StringType).add("key", DataTypes.StringType)
                    .add("size", DataTypes.LongType).add("last_modified_date", DataTypes.TimestampType)
                    .add("e_tag", DataTypes.StringType).add("storage_class", DataTypes.StringType);
            rows = spark.createDataFrame(entries.stream().map(e -> RowFactory.create(e.bucket(), e.key(), e.size(),
                    new Timestamp(e.modified()), e.etag(), e.tier() == null ? "STANDARD" : e.tier())).toList(),
                    schema);
        }
        return s3(destination, bucket, rows, format, files);
    }

    /**
     * Writes an S3 Inventory of {@code rows} (the report's columns already: Bucket, Key, Size, LastModifiedDate,
     * ETag, StorageClass as text for CSV, the snake-case typed columns for Parquet and ORC) into
     * {@code destination}, in {@code files} report files; returns the manifest. The rows stay on the executors.
     */
    public static Path s3(Path destination, String bucket, Dataset<Row> rows, Format format, int files)
            throws IOException {
        String base = "inventory/" + bucket + "/lakeshift-test";
        String extension = switch (format) {
            case CSV -> ".csv.gz";
            case PARQUET -> ".parquet";
            case ORC -> ".orc";
        };
        List<String> keys = write(rows, format, files, destination, base + "/data", extension);
        String schema = switch (format) {
            case CSV -> S3_CSV_SCHEMA;
            case PARQUET -> S3_PARQUET_SCHEMA;
            case ORC -> S3_ORC_SCHEMA;
        };
        StringBuilder json = new StringBuilder("{\n  \"sourceBucket\" : \"" + bucket + "\",\n"
                + "  \"destinationBucket\" : \"arn:aws:s3:::inventory-destination\",\n"
                + "  \"version\" : \"2016-11-30\",\n  \"creationTimestamp\" : \"1764547200000\",\n"
                + "  \"fileFormat\" : \"" + (format == Format.CSV ? "CSV" : format == Format.PARQUET ? "Parquet" : "ORC")
                + "\",\n  \"fileSchema\" : \"" + schema + "\",\n  \"files\" : [");
        for (int i = 0; i < keys.size(); i++) {
            long size = Files.size(destination.resolve(keys.get(i)));
            json.append(i == 0 ? "" : ",").append("\n    { \"key\" : \"").append(keys.get(i))
                    .append("\", \"size\" : ").append(size).append(", \"MD5checksum\" : \"")
                    .append(md5(destination.resolve(keys.get(i)))).append("\" }");
        }
        json.append("\n  ]\n}\n");
        Path manifest = destination.resolve(base + "/2026-12-01T00-00Z/manifest.json");
        Files.createDirectories(manifest.getParent());
        return Files.writeString(manifest, json);
    }

    /**
     * Writes an Azure Blob Inventory of {@code entries} (their bucket is the container) into {@code destination}
     * (the destination container's root), CSV or Parquet; returns the manifest.
     */
    public static Path azure(SparkSession spark, Path destination, List<Entry> entries, Format format)
            throws IOException {
        String rule = "lakeshift-rule";
        String folder = "2026/12/01/00-00-00/" + rule;
        StructType schema = new StructType().add("Name", DataTypes.StringType)
                .add("Creation-Time", DataTypes.StringType).add("Last-Modified", DataTypes.StringType)
                .add("Content-Length", DataTypes.LongType).add("Content-MD5", DataTypes.StringType)
                .add("BlobType", DataTypes.StringType).add("AccessTier", DataTypes.StringType);
        Dataset<Row> rows = spark.createDataFrame(entries.stream().map(e -> RowFactory.create(
                e.bucket() == null ? e.key() : e.bucket() + "/" + e.key(), Instant.ofEpochMilli(e.modified()).toString(),
                Instant.ofEpochMilli(e.modified()).toString(), e.size(), e.md5(), "BlockBlob",
                e.tier() == null ? "Hot" : e.tier())).toList(), schema);
        List<String> blobs = write(rows, format, 1, destination, folder, format == Format.CSV ? ".csv" : ".parquet");
        StringBuilder json = new StringBuilder("{\n  \"destinationContainer\" : \"inventory\",\n"
                + "  \"endpoint\" : \"https://lakeshift.blob.core.windows.net\",\n  \"files\" : [");
        for (int i = 0; i < blobs.size(); i++) {
            json.append(i == 0 ? "" : ",").append("\n    { \"blob\" : \"").append(blobs.get(i)).append("\", \"size\" : ")
                    .append(Files.size(destination.resolve(blobs.get(i)))).append(" }");
        }
        json.append("\n  ],\n  \"inventoryCompletionTime\" : \"2026-12-01T00:10:00Z\",\n"
                + "  \"inventoryStartTime\" : \"2026-12-01T00:00:00Z\",\n  \"ruleDefinition\" : {\n"
                + "    \"filters\" : { \"blobTypes\" : [ \"blockBlob\" ] },\n    \"format\" : \""
                + (format == Format.CSV ? "csv" : "parquet") + "\",\n    \"objectType\" : \"blob\",\n"
                + "    \"schedule\" : \"daily\",\n    \"schemaFields\" : [ \"Name\", \"Creation-Time\", \"Last-Modified\","
                + " \"Content-Length\", \"Content-MD5\", \"BlobType\", \"AccessTier\" ]\n  },\n"
                + "  \"ruleName\" : \"" + rule + "\",\n  \"status\" : \"Succeeded\",\n"
                + "  \"summary\" : { \"objectCount\" : " + entries.size() + " },\n  \"version\" : \"1.0\"\n}\n");
        return Files.writeString(destination.resolve(folder + "/" + rule + "-manifest.json"), json);
    }

    /** A file's MD5 in hex (the manifest's MD5checksum), streamed: report files can be large. */
    private static String md5(Path file) throws IOException {
        try (var in = new java.security.DigestInputStream(Files.newInputStream(file),
                java.security.MessageDigest.getInstance("MD5"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return java.util.HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the rows as {@code files} report files named {@code <folder>/<n><extension>}; returns their paths. */
    private static List<String> write(Dataset<Row> rows, Format format, int files, Path destination, String folder,
            String extension) throws IOException {
        Files.createDirectories(destination);
        Path staging = Files.createTempDirectory(destination, ".staging");
        var writer = rows.repartition(files).write().mode(SaveMode.Overwrite);
        String out = staging.resolve("out").toString();
        switch (format) {
            case CSV -> writer.option("header", String.valueOf(!extension.endsWith(".gz"))).option("quoteAll", "true")
                    .option("escape", "\"").option("compression", extension.endsWith(".gz") ? "gzip" : "none").csv(out);
            case PARQUET -> writer.parquet(out);
            case ORC -> writer.orc(out);
        }
        Files.createDirectories(destination.resolve(folder));
        List<String> names = new ArrayList<>();
        try (Stream<Path> parts = Files.list(staging.resolve("out"))) {
            for (Path part : parts.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
                String name = folder + "/" + String.format("%04d", names.size()) + extension;
                Files.move(part, destination.resolve(name));
                names.add(name);
            }
        }
        try (Stream<Path> left = Files.walk(staging)) {
            left.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return names;
    }
}
