package io.lakeshift.testing;

import org.apache.spark.sql.SparkSession;

/**
 * Run in a child JVM on a peer runtime (Spark, Iceberg's Spark runtime, Oracle's oci-hdfs-connector:
 * bench/peers/dataflow-delta): opens each Iceberg table given by its folder (as readers do without a catalog:
 * through its {@code metadata/version-hint.text}) and prints, per table, {@code FINGERPRINT <uri> <rows> rows,
 * checksum ..., columns ...} ({@link DeltaReadBack#fingerprint}), or {@code UNREADABLE <uri> <why>} when it cannot be
 * read. It touches nothing of lakeshift's. Hadoop settings come as {@code spark.hadoop.*} system properties.
 */
public final class IcebergReadBack {
    private IcebergReadBack() {}

    public static void main(String[] args) {
        SparkSession spark = SparkSession.builder().master("local[1]").appName("iceberg-read-back")
                .config("spark.ui.enabled", "false")
                // Iceberg's source opens a table by path through this catalog (a Hive one unless named).
                .config("spark.sql.catalog.default_iceberg", "org.apache.iceberg.spark.SparkCatalog")
                .config("spark.sql.catalog.default_iceberg.type", "hadoop")
                .config("spark.sql.catalog.default_iceberg.warehouse",
                        "file:" + System.getProperty("java.io.tmpdir") + "/iceberg-read-back")
                .getOrCreate();
        try {
            for (String uri : args) {
                try {
                    System.out.println("FINGERPRINT " + uri + " "
                            + DeltaReadBack.fingerprint(spark.read().format("iceberg").load(uri)));
                } catch (Exception e) {
                    StringBuilder why = new StringBuilder();
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        why.append(" | ").append(t);
                    }
                    System.out.println("UNREADABLE " + uri + why.toString().replace('\n', ' '));
                }
            }
        } finally {
            spark.stop();
        }
    }
}
