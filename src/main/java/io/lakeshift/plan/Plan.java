package io.lakeshift.plan;

import java.util.List;
import java.util.Map;

/**
 * The work of one run, spread over partitions balanced by bytes.
 *
 * @param partitions the work of each Spark partition
 * @param fileCount source files considered (bookkeeping files aside)
 * @param totalBytes their bytes
 * @param skipped bookkeeping files left out
 * @param byAction files and bytes per action: {count, bytes}
 * @param largest the largest files that may be sent
 * @param last work done only once all of {@code partitions} has succeeded (tables' logs), in partitions of its own
 */
public record Plan(List<List<PlannedFile>> partitions, long fileCount, long totalBytes, long skipped,
        Map<Action, long[]> byAction, List<PlannedFile> largest, List<List<PlannedFile>> last) {

    /** A plan done in one phase. */
    public Plan(List<List<PlannedFile>> partitions, long fileCount, long totalBytes, long skipped,
            Map<Action, long[]> byAction, List<PlannedFile> largest) {
        this(partitions, fileCount, totalBytes, skipped, byAction, largest, List.of());
    }

    public long count(Action a) {
        long[] c = byAction.get(a);
        return c == null ? 0 : c[0];
    }

    public long bytes(Action a) {
        long[] c = byAction.get(a);
        return c == null ? 0 : c[1];
    }

    /** Bytes that will be sent, counting files to be checked as sent. */
    public long bytesToSend() {
        return bytes(Action.COPY_NEW) + bytes(Action.COPY_UPDATE) + bytes(Action.CHECK);
    }
}
