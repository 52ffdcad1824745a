package io.lakeshift.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.Test;

/** The console logging bin/lakeshift configures (conf/log4j2.properties), loaded as log4j loads it. */
class ConsoleLoggingTest {
    /** The message S3A 3.3.4's S3AInstrumentation.OutputStreamStatistics.close() warns with (format string). */
    private static final String PENDING = "Closing output stream statistics while data is still marked as pending"
            + " upload in {}";

    @Test
    void dropsOnlyS3asPendingUploadStatisticsWarning() {
        List<String> seen = logged(context -> {
            Logger s3a = context.getLogger("org.apache.hadoop.fs.s3a.S3AInstrumentation");
            s3a.warn(PENDING, "OutputStreamStatistics{blocksActive=0, bytesPendingUpload=2048}");
            s3a.warn("Unexpected failure of {}", "something real");
            s3a.error("an error");
            context.getLogger("org.apache.hadoop.fs.s3a.S3ABlockOutputStream").warn(PENDING, "another logger's");
        });
        assertTrue(seen.stream().noneMatch(l -> l.contains("S3AInstrumentation") && l.contains("pending upload")),
                "the statistics warning is dropped: " + seen);
        assertTrue(seen.contains("org.apache.hadoop.fs.s3a.S3AInstrumentation WARN Unexpected failure of"
                + " something real"), "its other warnings show: " + seen);
        assertTrue(seen.contains("org.apache.hadoop.fs.s3a.S3AInstrumentation ERROR an error"), seen.toString());
        assertEquals(1, seen.stream().filter(l -> l.startsWith("org.apache.hadoop.fs.s3a.S3ABlockOutputStream"))
                .count(), "the filter is on S3AInstrumentation only: " + seen);
    }

    /**
     * Spark 3.5.0's warnings as a MEMORY_AND_DISK block of an RDD goes to disk, word for word
     * (core/src/main/scala/org/apache/spark/storage/memory/MemoryStore.scala, putIterator: "Not enough space to
     * cache $blockId in memory! (computed ... so far)"; BlockManager.scala, doPutIterator: "Persisting block
     * $blockId to disk instead."; putIterator, when not even the initial unroll memory is granted, first "Failed to
     * reserve initial memory threshold of ... for computing block $blockId in memory.", then the same two): dropped
     * for RDD blocks; the stores' other warnings show.
     */
    @Test
    void dropsOnlySparksWarningsThatAnRddBlockGoesToDisk() {
        List<String> seen = logged(context -> {
            Logger memory = context.getLogger("org.apache.spark.storage.memory.MemoryStore");
            memory.warn("Not enough space to cache rdd_26_3 in memory! (computed 29.0 MiB so far)");
            memory.warn("Not enough space to cache broadcast_7 in memory! (computed 2.0 MiB so far)");
            memory.warn("Failed to reserve initial memory threshold of 1024.0 KiB for computing block rdd_19_38 in"
                    + " memory.");
            memory.warn("Failed to reserve initial memory threshold of 1024.0 KiB for computing block broadcast_7 in"
                    + " memory.");
            Logger blocks = context.getLogger("org.apache.spark.storage.BlockManager");
            blocks.warn("Persisting block rdd_26_3 to disk instead.");
            blocks.warn("Block rdd_26_3 could not be removed as it was not found on disk or in memory");
        });
        assertEquals(List.of(
                "org.apache.spark.storage.memory.MemoryStore WARN Not enough space to cache broadcast_7 in memory!"
                        + " (computed 2.0 MiB so far)",
                "org.apache.spark.storage.memory.MemoryStore WARN Failed to reserve initial memory threshold of"
                        + " 1024.0 KiB for computing block broadcast_7 in memory.",
                "org.apache.spark.storage.BlockManager WARN Block rdd_26_3 could not be removed as it was not found"
                        + " on disk or in memory"), seen);
    }

    /**
     * Start-up notices, with the message text of their sources: Spark 3.5.0
     * core/src/main/scala/org/apache/spark/util/Utils.scala, findLocalInetAddress ("Your hostname, " + host + "
     * resolves to a loopback address: " + address + "; using " + other + " instead (on interface " + name + ")",
     * then "Set SPARK_LOCAL_IP if you need to bind to another address"); hadoop-common 3.3.4 MetricsConfig.loadFirst
     * ("Cannot locate configuration: tried " + the file names); hadoop-aws 3.3.4
     * S3AFileSystem.getAmazonS3ClientForTesting ("Access to S3A client requested, reason {}"). Dropped; the same
     * loggers' other warnings, and S3A's note for any other caller, show.
     */
    @Test
    void dropsOnlyTheStartUpNoticesThatSayNothingAboutTheRun() {
        List<String> seen = logged(context -> {
            Logger utils = context.getLogger("org.apache.spark.util.Utils");
            utils.warn("Your hostname, vm resolves to a loopback address: 127.0.0.1; using 192.0.2.2 instead (on"
                    + " interface eth0)");
            utils.warn("Set SPARK_LOCAL_IP if you need to bind to another address");
            utils.warn("Service 'sparkDriver' could not bind on port 7077. Attempting port 7078.");
            Logger metrics = context.getLogger("org.apache.hadoop.metrics2.impl.MetricsConfig");
            metrics.warn("Cannot locate configuration: tried " + "hadoop-metrics2-s3a-file-system.properties,"
                    + "hadoop-metrics2.properties");
            metrics.warn("Metrics system not started: {}", "a real reason");
            Logger s3a = context.getLogger("org.apache.hadoop.fs.s3a.S3AFileSystem");
            s3a.warn("Access to S3A client requested, reason {}", "lakeshift: listing with storage classes, restores");
            s3a.warn("Access to S3A client requested, reason {}", "another tool");
        });
        assertEquals(List.of(
                "org.apache.spark.util.Utils WARN Service 'sparkDriver' could not bind on port 7077. Attempting port"
                        + " 7078.",
                "org.apache.hadoop.metrics2.impl.MetricsConfig WARN Metrics system not started: a real reason",
                "org.apache.hadoop.fs.s3a.S3AFileSystem WARN Access to S3A client requested, reason another tool"),
                seen);
    }

    /** What reaches the console when {@code log} logs through conf/log4j2.properties. */
    private static List<String> logged(java.util.function.Consumer<LoggerContext> log) {
        URI conf = Path.of(System.getProperty("basedir", "."), "conf", "log4j2.properties").toUri();
        LoggerContext context = new LoggerContext("console-logging-test");
        try {
            context.setConfigLocation(conf);
            Configuration config = context.getConfiguration();
            List<String> seen = new CopyOnWriteArrayList<>();
            AbstractAppender capture = new AbstractAppender("capture", null, null, true, Property.EMPTY_ARRAY) {
                @Override
                public void append(LogEvent event) {
                    seen.add(event.getLoggerName() + " " + event.getLevel() + " " + event.getMessage().getFormattedMessage());
                }
            };
            capture.start();
            config.addAppender(capture);
            config.getRootLogger().addAppender(capture, Level.ALL, null);
            context.updateLoggers();
            log.accept(context);
            return seen;
        } finally {
            context.stop();
        }
    }
}
