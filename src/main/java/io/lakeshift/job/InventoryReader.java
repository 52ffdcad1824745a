package io.lakeshift.job;

import io.lakeshift.io.Errors;
import io.lakeshift.model.SourceFile;
import io.lakeshift.plan.Planner;
import io.lakeshift.source.InventoryManifest;
import io.lakeshift.source.InventoryManifest.Field;
import io.lakeshift.source.InventoryRows;
import io.lakeshift.source.SourceException;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * An inventory report's files ({@code --inventory}) read with Spark's CSV, Parquet and ORC readers on the
 * executors, each row made a {@link SourceFile} of the source there ({@link InventoryRows}). Two entry points:
 * {@link #files} (an RDD, for planning on the cluster) and {@link #forEach} (the files streamed to the driver a
 * partition at a time, for the driver's planner: its memory holds one small partition, never the report).
 */
public final class InventoryReader {
    /** Report bytes per partition on the driver's path: about 100k rows of a gzip CSV or a Parquet report. */
    static final long BYTES_PER_LOCAL_PARTITION = 4L << 20;

    private InventoryReader() {}

    /**
     * The source's files the report lists, on the cluster.
     *
     * @param hadoopProperties Hadoop settings for reading the report files (an s3a:// report's --s3-* settings)
     */
    public static JavaRDD<SourceFile> files(SparkSession spark, InventoryManifest manifest, String sourceRoot,
            Map<String, String> hadoopProperties) {
        if (manifest.files().isEmpty()) {
            return JavaRDD.fromRDD(spark.sparkContext().emptyRDD(
                    scala.reflect.ClassTag$.MODULE$.apply(SourceFile.class)),
                    scala.reflect.ClassTag$.MODULE$.apply(SourceFile.class));
        }
        Dataset<Row> rows = report(spark, manifest, hadoopProperties);
        StructType schema = rows.schema();
        int[] at = new int[Field.values().length];
        for (Field f : Field.values()) {
            at[f.ordinal()] = index(schema, manifest.fields().get(f));
        }
        InventoryRows mapper = new InventoryRows(manifest, sourceRoot);
        return rows.javaRDD().map(row -> toFile(mapper, at, row)).filter(Objects::nonNull);
    }

    /**
     * The source's files the report lists, handed to {@code sink} on the driver one partition at a time.
     *
     * @throws SourceException naming the manifest when a report file cannot be read or holds a bad row
     */
    public static void forEach(SparkSession spark, InventoryManifest manifest, String manifestLocation,
            String sourceRoot, Map<String, String> hadoopProperties, Consumer<SourceFile> sink) throws SourceException {
        JavaRDD<SourceFile> files = files(spark, manifest, sourceRoot, hadoopProperties);
        // A gzip CSV is one partition per file, however large: spread so that one partition's rows stay small.
        int partitions = (int) Math.min(Planner.MAX_PARTITIONS, Math.max(files.getNumPartitions(),
                manifest.bytes() / BYTES_PER_LOCAL_PARTITION + 1));
        if (partitions > files.getNumPartitions()) {
            files = files.repartition(partitions);
        }
        try {
            Iterator<SourceFile> it = files.toLocalIterator();
            it.forEachRemaining(sink);
        } catch (RuntimeException e) {
            throw new SourceException("cannot read the inventory " + manifestLocation + " (--inventory): "
                    + Errors.oneLine(rootCause(e)), e);
        }
    }

    private static Dataset<Row> report(SparkSession spark, InventoryManifest manifest,
            Map<String, String> hadoopProperties) {
        DataFrameReader reader = spark.read().options(hadoopProperties);
        String[] paths = manifest.files().toArray(String[]::new);
        return switch (manifest.format()) {
            case PARQUET -> reader.parquet(paths);
            case ORC -> reader.orc(paths);
            case CSV -> {
                reader = reader.option("quote", "\"").option("escape", "\"").option("mode", "FAILFAST");
                if (manifest.kind() == InventoryManifest.Kind.S3) {
                    // S3's CSV has no header: the manifest's fileSchema names the columns, in order.
                    StructType schema = new StructType(manifest.columns().stream()
                            .map(c -> DataTypes.createStructField(c, DataTypes.StringType, true))
                            .toArray(StructField[]::new));
                    yield reader.schema(schema).option("header", "false").csv(paths);
                }
                yield reader.option("header", "true").csv(paths);
            }
        };
    }

    private static SourceFile toFile(InventoryRows mapper, int[] at, Row row) {
        String key = text(row, at[Field.KEY.ordinal()]);
        try {
            return mapper.toFile(text(row, at[Field.BUCKET.ordinal()]), key, value(row, at[Field.SIZE.ordinal()]),
                    value(row, at[Field.MODIFIED.ordinal()]), text(row, at[Field.ETAG.ordinal()]),
                    text(row, at[Field.MD5.ordinal()]), text(row, at[Field.TIER.ordinal()]),
                    value(row, at[Field.IS_LATEST.ordinal()]), value(row, at[Field.DELETED.ordinal()]),
                    value(row, at[Field.FOLDER.ordinal()]));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("inventory row for '" + key + "' cannot be read: " + e.getMessage(), e);
        }
    }

    private static int index(StructType schema, String name) {
        if (name == null) {
            return -1;
        }
        String[] names = schema.fieldNames();
        for (int i = 0; i < names.length; i++) {
            if (names[i].equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private static Object value(Row row, int i) {
        return i < 0 || row.isNullAt(i) ? null : row.get(i);
    }

    private static String text(Row row, int i) {
        Object v = value(row, i);
        return v == null ? null : v.toString();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
