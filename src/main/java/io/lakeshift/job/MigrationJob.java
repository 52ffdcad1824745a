package io.lakeshift.job;

import io.lakeshift.config.MigrationConfig;
import io.lakeshift.io.Retry;
import io.lakeshift.log.RunSummary;
import io.lakeshift.model.TargetLocation;
import io.lakeshift.run.MigrationRun;
import io.lakeshift.run.SourceOpening;
import io.lakeshift.secrets.Secrets;
import java.io.IOException;
import java.io.PrintStream;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** A migration run on Spark: the session, and the run's flow ({@link MigrationRun}) on a {@link SparkCluster}. */
public final class MigrationJob {
    private final SparkSession spark;
    private final PrintStream out;

    public MigrationJob(SparkSession spark, PrintStream out) {
        this.spark = spark;
        this.out = out;
    }

    /** Runs the migration (or, with --dry-run, plans it); returns the summary also written to the log. */
    public RunSummary run(MigrationConfig config) throws IOException {
        return run(config, MigrationRun.checkTarget(config, Retry.attempts(config.transfer().maxAttempts())));
    }

    /** The same, with the target already checked and resolved ({@link MigrationRun#checkTarget}). */
    public RunSummary run(MigrationConfig config, TargetLocation target) throws IOException {
        return run(config, target, SourceOpening.NONE);
    }

    /** The same, with the source opened while Spark started ({@link #openSource}). */
    public RunSummary run(MigrationConfig config, TargetLocation target, SourceOpening source) throws IOException {
        return new MigrationRun(new SparkCluster(spark, config.runId(), out),
                IcebergTables.on(spark, DeltaTables.on(spark)), TableVerifiers.on(spark), out)
                .run(config, target, source);
    }

    /**
     * Opens the source on a thread of its own, with the {@code spark.hadoop.*} settings Spark is about to start
     * with, so that its client is built while Spark starts; call it just before {@link #withSpark}.
     */
    public static SourceOpening openSource(MigrationConfig config) {
        return SourceOpening.start(config, SparkCluster.hadoopProperties(new SparkConf()));
    }

    /** Work to do with a Spark session. */
    public interface SparkWork {
        int run(SparkSession spark) throws IOException;
    }

    /**
     * Runs with the session spark-submit (or a test) made, or with a local one made here and stopped after.
     */
    public static int withSpark(MigrationConfig config, SparkWork work) throws IOException {
        boolean existing = SparkSession.getActiveSession().isDefined() || SparkSession.getDefaultSession().isDefined();
        SparkConf conf = new SparkConf();
        SparkSession.Builder builder = SparkSession.builder().appName("lakeshift " + config.runId());
        if (!conf.contains("spark.master")) {
            String master = config.master() != null ? config.master() : "local[*]";
            builder.master(master).config("spark.ui.showConsoleProgress", "false");
            if (OwnJar.remote(master) && !conf.contains("spark.jars")) {
                builder.config("spark.jars", OwnJar.forExecutors(master)); // what spark-submit would ship
            }
            if (!OwnJar.remote(master) && !conf.contains("spark.ui.enabled")) {
                // A local run prints its own progress; the web UI's server and listeners cost start-up and CPU.
                builder.config("spark.ui.enabled", "false");
            }
        }
        if (!conf.contains("spark.redaction.regex")) {
            // Spark's default misses Azure account keys and SAS tokens in its UI, event log and config dumps.
            builder.config("spark.redaction.regex", Secrets.SECRET_NAME.pattern());
        }
        if (!conf.contains("spark.executor.heartbeatInterval")) {
            builder.config("spark.executor.heartbeatInterval", "3s");
        }
        SparkSession spark = builder.getOrCreate();
        try {
            return work.run(spark);
        } finally {
            if (!existing) {
                spark.stop();
            }
        }
    }
}
