package io.lakeshift.testing;

import org.apache.spark.sql.SparkSession;

/** One local[2] Spark session for every test in the JVM: starting Spark costs seconds. */
public final class SparkTestSession {
    private static SparkSession spark;

    private SparkTestSession() {}

    public static synchronized SparkSession get() {
        if (spark == null) {
            spark = SparkSession.builder()
                    .master("local[2]")
                    .appName("lakeshift-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.ui.showConsoleProgress", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.task.maxFailures", "1")
                    .config("spark.hadoop.fs.file.impl", FaultyFileSystem.class.getName())
                    .config("spark.hadoop.fs.file.impl.disable.cache", "true")
                    .getOrCreate();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> spark.stop()));
        }
        return spark;
    }
}
