package io.lakeshift.run;

import io.lakeshift.log.LogTimes;
import io.lakeshift.log.PlanReport;
import io.lakeshift.model.ByteSize;
import java.time.Duration;
import java.util.Locale;

/** The plan a person reads after a dry run. */
final class PlanText {
    private PlanText() {}

    static String of(PlanReport p) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%nlakeshift plan %s (dry run: nothing was copied or deleted)%n", p.runId()));
        sb.append(String.format("  source   %s%n  target   %s%n", p.source(), p.target()));
        p.files().forEach((outcome, n) -> sb.append(String.format(Locale.ROOT, "  %-8s %,d files%n", outcome, n)));
        p.bytes().forEach((action, b) -> sb.append(String.format(Locale.ROOT, "  %-12s %s%n", action,
                ByteSize.format(b))));
        sb.append(String.format(Locale.ROOT, "  to send  %s, about %s at %s/s (--estimate-rate)%n",
                ByteSize.format(p.bytesToSend()), LogTimes.runTime(Duration.ofSeconds(p.estimatedSeconds())),
                ByteSize.format(p.assumedBytesPerSecond())));
        if (!p.largest().isEmpty()) {
            sb.append("  largest files to send:\n");
            p.largest().forEach(i -> sb.append(String.format("    %10s  %s%n", ByteSize.format(i.size()), i.name())));
        }
        p.tables().forEach(t -> sb.append(String.format("  table    %s%n", t.line())));
        sb.append(String.format("  plan     %s (plan.json and part-*.jsonl)%n", p.log()));
        return sb.toString();
    }
}
