package io.lakeshift.testing;

import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** One local[2] Spark session for every test in the JVM: starting Spark costs seconds. */
public final class SparkTestSession {
    /** The value of a secret Hadoop setting in every test run. */
    public static final String HADOOP_SECRET = "lakeshift-test-secret-7f3a9c2e41";
    private static SparkSession spark;

    private SparkTestSession() {}

    public static synchronized SparkSession get() {
        if (spark == null) {
            spark = SparkSession.builder()
                    .master("local[2,4]") // 2 cores; a failed task is tried up to 4 times, as on a cluster
                    .appName("lakeshift-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.ui.showConsoleProgress", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.hadoop.fs.file.impl", FaultyFileSystem.class.getName())
                    .config("spark.hadoop.fs.file.impl.disable.cache", "true")
                    // A credential every test run carries, so SecretsIT can show it never leaks.
                    .config("spark.hadoop.fs.s3a.secret.key", HADOOP_SECRET)
                    // Delta Lake 3.1 writes a table only in a session set up for it (DeltaTableIT); the job
                    // itself reads tables without either. Both are static: set for every test, they cost nothing
                    // until a Delta table is touched.
                    .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
                    .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
                    .getOrCreate();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> spark.stop()));
        }
        return spark;
    }

    /**
     * Runs {@code work} with Hadoop settings added to the shared session as {@code spark.hadoop.*} (as
     * {@code spark-submit --conf} sets them; a run reads them when it starts), and takes them away after.
     */
    public static <T> T withHadoopSettings(Map<String, String> settings, Callable<T> work) throws Exception {
        SparkConf conf = get().sparkContext().conf();
        settings.forEach((k, v) -> conf.set("spark.hadoop." + k, v));
        try {
            return work.call();
        } finally {
            settings.keySet().forEach(k -> conf.remove("spark.hadoop." + k));
        }
    }
}
