package io.lakeshift.run;

import io.lakeshift.config.MigrationConfig;
import io.lakeshift.io.Futures;
import io.lakeshift.source.Source;
import io.lakeshift.source.Sources;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.FutureTask;

/**
 * The source opened on a thread of its own while Spark starts: its secrets resolved and its client built
 * ({@link Source#prepare}; for s3a:// the AWS SDK's first use), which on two cores overlaps Spark's own start
 * instead of following it. The run {@link #take}s it where it would have opened the source, so whatever opening
 * threw is thrown at the same point of the run.
 */
public final class SourceOpening {
    /** Nothing opened ahead: the run opens the source itself. */
    public static final SourceOpening NONE = new SourceOpening(null, null);

    private final Map<String, String> hadoop;
    private final FutureTask<Source> task;

    private SourceOpening(Map<String, String> hadoop, FutureTask<Source> task) {
        this.hadoop = hadoop;
        this.task = task;
    }

    /**
     * @param hadoop the {@code spark.hadoop.*} settings Spark is about to start with; a run whose cluster has
     *     others opens the source again with those
     */
    public static SourceOpening start(MigrationConfig config, Map<String, String> hadoop) {
        Map<String, String> settings = Map.copyOf(hadoop);
        FutureTask<Source> task = new FutureTask<>(() -> {
            Source source = Sources.open(config.source(), config.sources(), config.oci(), settings);
            source.prepare();
            return source;
        });
        Thread t = new Thread(task, "lakeshift-source-open");
        t.setDaemon(true); // a failed Spark start must not wait for it
        t.start();
        return new SourceOpening(settings, task);
    }

    /** The source opened with these settings: the one opened ahead if they are its own, else opened now. */
    Source take(MigrationConfig config, Map<String, String> hadoop) throws IOException {
        if (task == null || !this.hadoop.equals(hadoop)) {
            return Sources.open(config.source(), config.sources(), config.oci(), hadoop);
        }
        return Futures.get(task, "opening the source");
    }
}
