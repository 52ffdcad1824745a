package io.lakeshift.testing;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Run in a child JVM on a peer runtime (Spark, Delta Lake, Oracle's oci-hdfs-connector: bench/peers/dataflow-delta):
 * reads Delta tables at a version and prints one line for each, {@code FINGERPRINT <uri> <rows> rows, checksum <sum
 * of xxhash64 of every row>, columns <names>}: the same as {@link #fingerprint} prints in the tests' own JVM. It
 * touches nothing of lakeshift's. Arguments: the version, then the tables' URIs; Hadoop settings come as
 * {@code spark.hadoop.*} system properties.
 */
public final class DeltaReadBack {
    private DeltaReadBack() {}

    public static void main(String[] args) {
        SparkSession spark = SparkSession.builder().master("local[1]").appName("delta-read-back")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
                .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
                .getOrCreate();
        try {
            for (int i = 1; i < args.length; i++) {
                Dataset<Row> t = spark.read().format("delta").option("versionAsOf", Long.parseLong(args[0]))
                        .load(args[i]);
                System.out.println("FINGERPRINT " + args[i] + " " + fingerprint(t));
            }
        } finally {
            spark.stop();
        }
    }

    /** Row count and an order-independent checksum of every column, with the column names. */
    public static String fingerprint(Dataset<Row> t) {
        Row r = t.selectExpr("count(*)", "sum(xxhash64(*))").first();
        return r.getLong(0) + " rows, checksum " + r.get(1) + ", columns " + String.join(",", t.columns());
    }
}
