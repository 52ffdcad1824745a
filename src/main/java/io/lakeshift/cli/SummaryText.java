package io.lakeshift.cli;

import io.lakeshift.log.RunSummary;
import io.lakeshift.log.RunTotals;
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
                s.succeeded() ? "finished" : "finished with failures", s.durationSeconds()));
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
