package io.lakeshift.job;

import io.lakeshift.config.CheckConfig;
import io.lakeshift.log.CheckSummary;
import io.lakeshift.model.TargetLocation;
import io.lakeshift.run.CheckRun;
import java.io.IOException;
import java.io.PrintStream;
import org.apache.spark.sql.SparkSession;

/** {@code lakeshift check} on Spark: the check's flow ({@link CheckRun}) on a {@link SparkCluster}. */
public final class CheckJob {
    private final SparkSession spark;
    private final PrintStream out;

    public CheckJob(SparkSession spark, PrintStream out) {
        this.spark = spark;
        this.out = out;
    }

    /** Compares source and target; returns the summary also written to the log. */
    public CheckSummary run(CheckConfig config, TargetLocation target) throws IOException {
        return new CheckRun(new SparkCluster(spark, config.run().runId(), out), out).run(config, target);
    }
}
