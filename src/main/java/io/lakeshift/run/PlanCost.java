package io.lakeshift.run;

import io.lakeshift.config.PlanSettings;
import io.lakeshift.config.TransferSettings;
import io.lakeshift.log.PlanReport;
import io.lakeshift.plan.Action;
import io.lakeshift.plan.Plan;
import io.lakeshift.plan.PlannedFile;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plan's arithmetic: the requests a real run makes, by store and kind, what they and the stored bytes cost, and
 * how long the copy takes. Counted from the plan as the copy makes them (docs/incremental.md): one PUT per file
 * below --multipart-threshold; above it one CreateMultipartUpload, a part per --part-size (raised to stay within
 * 10,000 parts) and one CommitMultipartUpload; one HEAD per file to check; one DELETE per sync delete; one GET
 * per object read back with --verify; one LIST per 1,000 target objects (OCI ListObjects' largest page). The
 * migration log's own writes (two objects per partition and the summary) are left out.
 */
final class PlanCost {
    /** Prices are per GB; GB here is 2^30 bytes. */
    static final BigDecimal GB = BigDecimal.valueOf(1L << 30);
    static final long OCI_LIST_PAGE = 1000;
    static final BigDecimal REQUESTS_PER_PRICE = BigDecimal.valueOf(10_000);
    private static final MathContext MONEY = new MathContext(12, RoundingMode.HALF_EVEN);

    /**
     * How the source bills its reads.
     *
     * @param listPageSize objects per LIST request, 0 where requests are not billed
     * @param getsPerFile GET requests the copy of a file of a given size makes
     */
    record SourceRequests(int listPageSize, GetsPerFile getsPerFile) {}

    /** GET requests the copy of a file of a given size makes; sent to the executors with a plan held there. */
    interface GetsPerFile extends Serializable {
        long gets(long size);
    }

    /**
     * The sizes of the files a plan reads (copies and checks), folded where they are: the driver's list, or the
     * rows on the executors ({@link ClusterPlan#foldReads}), so that no file's size travels to the driver.
     */
    interface Sizes {
        <T extends Serializable> T fold(T zero, ClusterPlan.Add<T> add, ClusterPlan.Merge<T> merge);
    }

    /** The sizes of a plan made on the driver. */
    static Sizes sizes(List<PlannedFile> files) {
        return new Sizes() {
            @Override
            public <T extends Serializable> T fold(T zero, ClusterPlan.Add<T> add, ClusterPlan.Merge<T> merge) {
                T tally = zero;
                for (PlannedFile f : files) {
                    tally = add.add(tally, f.sourceSize());
                }
                return tally;
            }
        };
    }

    /** The requests of the files to send: source GETs, single PUTs, multipart uploads and their parts. */
    record Sends(long gets, long puts, long uploads, long parts) implements Serializable {
        static final Sends NONE = new Sends(0, 0, 0, 0);

        Sends plus(Sends o) {
            return new Sends(gets + o.gets, puts + o.puts, uploads + o.uploads, parts + o.parts);
        }
    }

    /** Nanoseconds of source reads, of files sent in one PUT and of multipart files. */
    record ReadNanos(long small, long large) implements Serializable {
        ReadNanos plus(ReadNanos o) {
            return new ReadNanos(small + o.small, large + o.large);
        }
    }

    private PlanCost() {}

    /** Requests by store and kind, in a fixed order; kinds with none are left out. */
    static Map<String, Long> requests(Plan plan, long targetObjects, SourceRequests source, TransferSettings t) {
        return requests(plan, sizes(toSend(plan)), targetObjects, source, t);
    }

    /** The same, with the sizes of the files to send folded apart (on the executors for a plan held there). */
    static Map<String, Long> requests(Plan plan, Sizes toSend, long targetObjects, SourceRequests source,
            TransferSettings t) {
        long listed = plan.fileCount() + plan.skipped();
        GetsPerFile perFile = source.getsPerFile();
        Sends s = toSend.fold(Sends.NONE, (tally, size) -> tally.plus(sends(size, perFile, t)), Sends::plus);
        long gets = s.gets();
        long puts = s.puts();
        long uploads = s.uploads();
        long parts = s.parts();
        Map<String, Long> r = new LinkedHashMap<>();
        put(r, "source LIST", source.listPageSize() == 0 ? 0 : pages(listed, source.listPageSize()));
        put(r, "source GET", source.listPageSize() == 0 ? 0 : gets);
        put(r, "OCI LIST", pages(targetObjects, OCI_LIST_PAGE));
        put(r, "OCI PUT", puts);
        put(r, "OCI multipart create+commit", 2 * uploads);
        put(r, "OCI multipart parts", parts);
        put(r, "OCI HEAD", plan.count(Action.CHECK));
        put(r, "OCI GET (--verify)", t.verify() ? puts + uploads : 0);
        put(r, "OCI DELETE", plan.count(Action.DELETE));
        return r;
    }

    /** The requests of sending one file of {@code size} bytes. */
    static Sends sends(long size, GetsPerFile perFile, TransferSettings t) {
        if (size >= t.multipartThreshold()) {
            long partSize = t.partSizeFor(size);
            return new Sends(perFile.gets(size), 0, 1, (size + partSize - 1) / partSize);
        }
        return new Sends(perFile.gets(size), 1, 0, 0);
    }

    /** The OCI requests among {@code requests}. */
    static long ociRequests(Map<String, Long> requests) {
        return requests.entrySet().stream().filter(e -> e.getKey().startsWith("OCI ")).mapToLong(Map.Entry::getValue)
                .sum();
    }

    static PlanReport.Cost cost(Plan plan, Map<String, Long> requests, PlanSettings p) {
        long stored = plan.bytes(Action.COPY_NEW) + plan.bytes(Action.COPY_UPDATE) + plan.bytes(Action.SKIP_EQUAL)
                + plan.bytes(Action.CHECK);
        Map<String, BigDecimal> perTier = new LinkedHashMap<>();
        p.storagePrices().forEach((tier, price) -> perTier.put(tier, perGb(stored, price)));
        BigDecimal requestCost = BigDecimal.valueOf(ociRequests(requests)).multiply(p.requestPrice())
                .divide(REQUESTS_PER_PRICE, MONEY);
        BigDecimal egress = p.egressPrice() == null ? null : perGb(plan.bytesToSend(), p.egressPrice());
        return new PlanReport.Cost(stored, perTier, p.targetTier(), requestCost, egress);
    }

    static BigDecimal perGb(long bytes, BigDecimal price) {
        return BigDecimal.valueOf(bytes).multiply(price).divide(GB, MONEY);
    }

    /**
     * Seconds the source reads take at the probe's pace: every file to send costs the time to its first byte plus
     * its bytes at one stream's rate; a task reads up to --parallel-files small files at once and one multipart
     * file at a time, and the cluster runs {@code parallelism} tasks.
     */
    static long sourceSeconds(Plan plan, SourceProbe.Measured m, TransferSettings t, int parallelism) {
        return sourceSeconds(sizes(toSend(plan)), m, t, parallelism);
    }

    /**
     * The same, with the sizes of the files to send folded apart. Whole nanoseconds per file, so that the sum is
     * the same in any order (the executors add partitions in any order).
     */
    static long sourceSeconds(Sizes toSend, SourceProbe.Measured m, TransferSettings t, int parallelism) {
        if (m.files() == 0) {
            return 0;
        }
        long firstByte = m.firstByteNanos() / m.files();
        double nanosPerByte = 1e9 / Math.max(1, m.bytesPerSecond());
        long threshold = t.multipartThreshold();
        ReadNanos n = toSend.fold(new ReadNanos(0, 0), (tally, size) -> {
            long nanos = firstByte + (long) (size * nanosPerByte);
            return size >= threshold ? new ReadNanos(tally.small(), tally.large() + nanos)
                    : new ReadNanos(tally.small() + nanos, tally.large());
        }, ReadNanos::plus);
        double small = n.small() / 1e9;
        double large = n.large() / 1e9;
        int tasks = Math.max(1, parallelism);
        return (long) Math.ceil(small / ((double) tasks * t.parallelFiles()) + large / tasks);
    }

    /** The estimate: the longer of the source's pace (when probed) and the whole job's assumed rate. */
    static long estimatedSeconds(Plan plan, long estimateRate, long sourceSeconds) {
        return Math.max(plan.bytesToSend() / Math.max(1, estimateRate), sourceSeconds);
    }

    /** The files a plan on the driver reads (copies and checks). */
    static List<PlannedFile> toSend(Plan plan) {
        return plan.partitions().stream().flatMap(List::stream)
                .filter(f -> f.action().sendsBytes() || f.action() == Action.CHECK).toList();
    }

    private static long pages(long items, long pageSize) {
        return Math.max(1, (items + pageSize - 1) / pageSize);
    }

    private static void put(Map<String, Long> r, String kind, long n) {
        if (n > 0) {
            r.put(kind, n);
        }
    }
}
