package io.lakeshift.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.model.OciLocation;
import io.lakeshift.model.SourceFile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlannerTest {
    private static final OciLocation TARGET = OciLocation.parse("oci://b@ns/raw/");
    private static final SkipRules DEFAULT_SKIP =
            new SkipRules(List.of("_SUCCESS", "_temporary", "*.crc", "_started_*", "_committed_*", ".DS_Store"));

    private static SourceFile file(String rel, long size) {
        return new SourceFile("file:///lake/" + rel, rel, size, 0, null, null);
    }

    @Test
    void namesAreTargetPrefixPlusRelativePath() {
        Planner p = new Planner(TARGET, DEFAULT_SKIP);
        p.add(file("year=2024/part-0.parquet", 10));
        p.add(file("a b/ü#%+.parquet", 20));
        Plan plan = p.finish(1, 1);
        List<String> names = plan.partitions().get(0).stream().map(PlannedFile::objectName).sorted().toList();
        assertEquals(List.of("raw/a b/ü#%+.parquet", "raw/year=2024/part-0.parquet"), names);
        assertEquals(30, plan.totalBytes());
        assertEquals(2, plan.fileCount());
    }

    @Test
    void archivedFilesAreNotSentButReportedWithTheirTier() {
        Planner p = new Planner(TARGET, DEFAULT_SKIP);
        p.add(file("warm.bin", 10));
        p.add(new SourceFile("s3a://b/cold.bin", "cold.bin", 1000, 0, "e", null,
                new io.lakeshift.model.Archived("GLACIER", false)));
        p.add(new SourceFile("s3a://b/thawing.bin", "thawing.bin", 2000, 0, "e", null,
                new io.lakeshift.model.Archived("DEEP_ARCHIVE", true)));
        Plan plan = p.finish(1, 1);
        assertEquals(2, plan.count(Action.ARCHIVED));
        assertEquals(3000, plan.bytes(Action.ARCHIVED));
        assertEquals(10, plan.bytesToSend(), "archived bytes are not sent");
        assertTrue(plan.largest().stream().noneMatch(f -> f.action() == Action.ARCHIVED));
        List<String> notes = plan.partitions().get(0).stream().filter(f -> f.action() == Action.ARCHIVED)
                .map(PlannedFile::note).sorted().toList();
        assertEquals(List.of("archived (DEEP_ARCHIVE, restore in progress)", "archived (GLACIER)"), notes);
        assertEquals(3, plan.fileCount());
    }

    @Test
    void bookkeepingFilesAreSkippedAtAnyDepth() {
        Planner p = new Planner(TARGET, DEFAULT_SKIP);
        for (String rel : List.of("t/_SUCCESS", "t/_temporary/0/part-1.parquet", "t/.part-0.parquet.crc",
                "t/_started_123", "t/part-0.parquet", "_SUCCESS_not/x", "t/.DS_Store")) {
            p.add(file(rel, 1));
        }
        Plan plan = p.finish(1, 1);
        assertEquals(5, plan.skipped());
        Set<String> kept = new HashSet<>();
        plan.partitions().get(0).forEach(f -> kept.add(f.source().relativePath()));
        assertEquals(Set.of("t/part-0.parquet", "_SUCCESS_not/x"), kept);
    }

    @Test
    void skipRulesAreConfigurable() {
        assertFalse(new SkipRules(List.of()).skips("_SUCCESS"));
        assertTrue(new SkipRules(List.of("*.tmp")).skips("a/b.tmp"));
        assertFalse(new SkipRules(List.of("*.tmp")).skips("a/b.tmp.parquet"));
        assertTrue(new SkipRules(List.of("x?z")).skips("xyz/a"));
    }

    @Test
    void namesOverTheLimitOrWithControlCharactersAreRejectedBeforeAnyUpload() {
        Planner p = new Planner(TARGET, DEFAULT_SKIP);
        p.add(file("ok.parquet", 1));
        p.add(file("é".repeat(510) + ".parquet", 1)); // 1020 bytes + 8 + "raw/" prefix: over 1024
        p.add(file("bad\u0001name", 1));
        PlanException e = assertThrows(PlanException.class, () -> p.finish(0, 2));
        String m = e.getMessage();
        assertTrue(m.startsWith("2 source file(s) have names OCI Object Storage cannot store"), m);
        assertTrue(m.contains("1032 bytes of UTF-8; OCI allows 1024"), m);
        assertTrue(m.contains("'file:///lake/bad\\u0001name': control character U+0001 at position 7"), m);
        assertFalse(m.contains("\u0001"), "the message must stay printable");
    }

    @Test
    void nameExactlyAtTheLimitIsAccepted() {
        assertTrue(ObjectNames.problem("a".repeat(1024)).isEmpty());
        assertFalse(ObjectNames.problem("a".repeat(1025)).isEmpty());
        assertFalse(ObjectNames.problem("").isEmpty());
    }

    @Test
    void twoFilesMappingToOneNameAreRejected() {
        Planner p = new Planner(TARGET, DEFAULT_SKIP);
        p.add(new SourceFile("s3a://b/a//x", "a/x", 1, 0, null, null));
        p.add(new SourceFile("s3a://b/a/x", "a/x", 2, 0, null, null));
        PlanException e = assertThrows(PlanException.class, () -> p.finish(0, 2));
        assertTrue(e.getMessage().startsWith("1 target name collision(s): 's3a://b/a//x' and 's3a://b/a/x' both map"
                + " to 'raw/a/x'"), e.getMessage());
    }

    @Test
    void oneHugeFileDoesNotMakeAStragglerOfAPartitionFullOfOthers() {
        List<PlannedFile> files = new ArrayList<>();
        files.add(PlannedFile.copy(file("huge", 10L << 30), "huge"));
        for (int i = 0; i < 400; i++) {
            files.add(PlannedFile.copy(file("small-" + i, 100L << 20), "small-" + i));
        }
        List<List<PlannedFile>> bins = Planner.balance(files, 8);
        long[] bytes = bins.stream().mapToLong(b -> b.stream().mapToLong(f -> f.source().size()).sum()).toArray();
        List<PlannedFile> withHuge = bins.stream().filter(b -> b.stream().anyMatch(f -> f.objectName().equals("huge")))
                .findFirst().orElseThrow();
        assertEquals(1, withHuge.size(), "the huge file gets a partition of its own");
        long total = 10L * 400 * (10L << 20) / 10 + (10L << 30);
        long ideal = total / 8;
        for (long b : bytes) {
            assertTrue(b <= Math.max(10L << 30, ideal + (100L << 20) + Planner.FILE_COST_BYTES),
                    "partition of " + b + " bytes exceeds the bound");
        }
    }

    @Test
    void balanceByBytesNotByCount() {
        Random r = new Random(42);
        List<PlannedFile> files = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            long size = (long) Math.pow(10, 3 + r.nextDouble() * 5); // 1 KB .. 100 MB, skewed
            files.add(PlannedFile.copy(file("f" + i, size), "f" + i));
        }
        Collections.shuffle(files, r);
        List<List<PlannedFile>> bins = Planner.balance(files, 16);
        long max = 0;
        long min = Long.MAX_VALUE;
        for (List<PlannedFile> b : bins) {
            long cost = b.stream().mapToLong(f -> f.source().size() + Planner.FILE_COST_BYTES).sum();
            max = Math.max(max, cost);
            min = Math.min(min, cost);
        }
        long largestFile = files.stream().mapToLong(f -> f.source().size()).max().orElseThrow();
        assertTrue(max - min <= largestFile + Planner.FILE_COST_BYTES, "spread " + (max - min));
        assertEquals(2000, bins.stream().mapToInt(List::size).sum());
    }

    @Test
    void automaticPartitionCountFollowsBytesAndParallelism() {
        assertEquals(1, Planner.autoPartitions(0, 0, 8));
        assertEquals(3, Planner.autoPartitions(3, 3, 8), "never more partitions than files");
        assertEquals(16, Planner.autoPartitions(1000, 1000, 8), "at least two tasks per core");
        assertEquals(100, Planner.autoPartitions(100_000, 100L << 30, 8), "about 1 GiB per partition");
        assertEquals(31, Planner.autoPartitions(1_000_000, 1_000_000 * Planner.SMALL_COST, 2),
                "a million skips (4 GB of cost) in partitions of at most 32,768 files, not four of 250,000");
        assertEquals(100_000, Planner.autoPartitions(10_000_000_000L, 0, 2), "never more than 100,000 partitions");
    }
}
