package io.lakeshift.log;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.Serializable;

/**
 * One line of the migration log: what happened to one source file. The first ten fields carry the names and
 * formats of the original PySpark migration app's log, so its users' queries keep working.
 *
 * @param sourceName path of the file below the source root
 * @param sourceSize its listed size in bytes (null for a deleted target object)
 * @param targetName object name in the target bucket
 * @param targetSize bytes stored, or null when nothing is stored
 * @param startDate when the work on the file started, {@code yyyy-MM-dd HH:mm:ss} UTC
 * @param endDate when it ended
 * @param runTime how long it took, {@code H:mm:ss}
 * @param runDate when the run started
 * @param runId the run's identifier
 * @param status what happened
 * @param md5 base64 MD5 of the content: computed while reading for a copy, as recorded for an equal file
 * @param sourceEtag the source's ETag, where it has one
 * @param sourceModified the source's modification time
 * @param targetEtag the object's ETag after the run (the version this record vouches for)
 * @param parts parts sent (1 for a single PUT, 0 when nothing was sent)
 * @param attempts tries the file needed (the most of the file and of any one request)
 * @param bytesPerSecond throughput of this file's copy
 * @param durationMs the work's duration in milliseconds
 * @param rowCount rows, for a Parquet file whose footer was read
 * @param columns leaf columns, for a Parquet file whose footer was read
 * @param note why a file was excluded, what a dry run would do, or a warning
 * @param error why the file failed, or null
 * <p>The table fields (from {@code table_format} on) are null on a file's record: every line carries every field,
 * so every column path of the ADW load resolves on every line.
 *
 * @param tableFormat for a table record ({@link Status#TABLE}): delta or iceberg; null on a file's record
 * @param tableVersion the table's version (Delta) or snapshot (Iceberg) copied and verified
 * @param sourceRows the rows of that version at the source, where known
 * @param targetRows the rows of that version at the target, where known
 * @param sourceFiles the data files the version references at the source
 * @param targetFiles those the target's version references that are at the target, with their size
 * @param schemaEqual {@code yes} or {@code no}, where compared
 * @param tableCheck what verifying the table found: {@code equal}, {@code mismatch} or {@code not verified} (the
 *     note says what differs, or why)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MigrationRecord(
        String sourceName,
        Long sourceSize,
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
        String targetEtag,
        int parts,
        int attempts,
        long bytesPerSecond,
        long durationMs,
        Long rowCount,
        Integer columns,
        String note,
        String error,
        String tableFormat,
        Long tableVersion,
        Long sourceRows,
        Long targetRows,
        Long sourceFiles,
        Long targetFiles,
        String schemaEqual,
        String tableCheck) implements Serializable {
    /** How a note that warns begins (a corrupt Parquet file copied with --parquet-check warn). */
    public static final String WARNING = "warning: ";

    /** Whether the file landed but its note warns about it: the summary counts and lists these. */
    public boolean warned() {
        return status != Status.FAILED && note != null && note.startsWith(WARNING);
    }
}
