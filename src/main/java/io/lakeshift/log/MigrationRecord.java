package io.lakeshift.log;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.Serializable;

/**
 * One line of the migration log: what happened to one source file. The first ten fields carry the names and
 * formats of the original PySpark migration app's log, so its users' queries keep working.
 *
 * @param sourceName path of the file below the source root
 * @param sourceSize its listed size in bytes
 * @param targetName object name in the target bucket
 * @param targetSize bytes stored, or null when nothing was stored
 * @param startDate when the copy started, {@code yyyy-MM-dd HH:mm:ss} UTC
 * @param endDate when it ended
 * @param runTime how long it took, {@code H:mm:ss}
 * @param runDate when the run started
 * @param runId the run's identifier
 * @param status what happened
 * @param md5 base64 MD5 of the content, computed while reading the source (null if not read through)
 * @param sourceEtag the source's ETag, where it has one
 * @param sourceModified the source's modification time
 * @param parts parts sent (1 for a single PUT, 0 when nothing was sent)
 * @param attempts the most tries any one request needed
 * @param bytesPerSecond throughput of this file's copy
 * @param durationMs the copy's duration in milliseconds
 * @param error why the file failed, or null
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MigrationRecord(
        String sourceName,
        long sourceSize,
        String targetName,
        Long targetSize,
        String startDate,
        String endDate,
        String runTime,
        String runDate,
        String runId,
        Status status,
        String md5,
        String sourceEtag,
        String sourceModified,
        int parts,
        int attempts,
        long bytesPerSecond,
        long durationMs,
        String error) implements Serializable {}
