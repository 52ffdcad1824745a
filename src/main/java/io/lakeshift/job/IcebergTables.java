package io.lakeshift.job;

import io.lakeshift.table.TableReader;
import java.io.IOException;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The job's table reader for both formats: Delta Lake's and Iceberg's, each when it is on the classpath (both
 * provided dependencies). This class names no Iceberg class, so it loads without Iceberg.
 */
final class IcebergTables {
    private IcebergTables() {}

    /** Whether Apache Iceberg's Spark runtime is on the classpath. */
    static boolean present() {
        try {
            Class.forName("org.apache.iceberg.spark.actions.SparkActions", false, IcebergTables.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    static TableReader on(SparkSession spark, TableReader delta) {
        boolean present = present();
        return new TableReader() {
            @Override
            public DeltaVersion readDelta(String uri, Long version, Long timestampMillis, Map<String, String> hadoop)
                    throws IOException {
                return delta.readDelta(uri, version, timestampMillis, hadoop);
            }

            @Override
            public IcebergSnapshot readIceberg(String uri, String metadataFile, Long snapshotId, String targetUri,
                    String staging, Map<String, String> hadoop) throws IOException {
                if (!present) {
                    throw new IOException("Apache Iceberg is not on the classpath (spark-submit --packages"
                            + " org.apache.iceberg:iceberg-spark-runtime-3.5_2.12:1.10.0)");
                }
                return new IcebergRewriter(spark).rewrite(uri, metadataFile, snapshotId, targetUri, staging, hadoop);
            }
        };
    }
}
