package io.lakeshift.testing;

import static org.junit.jupiter.api.Assertions.assertNull;

import io.lakeshift.cli.Main;
import io.lakeshift.config.ConfigLoader;
import io.lakeshift.job.MigrationJob;
import io.lakeshift.log.LogRoots;
import io.lakeshift.log.LogFormat;
import io.lakeshift.log.MigrationRecord;
import io.lakeshift.log.RunSummary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Runs the real job against an emulator the way users do, and reads back what it logged. */
public final class JobRuns {
    private final EmulatorFixture oci;

    public JobRuns(EmulatorFixture oci) {
        this.oci = oci;
    }

    /**
     * A run through MigrationJob on the shared Spark session, with the emulator's OCI options and no progress
     * lines; what {@code args} give wins (e.g. an {@code --oci-endpoint} in front of the emulator).
     */
    public RunSummary run(String... args) throws IOException {
        return run(new PrintStream(new ByteArrayOutputStream()), args);
    }

    /** {@link #run(String...)} with the run's console lines printed on {@code out}. */
    public RunSummary run(PrintStream out, String... args) throws IOException {
        List<String> all = new ArrayList<>(oci.ociArgs());
        all.addAll(List.of("--progress-interval", "0"));
        all.addAll(List.of(args));
        return new MigrationJob(SparkTestSession.get(), out).run(ConfigLoader.load(all));
    }

    /** {@link #run(String...)} with a test class's usual arguments, then this test's own ({@code more} win). */
    public RunSummary run(List<String> usual, String... more) throws IOException {
        List<String> all = new ArrayList<>(usual);
        all.addAll(List.of(more));
        return run(all.toArray(String[]::new));
    }

    /** A command through Main with the emulator's OCI options; returns exit code, stdout and stderr. */
    public Outcome main(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(oci.ociArgs());
        return exec(all.toArray(String[]::new));
    }

    /** A command through Main exactly as given (plus no progress lines). */
    public Outcome exec(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.get(0).equals("status") && !all.get(0).equals("report")) {
            all.addAll(List.of("--progress-interval", "0"));
        }
        SparkTestSession.get(); // Main then runs on the tests' session (faulty file://, the leak-check secret)
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(all.toArray(String[]::new), new PrintStream(out), new PrintStream(err));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Exit code and output of a command. */
    public record Outcome(int code, String out, String err) {}

    /** Every record of one run in the default log of a bucket, by source name; one per file is asserted. */
    public Map<String, MigrationRecord> log(String bucket, String runId) throws IOException {
        Map<String, MigrationRecord> records = new TreeMap<>();
        for (String name : oci.list(bucket, LogRoots.DEFAULT_PREFIX + LogFormat.runFolder(runId))) {
            if (name.endsWith(".jsonl")) {
                for (MigrationRecord r : LogFormat.parseLines(oci.get(bucket, name))) {
                    assertNull(records.put(r.sourceName(), r), "one line per file: " + r.sourceName());
                }
            }
        }
        return records;
    }
}
