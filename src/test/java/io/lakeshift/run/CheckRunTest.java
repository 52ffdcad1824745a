package io.lakeshift.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.config.CheckConfig;
import io.lakeshift.log.CheckLog;
import io.lakeshift.log.CheckRecord;
import io.lakeshift.log.CheckSummary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check's driver flow without Spark: a file:// lake against a file:// target through {@link InThreadCluster}. */
class CheckRunTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final InThreadCluster cluster = new InThreadCluster();

    private CheckSummary check(String runId, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("--source", tmp.resolve("lake").toUri().toString(),
                "--target", tmp.resolve("target").toUri().toString(), "--progress-interval", "0", "--run-id", runId));
        args.addAll(List.of(extra));
        return new CheckRun(cluster, new PrintStream(console, true, StandardCharsets.UTF_8))
                .run(CheckConfig.load(args));
    }

    private void write(String side, String name, String content) throws Exception {
        Path f = tmp.resolve(side).resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, content);
    }

    /** Every line of a check's lists, by object name. */
    private Map<String, CheckRecord> lists(String runId) throws Exception {
        Map<String, CheckRecord> records = new TreeMap<>();
        Path folder = tmp.resolve("target/_lakeshift/logs/" + CheckLog.folder(runId));
        try (var files = Files.list(folder)) {
            for (Path p : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
                CheckLog.parseLines(Files.readAllBytes(p)).forEach(r -> records.put(r.targetName(), r));
            }
        }
        return records;
    }

    @Test
    void listsEachKindAndLeavesTheLogAndBookkeepingOut() throws Exception {
        write("lake", "same.txt", "same");
        write("target", "same.txt", "same");
        write("lake", "a/gone.txt", "gone");
        write("lake", "longer.txt", "longer");
        write("target", "longer.txt", "long");
        write("target", "extra.txt", "extra");
        write("target", "_SUCCESS", "");
        write("target", "_lakeshift/logs/run_id=old/summary.json", "{}"); // a migration's log: not extra
        CheckSummary s = check("k1");
        assertFalse(s.allMatch());
        assertEquals(Map.of("match", 1L, "missing", 1L, "differ", 1L, "extra", 1L), s.files());
        Map<String, CheckRecord> r = lists("k1");
        assertEquals(List.of("a/gone.txt", "extra.txt", "longer.txt", "same.txt"), List.copyOf(r.keySet()));
        assertEquals(CheckRecord.BY_SIZE, r.get("same.txt").by(), "a file system keeps no MD5");
        assertTrue(Files.exists(tmp.resolve("target/_lakeshift/logs/check/run_id=k1/summary.json")));
        assertFalse(Files.exists(tmp.resolve("target/a/gone.txt")), "a check writes nothing but its log");
    }

    @Test
    void aCheckRunAgainUnderItsIdKeepsOnlyItsNewLists() throws Exception {
        write("lake", "x.txt", "x");
        assertFalse(check("k2").allMatch());
        assertTrue(lists("k2").containsKey("x.txt"));
        write("target", "x.txt", "x");
        CheckSummary again = check("k2");
        assertTrue(again.allMatch(), again.toString());
        try (var files = Files.list(tmp.resolve("target/_lakeshift/logs/" + CheckLog.folder("k2")))) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().startsWith("missing-")),
                    "the first check's missing list is gone");
        }
    }
}
