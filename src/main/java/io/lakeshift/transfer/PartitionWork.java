package io.lakeshift.transfer;

import io.lakeshift.config.TransferSettings;
import io.lakeshift.log.MigrationRecord;
import io.lakeshift.plan.Action;
import io.lakeshift.plan.PlannedFile;
import io.lakeshift.target.ObjectSink;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Works through one partition's files. Files sent multipart go one at a time (their parts already go in
 * parallel); smaller files go up to {@code parallelFiles} at a time, because for them the round trips, not the
 * bytes, set the pace. Memory stays within the multipart bound: small files in flight together hold at most
 * {@code parallelParts × partSize} bytes (or one file, if a single one is larger).
 */
public final class PartitionWork {
    /** Opens a sink for one worker: a sink does one upload at a time. */
    @FunctionalInterface
    public interface SinkOpener {
        ObjectSink open() throws IOException;
    }

    private static final int KIB = 1024;

    private final SinkOpener sinks;
    private final Function<ObjectSink, FileTransfer> transfers;
    private final TransferSettings settings;

    public PartitionWork(SinkOpener sinks, Function<ObjectSink, FileTransfer> transfers, TransferSettings settings) {
        this.sinks = sinks;
        this.transfers = transfers;
        this.settings = settings;
    }

    /** Says, just before a file would start, whether it may (a --max-duration deadline). */
    @FunctionalInterface
    public interface Gate {
        Gate OPEN = f -> true;

        boolean mayStart(PlannedFile f);
    }

    /** Processes every file; {@code done} is called once per file, never by two threads at once. */
    public void run(List<PlannedFile> files, BiConsumer<PlannedFile, MigrationRecord> done) throws IOException {
        run(files, done, Gate.OPEN, f -> { });
    }

    /**
     * Processes each file the gate lets start, and hands each other one to {@code notStarted} (no record: the next
     * run picks it up). Both callbacks are called once per file, never by two threads at once.
     */
    public void run(List<PlannedFile> files, BiConsumer<PlannedFile, MigrationRecord> done, Gate gate,
            Consumer<PlannedFile> notStarted) throws IOException {
        List<PlannedFile> small = new ArrayList<>();
        try (ObjectSink sink = sinks.open()) {
            FileTransfer transfer = transfers.apply(sink);
            for (PlannedFile f : files) {
                if (settings.parallelFiles() > 1 && !isMultipart(f)) {
                    small.add(f);
                } else if (gate.mayStart(f)) {
                    done.accept(f, transfer.process(f));
                } else {
                    notStarted.accept(f);
                }
            }
        }
        // After the multipart files' sink is closed and its part buffers are free.
        if (!small.isEmpty()) {
            runConcurrently(small, done, gate, notStarted);
        }
    }

    private boolean isMultipart(PlannedFile f) {
        return f.source() != null && f.sourceSize() >= settings.multipartThreshold();
    }

    private void runConcurrently(List<PlannedFile> files, BiConsumer<PlannedFile, MigrationRecord> done, Gate gate,
            Consumer<PlannedFile> notStarted) throws IOException {
        int workers = Math.min(settings.parallelFiles(), files.size());
        long budgetBytes = Math.max(settings.parallelParts() * settings.partSize(), settings.multipartThreshold());
        int budget = (int) Math.min(Integer.MAX_VALUE, Math.max(1, budgetBytes / KIB));
        Semaphore memory = new Semaphore(budget);
        List<ObjectSink> opened = new ArrayList<>();
        ObjectSink probe = sinks.open(); // only asked what a file holds in memory
        opened.add(probe);
        ThreadLocal<FileTransfer> perWorker = new ThreadLocal<>();
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "lakeshift-file-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Object lock = new Object();
        List<Future<?>> running = new ArrayList<>();
        try {
            for (PlannedFile f : files) {
                int permits = (int) Math.min(budget, Math.max(1, (weight(f, probe) + KIB - 1) / KIB));
                memory.acquire(permits);
                running.add(pool.submit(() -> {
                    try {
                        if (!gate.mayStart(f)) { // asked when a worker takes it up, not when it was queued
                            synchronized (lock) {
                                notStarted.accept(f);
                            }
                            return null;
                        }
                        FileTransfer transfer = perWorker.get();
                        if (transfer == null) {
                            ObjectSink sink = sinks.open();
                            synchronized (opened) {
                                opened.add(sink);
                            }
                            transfer = transfers.apply(sink);
                            perWorker.set(transfer);
                        }
                        MigrationRecord r = transfer.process(f);
                        synchronized (lock) {
                            done.accept(f, r);
                        }
                    } finally {
                        memory.release(permits);
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while copying files");
        } catch (ExecutionException e) {
            // FileTransfer turns a file's own trouble into a failed record: what lands here broke the task itself.
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IOException("a file worker of this task failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
            synchronized (opened) {
                opened.forEach(ObjectSink::close);
            }
        }
    }

    /** Bytes a file holds in memory while it is sent. */
    private static long weight(PlannedFile f, ObjectSink sink) {
        return f.action().sendsBytes() || f.action() == Action.CHECK ? sink.memoryFor(f.sourceSize()) : 0;
    }
}
