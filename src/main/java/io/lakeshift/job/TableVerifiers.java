package io.lakeshift.job;

import io.lakeshift.table.TableCheck;
import io.lakeshift.table.TableFormat;
import io.lakeshift.table.TableVerifier;
import java.util.EnumMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The job's table verifier: one per format, picked by the table's format. Delta's when Delta Lake is on the
 * classpath, Iceberg's when Iceberg's Spark runtime is. A format without one is reported as not verified.
 */
final class TableVerifiers {
    private TableVerifiers() {}

    static TableVerifier on(SparkSession spark) {
        Map<TableFormat, TableVerifier> verifiers = new EnumMap<>(TableFormat.class);
        if (DeltaTables.present()) {
            verifiers.put(TableFormat.DELTA, new DeltaVerifier(spark));
        }
        if (IcebergTables.present()) {
            verifiers.put(TableFormat.ICEBERG, new IcebergVerifier(spark));
        }
        return (copy, hadoop) -> {
            TableVerifier v = verifiers.get(copy.table().format());
            return v == null ? TableCheck.notVerified(copy, "no " + copy.table().format().label()
                    + " table verifier in this run" + (copy.table().format() == TableFormat.DELTA
                    ? " (Delta Lake is not on the classpath)" : " (Apache Iceberg is not on the classpath)"))
                    : v.verify(copy, hadoop);
        };
    }
}
