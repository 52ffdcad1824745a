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
            config.getLoggerConfig("org.apache.hadoop.fs.s3a.S3AInstrumentation").addAppender(capture, Level.ALL, null);
            context.updateLoggers();

            Logger s3a = context.getLogger("org.apache.hadoop.fs.s3a.S3AInstrumentation");
            s3a.warn(PENDING, "OutputStreamStatistics{blocksActive=0, bytesPendingUpload=2048}");
            s3a.warn("Unexpected failure of {}", "something real");
            s3a.error("an error");
            context.getLogger("org.apache.hadoop.fs.s3a.S3ABlockOutputStream").warn(PENDING, "another logger's");

            assertTrue(seen.stream().noneMatch(l -> l.contains("S3AInstrumentation") && l.contains("pending upload")),
                    "the statistics warning is dropped: " + seen);
            assertTrue(seen.contains("org.apache.hadoop.fs.s3a.S3AInstrumentation WARN Unexpected failure of"
                    + " something real"), "its other warnings show: " + seen);
            assertTrue(seen.contains("org.apache.hadoop.fs.s3a.S3AInstrumentation ERROR an error"), seen.toString());
            assertEquals(1, seen.stream().filter(l -> l.startsWith("org.apache.hadoop.fs.s3a.S3ABlockOutputStream"))
                    .count(), "the filter is on S3AInstrumentation only: " + seen);
        } finally {
            context.stop();
        }
    }
}
