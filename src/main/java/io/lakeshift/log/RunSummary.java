package io.lakeshift.log;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * The {@code summary.json} of a run.
 *
 * @param runId the run
 * @param source the source root
 * @param target the target location
 * @param log where the per-file log lines are
 * @param runDate when the run started, {@code yyyy-MM-dd HH:mm:ss} UTC
 * @param endDate when it ended
 * @param durationSeconds wall time of the whole run, listing included
 * @param filesTotal files considered
 * @param bytesTotal their bytes
 * @param files files per status
 * @param bytes bytes per status
 * @param bytesSent bytes written to OCI
 * @param bytesPerSecond bytes sent over the run's wall time
 * @param skipped bookkeeping files left out
 * @param partitions Spark partitions the work was spread over
 * @param failedFiles the failed files (the first {@value RunTotals#MAX_FAILURES})
 * @param failedCount all failed files
 * @param abortedUploads multipart uploads still open below the target at the end of the run (an earlier run's that
 *     was not resumed, a lost task's) and aborted
 * @param warnedFiles files that landed with a warning (a corrupt Parquet file under --parquet-check warn), the
 *     note as the error (the first {@value RunTotals#MAX_FAILURES})
 * @param warnedCount all such files
 * @param stoppedBy the limit that stopped the run before every file was started ({@code max-transfer},
 *     {@code max-duration}), or null
 * @param notStarted planned files not started because of it: the next run picks them up
 * @param notStartedBytes their bytes
 * @param tables the Delta and Iceberg tables found in the source (docs/tables.md)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RunSummary(
        String runId,
        String source,
        String target,
        String log,
        String runDate,
        String endDate,
        double durationSeconds,
        long filesTotal,
        long bytesTotal,
        Map<String, Long> files,
        Map<String, Long> bytes,
        long bytesSent,
        long bytesPerSecond,
        long skipped,
        int partitions,
        List<RunTotals.Failure> failedFiles,
        long failedCount,
        long abortedUploads,
        List<RunTotals.Failure> warnedFiles,
        long warnedCount,
        String stoppedBy,
        long notStarted,
        long notStartedBytes,
        List<TableSummary> tables) {

    public RunSummary {
        tables = tables == null ? List.of() : List.copyOf(tables);
        warnedFiles = warnedFiles == null ? List.of() : warnedFiles;
    }

    public boolean succeeded() {
        return failedCount == 0;
    }

    /** Whether a copied table, opened at the target, differs from the source's version (docs/tables.md). */
    public boolean tableMismatch() {
        return tables.stream().anyMatch(TableSummary::mismatch);
    }

    /** Whether a limit left files for the next run. */
    public boolean stopped() {
        return notStarted > 0;
    }
}
