package io.lakeshift.job;

import io.lakeshift.table.TableReader;
import java.io.IOException;
import org.apache.spark.sql.SparkSession;

/**
 * The job's table reader: Delta Lake's, when it is on the classpath (a provided dependency: Data Flow, Databricks
 * and spark-submit --packages bring it). This class names no Delta class, so it loads without Delta Lake.
 */
final class DeltaTables {
    private DeltaTables() {}

    /** Delta Lake's reader, or one whose every read says Delta Lake is missing. */
    static TableReader on(SparkSession spark) {
        if (!present()) {
            return (uri, version, time, hadoop) -> {
                throw new IOException("Delta Lake is not on the classpath (spark-submit --packages"
                        + " io.delta:delta-spark_2.12:3.1.0)");
            };
        }
        return new DeltaLogReader(spark);
    }

    /** Whether Delta Lake is on the classpath. */
    static boolean present() {
        try {
            Class.forName("org.apache.spark.sql.delta.DeltaLog", false, DeltaTables.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
