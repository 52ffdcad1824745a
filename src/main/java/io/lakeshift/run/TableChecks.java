package io.lakeshift.run;

import io.lakeshift.config.MigrationConfig;
import io.lakeshift.config.TableSettings;
import io.lakeshift.log.LogFormat;
import io.lakeshift.log.LogStore;
import io.lakeshift.log.LogTimes;
import io.lakeshift.log.MigrationRecord;
import io.lakeshift.log.ParquetLog;
import io.lakeshift.log.Status;
import io.lakeshift.log.TableSummary;
import io.lakeshift.model.TargetLocation;
import io.lakeshift.table.LakeTables;
import io.lakeshift.table.TableCheck;
import io.lakeshift.table.TableCopy;
import io.lakeshift.table.TableState;
import io.lakeshift.table.TableVerifier;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * After both phases: each copied table opened at the target by its format's {@link TableVerifier} and compared with
 * the source's version; one {@link Status#TABLE} record per table in the migration log (its own part file, JSON lines
 * and Parquet, numbered after every phase's), and the result in the summary's tables.
 */
final class TableChecks {
    private final TableVerifier verifier;
    private final PrintStream out;

    TableChecks(TableVerifier verifier, PrintStream out) {
        this.verifier = verifier;
        this.out = out;
    }

    /**
     * @param incomplete why the tables' logs may not be at the target (files of this run failed or were not started),
     *     or null
     * @param partition the log part file's number
     * @return the tables' summaries, with what verifying each found
     */
    List<TableSummary> run(MigrationConfig config, LakeTables tables, TargetLocation location, String incomplete,
            Map<String, String> hadoop, LogStore log, int partition, Instant runStart) throws IOException {
        List<TableSummary> summaries = tables.summaries();
        TableSettings.Verify how = config.tables().verify();
        if (config.dryRun() || how == TableSettings.Verify.OFF || tables.states().isEmpty()) {
            return summaries;
        }
        List<MigrationRecord> records = new ArrayList<>();
        List<TableSummary> checked = new ArrayList<>();
        for (TableSummary summary : summaries) {
            TableState state = tables.states().stream().filter(s -> s.table().root().equals(summary.path()))
                    .findFirst().orElse(null);
            if (state == null) {
                checked.add(summary);
                continue;
            }
            TableCopy copy = new TableCopy(state.table(), state.version(), state.table().uri(config.source()),
                    state.table().uri(location.toString()), how == TableSettings.Verify.ROWS, state.metadata());
            Instant start = Instant.now();
            TableCheck check = check(copy, incomplete, hadoop);
            Instant end = Instant.now();
            records.add(record(config, location, check, start, end, runStart));
            checked.add(summary.checked(check.outcome().label(), check.sourceRows(), check.targetRows(),
                    check.note()));
            out.println("lakeshift: table " + state.table().name() + " verified as a table: "
                    + check.outcome().label() + " (" + check.note() + ")");
        }
        log.write(LogFormat.partFile(partition), LogFormat.jsonLines(records));
        log.write(ParquetLog.partFile(partition), ParquetLog.write(records));
        return checked;
    }

    private TableCheck check(TableCopy copy, String incomplete, Map<String, String> hadoop) {
        if (incomplete != null) {
            return TableCheck.notVerified(copy, incomplete);
        }
        try {
            return verifier.verify(copy, hadoop);
        } catch (RuntimeException e) { // a verifier's own fault: reported, never taken for a verified table
            return TableCheck.notVerified(copy, "the verifier failed: " + io.lakeshift.io.Errors.oneLine(e));
        }
    }

    private static MigrationRecord record(MigrationConfig config, TargetLocation location, TableCheck c,
            Instant start, Instant end, Instant runStart) {
        Duration took = Duration.between(start, end);
        boolean mismatch = c.outcome() == TableCheck.Outcome.MISMATCH;
        String root = c.copy().table().root();
        return new MigrationRecord(root, null, location.objectName(root), null, LogTimes.date(start),
                LogTimes.date(end), LogTimes.runTime(took), LogTimes.date(runStart), config.runId(), Status.TABLE,
                null, null, null, null, 0, 1, 0, took.toMillis(), c.targetRows(), null,
                mismatch ? null : c.note(), mismatch ? c.note() : null, c.copy().table().format().label(),
                c.copy().version(), c.sourceRows(), c.targetRows(), c.sourceFiles(), c.targetFiles(),
                c.schemaEqual() == null ? null : c.schemaEqual() ? "yes" : "no", c.outcome().label());
    }
}
