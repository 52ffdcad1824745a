package io.lakeshift.config;

import java.io.Serializable;

/**
 * Throttles and budgets of a run.
 *
 * @param bandwidth the job's bandwidth cap ({@code --bwlimit} or {@code bwlimit-schedule}), or null for none
 * @param maxTransfer bytes of files this run may start sending ({@code --max-transfer}), or null for no budget
 * @param maxDurationMillis time after the run's start from which no new file is started ({@code --max-duration}),
 *     or null for no limit
 */
public record LimitSettings(BandwidthSchedule bandwidth, Long maxTransfer, Long maxDurationMillis)
        implements Serializable {
    public static LimitSettings none() {
        return new LimitSettings(null, null, null);
    }
}
