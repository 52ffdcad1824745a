package io.lakeshift.cli;

import io.lakeshift.log.CheckRecord;
import io.lakeshift.log.CheckSummary;
import io.lakeshift.model.ByteSize;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The summary a person reads at the end of a check. */
final class CheckText {
    private static final int SHOWN = 10;

    private CheckText() {}

    static String of(CheckSummary s) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%nlakeshift check %s: %s in %.1fs%n", s.runId(),
                s.allMatch() ? "everything matches" : "differences found", s.durationSeconds()));
        sb.append(String.format(Locale.ROOT, "  source   %s%n  target   %s%n", s.source(), s.target()));
        sb.append(String.format(Locale.ROOT, "  files    %s (%,d bookkeeping files skipped)%n", counts(s.files()),
                s.skipped()));
        if (!s.matchedBy().isEmpty()) {
            sb.append(String.format(Locale.ROOT, "  matched  by %s%n", counts(s.matchedBy())));
        }
        sb.append(String.format(Locale.ROOT, "  read     %s to compute MD5s the stores do not keep%n",
                ByteSize.format(s.bytesRead())));
        sb.append(String.format("  lists    %s (summary.json, <result>-NNNNN.jsonl)%n", s.log()));
        int shown = 0;
        for (CheckRecord r : s.examples()) {
            if (shown++ == SHOWN) {
                sb.append("  ... more in the lists\n");
                break;
            }
            String why = r.error() != null ? r.error() : r.note();
            sb.append(String.format("  %-8s %s%s%n", r.result().label().toUpperCase(Locale.ROOT), r.targetName(),
                    why == null ? "" : ": " + why));
        }
        return sb.toString();
    }

    private static String counts(Map<String, Long> m) {
        return m.isEmpty() ? "none" : m.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%,d %s", e.getValue(), e.getKey()))
                .collect(Collectors.joining(", "));
    }
}
