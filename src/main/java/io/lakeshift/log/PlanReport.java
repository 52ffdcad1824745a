package io.lakeshift.log;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The {@code plan.json} of a dry run: what a real run with the same settings would do, and what it would cost.
 *
 * @param runId the dry run
 * @param source the source root
 * @param target the target location
 * @param log where the per-file plan lines are
 * @param files files per outcome (new, updated, equal, deleted, excluded, archived (tier))
 * @param bytes bytes per action
 * @param bytesToSend bytes a real run would send
 * @param estimatedSeconds the time estimate: the longer of the probe's and the assumed rate's
 * @param assumedBytesPerSecond the rate assumed (--estimate-rate)
 * @param largest the largest files a real run would send
 * @param skipped bookkeeping files left out
 * @param requests requests a real run would make, by store and kind ("source LIST", "OCI PUT", ...)
 * @param cost what they and the stored bytes cost at the given prices
 * @param probe what the read-only probe of the source measured, or null when none was made
 * @param tables the Delta and Iceberg tables found in the source
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlanReport(String runId, String source, String target, String log, Map<String, Long> files,
        Map<String, Long> bytes, long bytesToSend, long estimatedSeconds, long assumedBytesPerSecond,
        List<Item> largest, long skipped, Map<String, Long> requests, Cost cost, Probe probe,
        List<TableSummary> tables) {

    public PlanReport {
        tables = tables == null ? List.of() : List.copyOf(tables);
    }


    /** A file and its size. */
    public record Item(String name, long size) {}

    /**
     * Prices are the options' (--storage-price, --request-price, --egress-price), in their currency; GB = 2^30 bytes.
     *
     * @param storedBytes bytes the target holds from this source after the run (sent and equal files)
     * @param storagePerMonth the monthly price of storedBytes in each OCI tier
     * @param targetTier the tier the objects land in
     * @param requests the price of the OCI requests
     * @param egress the source's egress price for bytesToSend, or null without --egress-price
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Cost(long storedBytes, Map<String, BigDecimal> storagePerMonth, String targetTier,
            BigDecimal requests, BigDecimal egress) {}

    /**
     * @param files files read (at most 8MiB of each)
     * @param bytes bytes read
     * @param firstByteMillis mean time from the request to the first byte
     * @param bytesPerSecond bytes per second of one read stream after its first byte
     * @param sourceSeconds the estimate from these: every file to send at this pace, as many at once as a run reads
     * @param problem why the probe could not measure, or null
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Probe(int files, long bytes, long firstByteMillis, long bytesPerSecond, long sourceSeconds,
            String problem) {}
}
