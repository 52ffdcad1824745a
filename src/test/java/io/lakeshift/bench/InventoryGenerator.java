package io.lakeshift.bench;

import io.lakeshift.testing.Inventories;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A large synthetic S3 Inventory (Parquet, S3's snake-case columns) for the plan benchmark ({@code --inventory}):
 * {@code objects} rows generated on the executors from {@code spark.range} (never held by the driver), named
 * {@code <prefix>t/p=<n % 1000>/f-<n>.bin}, sizes 1,000 to 5,999 bytes, one modification time per millisecond, an
 * MD5-shaped ETag ({@code md5} of the row's number as text), STANDARD storage class ({@code --sizes zero}: every
 * size 0, for a target seeded with the same objects in memory); written as {@code files} report files plus {@code manifest.json}, laid
 * out as S3 lays them out ({@link Inventories#s3}). Prints the manifest's path.
 *
 * <p>Args: {@code [--objects 1000000] [--files 16] [--bucket lake] [--prefix raw/] [--out target/bench/inventory]
 * [--master local[2]] [--sizes mixed|zero]}. 10M rows take about ten times as long as 1M; run them on a machine with time to spare.
 */
public final class InventoryGenerator {
    private InventoryGenerator() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>(Map.of("objects", "1000000", "files", "16", "bucket", "lake",
                "prefix", "raw/", "out", "target/bench/inventory", "master", "local[2]", "sizes", "mixed"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        long objects = Long.parseLong(opt.get("objects"));
        Path out = Path.of(opt.get("out"), opt.get("objects")).toAbsolutePath();
        Files.createDirectories(out);
        SparkSession spark = SparkSession.builder().master(opt.get("master")).appName("inventory-generator")
                .config("spark.ui.enabled", "false").getOrCreate();
        try {
            Path manifest = Inventories.s3(out, opt.get("bucket"), rows(spark, opt.get("bucket"), opt.get("prefix"),
                    objects, "zero".equals(opt.get("sizes"))), Inventories.Format.PARQUET, Integer.parseInt(opt.get("files")));
            System.out.println(manifest);
        } finally {
            spark.stop();
        }
    }

    /** Row {@code id}'s object, below the prefix (as {@link #rows} names it). */
    static String relative(long id) {
        return "t/p=" + id % 1000 + "/f-" + id + ".bin";
    }

    /** Row {@code id}'s ETag (as {@link #rows} writes it: Spark's md5 of the number's text, lower-case hex). */
    static String etag(long id) {
        return java.util.HexFormat.of().formatHex(io.lakeshift.verify.Md5.newDigest()
                .digest(Long.toString(id).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Row {@code id}'s modification time in epoch milliseconds (as {@link #rows} writes it). */
    static long modified(long id) {
        return 1700000000000L + id;
    }

    /** The report's rows, computed where Spark runs them; keep {@link #relative}, {@link #etag}, {@link #modified} in step. */
    static Dataset<Row> rows(SparkSession spark, String bucket, String prefix, long objects, boolean empty) {
        return spark.range(objects).selectExpr(
                "'" + bucket + "' as bucket",
                "concat('" + prefix + "t/p=', cast(id % 1000 as string), '/f-', cast(id as string), '.bin') as key",
                (empty ? "0L" : "1000 + id % 5000") + " as size",
                "timestamp_millis(1700000000000 + id) as last_modified_date",
                "md5(cast(id as string)) as e_tag",
                "'STANDARD' as storage_class");
    }
}
