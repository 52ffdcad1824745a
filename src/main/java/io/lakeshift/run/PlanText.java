package io.lakeshift.run;

import io.lakeshift.log.LogTimes;
import io.lakeshift.log.PlanReport;
import io.lakeshift.model.ByteSize;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
        sb.append(String.format(Locale.ROOT, "  to send  %s, about %s%n", ByteSize.format(p.bytesToSend()),
                LogTimes.runTime(Duration.ofSeconds(p.estimatedSeconds()))));
        sb.append(String.format(Locale.ROOT, "    at --estimate-rate %s/s: %s (the network and OCI; a dry run writes"
                        + " nothing, so it does not measure them)%n", ByteSize.format(p.assumedBytesPerSecond()),
                LogTimes.runTime(Duration.ofSeconds(p.bytesToSend() / Math.max(1, p.assumedBytesPerSecond())))));
        if (p.probe() != null) {
            sb.append(probe(p.probe()));
        }
        if (!p.largest().isEmpty()) {
            sb.append("  largest files to send:\n");
            p.largest().forEach(i -> sb.append(String.format("    %10s  %s%n", ByteSize.format(i.size()), i.name())));
        }
        if (p.requests() != null && !p.requests().isEmpty()) {
            sb.append("  requests:\n");
            p.requests().forEach((kind, n) -> sb.append(String.format(Locale.ROOT, "    %-28s %,d%n", kind, n)));
        }
        if (p.cost() != null) {
            sb.append(cost(p.cost()));
        }
        p.tables().forEach(t -> sb.append(String.format("  table    %s%n", t.line())));
        sb.append(String.format("  plan     %s (plan.json and part-*.jsonl)%n", p.log()));
        return sb.toString();
    }

    private static String probe(PlanReport.Probe probe) {
        if (probe.files() == 0) {
            return "    source probe: nothing measured" + (probe.problem() == null ? "" : " (" + probe.problem() + ")")
                    + "\n";
        }
        return String.format(Locale.ROOT, "    source reads: %s (probe of %d file(s), %s read: %d ms to the first"
                        + " byte, %s/s per stream)%s%n",
                LogTimes.runTime(Duration.ofSeconds(probe.sourceSeconds())), probe.files(),
                ByteSize.format(probe.bytes()), probe.firstByteMillis(), ByteSize.format(probe.bytesPerSecond()),
                probe.problem() == null ? "" : "; stopped: " + probe.problem());
    }

    private static String cost(PlanReport.Cost c) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "  storage  %s in OCI, per month (--storage-price):%n",
                ByteSize.format(c.storedBytes())));
        c.storagePerMonth().forEach((tier, price) -> sb.append(String.format(Locale.ROOT, "    %-17s %s%s%n", tier,
                money(price), tier.equals(c.targetTier()) ? "  <- the tier the objects land in" : "")));
        sb.append(String.format(Locale.ROOT, "  OCI requests %s (--request-price)%n", money(c.requests())));
        if (c.egress() != null) {
            sb.append(String.format(Locale.ROOT, "  source egress %s (--egress-price)%n", money(c.egress())));
        }
        return sb.toString();
    }

    /** Two decimals, or more for amounts under a cent so they do not show as 0.00. */
    static String money(BigDecimal amount) {
        if (amount.signum() != 0 && amount.abs().compareTo(new BigDecimal("0.01")) < 0) {
            return amount.round(new java.math.MathContext(2)).stripTrailingZeros().toPlainString();
        }
        return amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }
}
