package io.lakeshift.run;

import io.lakeshift.plan.Action;
import io.lakeshift.plan.Plan;
import io.lakeshift.plan.PlannedFile;
import io.lakeshift.io.Errors;
import io.lakeshift.io.Retry;
import io.lakeshift.source.Source;
import io.lakeshift.source.SourceChangedException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Before the copy starts, the driver reads the first byte of the smallest files the run will copy. A source that
 * lists but cannot be read (an S3 server that sends no ETags to a change-detecting S3A, GetObject not granted, a
 * KMS key refused) then stops the run with one message naming a file and the cause, instead of failing every file
 * one by one. One file refused among readable ones is that file's matter (the copy records it), so the run stops
 * only when none of the {@value #FILES} smallest can be read; files that changed or disappeared since the listing
 * prove nothing either way.
 */
final class SourceReadCheck {
    static final int FILES = 3;
    private static final Comparator<PlannedFile> SMALLEST = Comparator.comparingLong(PlannedFile::sourceSize)
            .thenComparing(PlannedFile::relativePath);

    private SourceReadCheck() {}

    /**
     * Reads the first byte of the smallest files to copy until one reads; nothing for a dry run, or when no file
     * with bytes is to be copied or checked.
     *
     * @throws JobException naming the first file that could not be read and why, when none could; nothing has
     *     been copied
     */
    static void run(Source source, Plan plan, boolean dryRun) {
        run(source, smallest(plan), dryRun);
    }

    /** The same, given the smallest files to read (from a plan held on the cluster). */
    static void run(Source source, List<PlannedFile> smallest, boolean dryRun) {
        if (dryRun) {
            return;
        }
        Retry retry = Retry.attempts(3);
        PlannedFile refused = null;
        Exception why = null;
        for (PlannedFile f : smallest) {
            try {
                retry.call(() -> {
                    try (InputStream in = source.open(f.source())) {
                        return in.read();
                    }
                });
                return;
            } catch (SourceChangedException e) {
                // Says nothing about the source; the copy records this file.
            } catch (IOException | RuntimeException e) {
                if (refused == null) {
                    refused = f;
                    why = e;
                }
            }
        }
        if (refused != null) {
            String uri = refused.source().uri();
            String message = Errors.oneLine(why);
            throw new JobException("the source cannot be read, nothing was copied: "
                    + (message.contains(uri) ? message : "reading " + uri + ": " + message), why);
        }
    }

    /** The smallest files with bytes that the run reads, smallest first. */
    static List<PlannedFile> smallest(Plan plan) {
        PriorityQueue<PlannedFile> largestFirst = new PriorityQueue<>(SMALLEST.reversed());
        for (List<PlannedFile> partition : plan.partitions()) {
            for (PlannedFile f : partition) {
                boolean reads = f.action().sendsBytes() || f.action() == Action.CHECK;
                if (reads && f.source() != null && f.sourceSize() > 0) {
                    largestFirst.add(f);
                    if (largestFirst.size() > FILES) {
                        largestFirst.poll();
                    }
                }
            }
        }
        List<PlannedFile> files = new ArrayList<>(largestFirst);
        files.sort(SMALLEST);
        return files;
    }
}
