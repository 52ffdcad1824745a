package io.lakeshift.log;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * {@code summary.json} of one check.
 *
 * @param runId the check's identifier
 * @param files files per result (match, differ, missing, extra, error)
 * @param bytes bytes per result
 * @param matchedBy matches per way they were decided (size, md5, multipart_md5, download)
 * @param bytesRead bytes read to compute MD5s the stores did not keep
 * @param skipped bookkeeping files left out of the source listing
 * @param allMatch whether every file matched (no difference, no missing, no extra, no error)
 * @param examples the first records of each kind that is not a match
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CheckSummary(String runId, String source, String target, String log, String startDate,
        String endDate, double durationSeconds, Map<String, Long> files, Map<String, Long> bytes,
        Map<String, Long> matchedBy, long bytesRead, long skipped, boolean allMatch, List<CheckRecord> examples) {}
