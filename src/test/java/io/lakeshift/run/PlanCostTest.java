package io.lakeshift.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.config.ConfigLoader;
import io.lakeshift.config.PlanSettings;
import io.lakeshift.config.TransferSettings;
import io.lakeshift.log.PlanReport;
import io.lakeshift.model.SourceFile;
import io.lakeshift.model.TargetObject;
import io.lakeshift.plan.Action;
import io.lakeshift.plan.Plan;
import io.lakeshift.plan.PlannedFile;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plan's request counts, prices and time, worked out by hand from the rules in PlanCost's comment. */
class PlanCostTest {
    private static final long MIB = 1L << 20;
    private static final long GIB = 1L << 30;
    /** 64MiB threshold, 32MiB parts: the defaults. */
    private static final TransferSettings T = TransferSettings.of(64 * MIB, 32 * MIB, 4);
    private static final PlanCost.SourceRequests S3 = new PlanCost.SourceRequests(1000, size -> 1);

    private static PlannedFile file(String name, long size, Action action) {
        SourceFile s = new SourceFile("s3a://b/" + name, name, size, 0, null, null);
        TargetObject t = action == Action.COPY_NEW ? null : new TargetObject(name, size, null, "e", 0);
        return new PlannedFile(s, name, name, action, t, null, null);
    }

    private static Plan plan(List<PlannedFile> files, long skipped) {
        Map<Action, long[]> by = new EnumMap<>(Action.class);
        long total = 0;
        long sourceFiles = 0;
        for (PlannedFile f : files) {
            long[] c = by.computeIfAbsent(f.action(), a -> new long[2]);
            c[0]++;
            c[1] += f.action() == Action.DELETE ? f.target().size() : f.sourceSize();
            if (f.action() != Action.DELETE) {
                total += f.sourceSize();
                sourceFiles++;
            }
        }
        return new Plan(List.of(new ArrayList<>(files)), sourceFiles, total, skipped, by, List.of());
    }

    private static PlannedFile delete(String name, long size) {
        return new PlannedFile(null, name, name, Action.DELETE, new TargetObject(name, size, null, "e", 0), null,
                "no source file");
    }

    @Test
    void requestsAreCountedByKindAsTheCopyMakesThem() {
        List<PlannedFile> files = new ArrayList<>();
        files.add(file("small.bin", MIB, Action.COPY_NEW)); // one PUT
        files.add(file("big.bin", 100 * MIB, Action.COPY_UPDATE)); // create + 4 parts of 32MiB + commit
        files.add(file("checked.bin", 10, Action.CHECK)); // a HEAD, then at most a PUT
        files.add(file("same.bin", GIB, Action.SKIP_EQUAL)); // nothing
        files.add(file("cold.bin", GIB, Action.ARCHIVED)); // nothing
        files.add(delete("gone-1", 5));
        files.add(delete("gone-2", 5));
        Plan plan = plan(files, 1);

        Map<String, Long> r = PlanCost.requests(plan, 2500, S3, T);

        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("source LIST", 1L); // 5 files + 1 skipped, up to 1,000 a page
        expected.put("source GET", 3L);
        expected.put("OCI LIST", 3L); // 2,500 objects, 1,000 a page
        expected.put("OCI PUT", 2L);
        expected.put("OCI multipart create+commit", 2L);
        expected.put("OCI multipart parts", 4L);
        expected.put("OCI HEAD", 1L);
        expected.put("OCI DELETE", 2L);
        assertEquals(expected, r);
        assertEquals(3 + 2 + 2 + 4 + 1 + 2, PlanCost.ociRequests(r));
    }

    @Test
    void partsAreRaisedToStayWithinTenThousand() {
        // 1TiB at 32MiB would be 32,768 parts; OCI allows 10,000, so each part is ceil(1TiB / 10,000) bytes.
        Plan plan = plan(List.of(file("huge.bin", 1L << 40, Action.COPY_NEW)), 0);
        assertEquals(10_000L, PlanCost.requests(plan, 0, S3, T).get("OCI multipart parts"));
    }

    @Test
    void rangedReadsAndVerifyAddRequestsAndFreeStoresBillNone() {
        Plan plan = plan(List.of(file("a.bin", 40 * MIB, Action.COPY_NEW)), 0);
        // ADLS reads files above 16MiB in 8MiB ranges: 5 GETs.
        PlanCost.SourceRequests adls = new PlanCost.SourceRequests(5000, size -> (size + 8 * MIB - 1) / (8 * MIB));
        assertEquals(5L, PlanCost.requests(plan, 0, adls, T).get("source GET"));
        TransferSettings verify = new TransferSettings(T.multipartThreshold(), T.partSize(), T.parallelParts(),
                T.parallelFiles(), true, T.parquetCheck(), T.maxAttempts(), T.fileTimeoutMillis());
        assertEquals(1L, PlanCost.requests(plan, 0, S3, verify).get("OCI GET (--verify)"));
        Map<String, Long> local = PlanCost.requests(plan, 0, new PlanCost.SourceRequests(0, size -> 1), T);
        assertTrue(local.keySet().stream().noneMatch(k -> k.startsWith("source")), local.toString());
    }

    @Test
    void storageIsPricedPerTierAtTheListPricesPerGbMonth() {
        // 1TiB = 1,024 GB (GB = 2^30 bytes) stored: sent and equal files, not archived or excluded ones.
        Plan plan = plan(List.of(file("new.bin", 512 * GIB, Action.COPY_NEW),
                file("same.bin", 512 * GIB, Action.SKIP_EQUAL), file("cold.bin", 7 * GIB, Action.ARCHIVED),
                file("out.bin", 3 * GIB, Action.EXCLUDE)), 0);
        PlanSettings prices = ConfigLoader.load(List.of("--source", "s3a://b/", "--target", "oci://b@n/",
                "--egress-price", "0.09")).plan();

        PlanReport.Cost c = PlanCost.cost(plan, Map.of("OCI PUT", 20_000L, "source GET", 99L), prices);

        assertEquals(1L << 40, c.storedBytes());
        // The defaults: Standard 0.0255, Infrequent Access 0.01, Archive 0.0026 per GB-month.
        assertEquals(0, new BigDecimal("26.112").compareTo(c.storagePerMonth().get("Standard")), c.toString());
        assertEquals(0, new BigDecimal("10.24").compareTo(c.storagePerMonth().get("InfrequentAccess")));
        assertEquals(0, new BigDecimal("2.6624").compareTo(c.storagePerMonth().get("Archive")));
        assertEquals("Standard", c.targetTier());
        // 20,000 OCI requests at 0.0034 per 10,000; the source's requests are the source's bill.
        assertEquals(0, new BigDecimal("0.0068").compareTo(c.requests()));
        // Egress: the 512GB sent at 0.09 per GB.
        assertEquals(0, new BigDecimal("46.08").compareTo(c.egress()));
    }

    @Test
    void withoutAnEgressPriceThereIsNoEgressLine() {
        Plan plan = plan(List.of(file("a.bin", GIB, Action.COPY_NEW)), 0);
        PlanReport.Cost c = PlanCost.cost(plan, Map.of(), PlanSettings.defaults());
        assertEquals(null, c.egress());
        assertEquals("26.11", PlanText.money(new BigDecimal("26.112")));
        assertEquals("0.0068", PlanText.money(new BigDecimal("0.0068")));
    }

    @Test
    void timeIsTheSlowerOfTheProbedSourceAndTheAssumedRate() {
        // 100 small files of 1MiB and 2 of 100MiB; the probe: 50ms to the first byte, then 10MiB/s per stream.
        List<PlannedFile> files = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            files.add(file("s" + i, MIB, Action.COPY_NEW));
        }
        files.add(file("l1", 100 * MIB, Action.COPY_NEW));
        files.add(file("l2", 100 * MIB, Action.COPY_NEW));
        Plan plan = plan(files, 0);
        SourceProbe.Measured m = new SourceProbe.Measured(2, 20 * MIB, 100_000_000L, 2_000_000_000L, null);
        assertEquals(10 * MIB, m.bytesPerSecond());
        assertEquals(50, m.firstByteMillis());

        // 2 tasks, 8 small files at once each: 100 x (0.05 + 0.1) / 16 + 2 x (0.05 + 10) / 2 = 0.9375 + 10.05
        assertEquals(11, PlanCost.sourceSeconds(plan, m, T, 2));
        // At 100MiB/s the 300MiB take 3s: the source is slower, so it sets the estimate.
        assertEquals(11, PlanCost.estimatedSeconds(plan, 100 * MIB, 11));
        // At 1MiB/s the rate is slower.
        assertEquals(300, PlanCost.estimatedSeconds(plan, MIB, 11));
        // Nothing measured: the rate alone.
        assertEquals(0, PlanCost.sourceSeconds(plan, new SourceProbe.Measured(0, 0, 0, 0, "x"), T, 2));
    }

    /**
     * Folded in parts and merged, as the executors fold a plan held on the cluster (partition by partition, in any
     * order): the same requests and the same time as the driver's fold over the whole list.
     */
    @Test
    void theEstimateFoldedInPartsInAnyOrderIsTheWholeFold() {
        List<PlannedFile> files = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            files.add(file("f" + i, (i % 7 == 0 ? 200 : 1) * MIB + i * 4099L, Action.COPY_NEW));
        }
        Plan plan = plan(files, 3);
        PlanCost.Sizes parts = new PlanCost.Sizes() {
            @Override
            public <T extends java.io.Serializable> T fold(T zero, ClusterPlan.Add<T> add, ClusterPlan.Merge<T> merge) {
                T merged = zero;
                for (int from : List.of(200, 0, 100)) { // three partitions, out of order
                    merged = merge.merge(merged, PlanCost.sizes(files.subList(from, from + 100)).fold(zero, add, merge));
                }
                return merged;
            }
        };
        assertEquals(PlanCost.requests(plan, 10, S3, T), PlanCost.requests(plan, parts, 10, S3, T));
        SourceProbe.Measured m = new SourceProbe.Measured(3, 30 * MIB, 123_456_789L, 3_000_000_001L, null);
        assertEquals(PlanCost.sourceSeconds(plan, m, T, 2), PlanCost.sourceSeconds(parts, m, T, 2));
        assertTrue(PlanCost.sourceSeconds(plan, m, T, 2) > 0);
    }
}
