package io.lakeshift.cli;

import io.lakeshift.log.MigrationRecord;
import io.lakeshift.log.RunSummary;
import io.lakeshift.log.RunTotals;
import io.lakeshift.log.Status;
import io.lakeshift.model.ByteSize;
import java.util.Locale;
import java.util.stream.Collectors;

/** The summary a person reads at the end of a run. */
final class SummaryText {
    private static final int FAILURES_SHOWN = 10;

    private SummaryText() {}

    static String of(RunSummary s) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%nlakeshift run %s %s in %.1fs%n", s.runId(),
                !s.succeeded() ? "finished with failures" : s.tableMismatch() ? "finished, but a table differs" : s.stopped() ? "stopped" : "finished",
                s.durationSeconds()));
        sb.append(String.format(Locale.ROOT, "  source   %s%n  target   %s%n", s.source(), s.target()));
        String counts = s.files().entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%,d %s", e.getValue(), e.getKey()))
                .collect(Collectors.joining(", "));
        sb.append(String.format(Locale.ROOT, "  files    %,d: %s (%,d bookkeeping files skipped)%n", s.filesTotal(),
                counts, s.skipped()));
        sb.append(String.format(Locale.ROOT, "  bytes    %s sent of %s, %s/s over %d partitions%n",
                ByteSize.format(s.bytesSent()), ByteSize.format(s.bytesTotal()), ByteSize.format(s.bytesPerSecond()),
                s.partitions()));
        s.tables().forEach(t -> sb.append(String.format("  table    %s%n", t.line())));
        sb.append(String.format("  log      %s%n", s.log()));
        if (s.stopped()) {
            sb.append(String.format(Locale.ROOT, "  stopped  by --%s: %,d files (%s) not started; run again to"
                    + " continue%n", s.stoppedBy().replace(",", " and --"), s.notStarted(),
                    ByteSize.format(s.notStartedBytes())));
        }
        int warned = 0;
        for (RunTotals.Failure w : s.warnedFiles()) {
            if (warned++ == FAILURES_SHOWN) {
                sb.append(String.format(Locale.ROOT, "  ... and %,d more files with warnings in the log%n",
                        s.warnedCount() - FAILURES_SHOWN));
                break;
            }
            String note = w.error().startsWith(MigrationRecord.WARNING)
                    ? w.error().substring(MigrationRecord.WARNING.length()) : w.error();
            sb.append(String.format("  WARNING  %s: %s%n", w.sourceName(), note));
        }
        long archived = s.files().getOrDefault(Status.ARCHIVED.label(), 0L);
        if (archived > 0) {
            sb.append(String.format(Locale.ROOT, "  ARCHIVED %,d source file(s) in an archive tier, not attempted (the"
                    + " log's note says the tier and any restore): restore them (--restore), then run again%n",
                    archived));
        }
        int shown = 0;
        for (RunTotals.Failure f : s.failedFiles()) {
            if (shown++ == FAILURES_SHOWN) {
                sb.append(String.format(Locale.ROOT, "  ... and %,d more failed files in the log%n",
                        s.failedCount() - FAILURES_SHOWN));
                break;
            }
            sb.append(String.format("  FAILED   %s: %s%n", f.sourceName(), f.error()));
        }
        return sb.toString();
    }
}
