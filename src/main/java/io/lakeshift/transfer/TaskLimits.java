package io.lakeshift.transfer;

import io.lakeshift.config.BandwidthSchedule;
import io.lakeshift.plan.Action;
import io.lakeshift.plan.PlannedFile;
import io.lakeshift.source.Source;
import java.io.Serializable;

/**
 * The limits one task works within, decided by the driver and shipped with the task (executors are other JVMs, and
 * nothing is shared between them while they run): the time after which it starts no new file, and its share of
 * the job's bandwidth cap.
 *
 * @param deadlineMillis epoch milliseconds from which no new file is started, or 0 for none
 * @param bandwidth this task's share of the cap, or null for none
 */
public record TaskLimits(long deadlineMillis, BandwidthSchedule bandwidth) implements Serializable {
    public static final TaskLimits NONE = new TaskLimits(0, null);

    /**
     * Whether the file may be started now. Only files that do work on the target are held back (copies, checks,
     * deletes); equal and excluded files cost nothing and are logged as always.
     */
    public boolean mayStart(PlannedFile f, Ticker ticker) {
        return deadlineMillis == 0 || !doesWork(f.action()) || ticker.millis() < deadlineMillis;
    }

    static boolean doesWork(Action a) {
        return a.sendsBytes() || a == Action.CHECK || a == Action.DELETE;
    }

    /** The source as this task reads it: paced to its share, if there is a cap. */
    public Source pace(Source source, Ticker ticker) {
        return bandwidth == null ? source : new ThrottledSource(source, new TokenBucket(bandwidth, ticker));
    }
}
