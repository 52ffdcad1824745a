package io.lakeshift.log;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The log's file names and its JSON: one line per record, and a pretty {@code summary.json}. */
public final class LogFormat {
    public static final String SUMMARY = "summary.json";
    /** What a dry run writes instead of a summary. */
    public static final String PLAN = "plan.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private LogFormat() {}

    /** The folder of one run below a log root. */
    public static String runFolder(String runId) {
        return "run_id=" + runId + "/";
    }

    /** The JSON lines file of one Spark partition. */
    public static String partFile(int partition) {
        return String.format("part-%05d.jsonl", partition);
    }

    public static byte[] jsonLines(List<MigrationRecord> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(records.size() * 400);
        try {
            for (MigrationRecord r : records) {
                out.write(JSON.writeValueAsBytes(r));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static List<MigrationRecord> parseLines(byte[] content) throws IOException {
        List<MigrationRecord> records = new ArrayList<>();
        for (String line : new String(content, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                records.add(JSON.readValue(line, MigrationRecord.class));
            }
        }
        return records;
    }

    public static byte[] summary(RunSummary summary) {
        try {
            return PRETTY.writeValueAsBytes(summary);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] pretty(Object value) {
        try {
            return PRETTY.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RunSummary parseSummary(byte[] content) throws IOException {
        return JSON.readValue(content, RunSummary.class);
    }
}
