package io.lakeshift.log;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a check writes below a log root, and in what form:
 *
 * <pre>
 * check/run_id=&lt;id&gt;/missing-00003.jsonl   one JSON line per file or object of that result, per partition
 * check/run_id=&lt;id&gt;/differ-00003.jsonl    (match, differ, missing, extra, error; only non-empty files)
 * check/run_id=&lt;id&gt;/summary.json          counts, bytes and how matches were decided; the first of each list
 * </pre>
 *
 * Kept apart from the migration runs' {@code run_id=} folders, so {@code report} and the history never read a
 * check as a run.
 */
public final class CheckLog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CheckLog() {}

    /** The folder of one check below a log root. */
    public static String folder(String runId) {
        return "check/run_id=" + runId + "/";
    }

    /** The list of one result from one partition. */
    public static String listFile(CheckResult result, int partition) {
        return String.format("%s-%05d.jsonl", result.label(), partition);
    }

    public static byte[] jsonLines(List<CheckRecord> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(records.size() * 200);
        try {
            for (CheckRecord r : records) {
                out.write(JSON.writeValueAsBytes(r));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static List<CheckRecord> parseLines(byte[] content) throws IOException {
        List<CheckRecord> records = new ArrayList<>();
        for (String line : new String(content, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                records.add(JSON.readValue(line, CheckRecord.class));
            }
        }
        return records;
    }

    public static byte[] summary(CheckSummary summary) {
        try {
            return PRETTY.writeValueAsBytes(summary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CheckSummary parseSummary(byte[] content) throws IOException {
        return JSON.readValue(content, CheckSummary.class);
    }
}
