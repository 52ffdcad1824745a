package io.lakeshift.job;

import io.lakeshift.model.ByteSize;
import io.lakeshift.log.LogTimes;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.Success$;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.util.LongAccumulator;
import scala.Tuple4;
import scala.collection.Iterator;
import scala.collection.Seq;

/**
 * The driver's progress line. Running tasks report their accumulators with each executor heartbeat, finished ones
 * at their end; a failed task's share is dropped, so a retried partition is not counted twice. For display only:
 * the run's results come back as data.
 */
final class ProgressTracker extends SparkListener implements AutoCloseable {
    private final long filesId;
    private final long bytesId;
    private final long totalFiles;
    private final long totalBytes;
    private final PrintStream out;
    private final long startNanos = System.nanoTime();
    private final Map<Long, long[]> running = new ConcurrentHashMap<>();
    private final Set<Long> ended = ConcurrentHashMap.newKeySet();
    private final AtomicLong doneFiles = new AtomicLong();
    private final AtomicLong doneBytes = new AtomicLong();
    private ScheduledExecutorService printer;

    ProgressTracker(LongAccumulator files, LongAccumulator bytes, long totalFiles, long totalBytes, PrintStream out) {
        this.filesId = files.id();
        this.bytesId = bytes.id();
        this.totalFiles = totalFiles;
        this.totalBytes = totalBytes;
        this.out = out;
    }

    void start(int intervalSeconds) {
        if (intervalSeconds <= 0) {
            return;
        }
        printer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lakeshift-progress");
            t.setDaemon(true);
            return t;
        });
        printer.scheduleAtFixedRate(() -> out.println(line()), intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
    }

    @Override
    public void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate update) {
        Iterator<Tuple4<Object, Object, Object, Seq<AccumulableInfo>>> it = update.accumUpdates().iterator();
        while (it.hasNext()) {
            Tuple4<Object, Object, Object, Seq<AccumulableInfo>> t = it.next();
            long taskId = (Long) t._1();
            long[] values = values(t._4());
            if (values != null && !ended.contains(taskId)) {
                running.put(taskId, values);
            }
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        long taskId = end.taskInfo().taskId();
        ended.add(taskId);
        running.remove(taskId);
        if (end.reason() == Success$.MODULE$) {
            long[] values = values(end.taskInfo().accumulables());
            if (values != null) {
                doneFiles.addAndGet(values[0]);
                doneBytes.addAndGet(values[1]);
            }
        }
    }

    /** Files and bytes done, as far as the driver knows. */
    long[] done() {
        long files = doneFiles.get();
        long bytes = doneBytes.get();
        for (long[] v : running.values()) {
            files += v[0];
            bytes += v[1];
        }
        return new long[] {files, bytes};
    }

    String line() {
        long[] done = done();
        return line(done[0], done[1], totalFiles, totalBytes, (System.nanoTime() - startNanos) / 1e9);
    }

    /**
     * The line for what is done after {@code seconds}: the share and the time left by bytes, or by files where
     * there are no bytes to send (zero-byte files, folder markers), so such a run's line still moves.
     */
    static String line(long doneFiles, long doneBytes, long totalFiles, long totalBytes, double seconds) {
        boolean byFiles = totalBytes == 0;
        double done = byFiles ? doneFiles : doneBytes;
        double total = byFiles ? totalFiles : totalBytes;
        double elapsed = Math.max(0.001, seconds);
        double pace = done / elapsed;
        String eta = pace > 0 ? LogTimes.runTime(Duration.ofSeconds((long) (Math.max(0, total - done) / pace))) : "?";
        return String.format(Locale.ROOT, "lakeshift: %,d/%,d files, %s/%s (%.0f%%), %s/s, ETA %s",
                doneFiles, totalFiles, ByteSize.format(doneBytes), ByteSize.format(totalBytes),
                total == 0 ? 100.0 : 100.0 * done / total, ByteSize.format((long) (doneBytes / elapsed)), eta);
    }

    private long[] values(Seq<AccumulableInfo> infos) {
        long[] v = null;
        Iterator<AccumulableInfo> it = infos.iterator();
        while (it.hasNext()) {
            AccumulableInfo info = it.next();
            if ((info.id() == filesId || info.id() == bytesId) && info.update().isDefined()) {
                v = v == null ? new long[2] : v;
                v[info.id() == filesId ? 0 : 1] = ((Number) info.update().get()).longValue();
            }
        }
        return v;
    }

    @Override
    public void close() {
        if (printer != null) {
            printer.shutdownNow();
        }
    }
}
