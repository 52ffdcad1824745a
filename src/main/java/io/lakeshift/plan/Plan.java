package io.lakeshift.plan;

import java.util.List;

/**
 * The work of one run, spread over partitions balanced by bytes.
 *
 * @param partitions the files of each Spark partition
 * @param fileCount files to copy
 * @param totalBytes their bytes
 * @param skipped bookkeeping files left out
 */
public record Plan(List<List<PlannedFile>> partitions, long fileCount, long totalBytes, long skipped) {}
