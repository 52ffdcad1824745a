package io.lakeshift.log;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * The {@code plan.json} of a dry run: what a real run with the same settings would do.
 *
 * @param runId the dry run
 * @param source the source root
 * @param target the target location
 * @param log where the per-file plan lines are
 * @param files files per outcome (new, updated, equal, deleted, excluded)
 * @param bytes bytes per outcome
 * @param bytesToSend bytes a real run would send
 * @param estimatedSeconds bytesToSend at the assumed rate
 * @param assumedBytesPerSecond the rate assumed (--estimate-rate)
 * @param largest the largest files a real run would send
 * @param skipped bookkeeping files left out
 * @param tables the Delta and Iceberg tables found in the source
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PlanReport(String runId, String source, String target, String log, Map<String, Long> files,
        Map<String, Long> bytes, long bytesToSend, long estimatedSeconds, long assumedBytesPerSecond,
        List<Item> largest, long skipped, List<TableSummary> tables) {

    public PlanReport {
        tables = tables == null ? List.of() : List.copyOf(tables);
    }

    /** A file and its size. */
    public record Item(String name, long size) {}
}
