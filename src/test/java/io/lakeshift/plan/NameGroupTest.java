package io.lakeshift.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lakeshift.config.FilterSettings;
import io.lakeshift.config.Mode;
import io.lakeshift.config.Overwrite;
import io.lakeshift.model.Fingerprint;
import io.lakeshift.model.OciLocation;
import io.lakeshift.model.SourceFile;
import io.lakeshift.model.TargetObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The distributed plan's per-name step ({@link NameGroup}) against the driver's {@link Planner} on the same
 * inputs: grouped by name here as the cluster's cogroup groups them, they must plan the same work and refuse the
 * same plans.
 */
class NameGroupTest {
    private static final OciLocation TARGET = OciLocation.parse("oci://b@ns/raw/");
    private static final SkipRules SKIP = new SkipRules(List.of("_SUCCESS", "*.crc"));
    private static final Comparator<PlannedFile> ORDER = Comparator.comparing(PlannedFile::objectName)
            .thenComparing(PlannedFile::relativePath).thenComparing(f -> f.action().name());

    @Test
    void randomLakesArePlannedTheSameBothWays() {
        Random random = new Random(14);
        for (Mode mode : List.of(Mode.COPY, Mode.SYNC, Mode.MOVE)) {
            for (Overwrite overwrite : Overwrite.values()) {
                List<SourceFile> files = new ArrayList<>();
                Map<String, TargetObject> targets = new HashMap<>();
                Map<String, CopyRecord> records = new HashMap<>();
                for (int i = 0; i < 300; i++) {
                    String rel = "d" + random.nextInt(5) + "/f" + i + (i % 17 == 0 ? ".crc" : i % 13 == 0 ? ".tmp" : "");
                    long size = random.nextInt(4) * 100L;
                    long modified = 1_000_000L * random.nextInt(3);
                    files.add(new SourceFile("file:///lake/" + rel, rel, size, modified, null, null));
                    int r = random.nextInt(4);
                    if (r > 0) {
                        String etag = "e" + i;
                        long targetSize = r == 1 ? size + 1 : size;
                        targets.put("raw/" + rel, new TargetObject("raw/" + rel, targetSize, null, etag, 0));
                        if (r == 3) {
                            records.put("raw/" + rel, new CopyRecord("raw/" + rel,
                                    new Fingerprint(size, random.nextBoolean() ? modified / 1000 : 7, null, null),
                                    etag, "md5"));
                        }
                    }
                }
                for (int i = 0; i < 20; i++) {
                    String name = "raw/gone/o" + i + (i % 5 == 0 ? ".tmp" : "");
                    targets.put(name, new TargetObject(name, 10, null, "g" + i, 0));
                }
                targets.put("raw/_lakeshift/logs/x.jsonl", new TargetObject("raw/_lakeshift/logs/x.jsonl", 1, null,
                        "l", 0));
                FileRules rules = new FileRules(TARGET, SKIP, new Filters(new FilterSettings(List.of(),
                        List.of("*.tmp"), null, null, null, null, null), null), overwrite, mode, "raw/_lakeshift/");

                Planner planner = new Planner(rules, new HashMap<>(targets), records);
                files.forEach(planner::add);
                Plan plan = planner.finish(3, 2);
                List<PlannedFile> local = new ArrayList<>(plan.partitions().stream().flatMap(List::stream).toList());
                local.sort(ORDER);

                List<PlannedFile> grouped = new ArrayList<>();
                byName(rules, files, targets, records).forEach(g -> grouped.addAll(g.files()));
                grouped.sort(ORDER);
                assertEquals(local, grouped, mode + " " + overwrite);
            }
        }
    }

    @Test
    void collisionsAndBadNamesAreFoundPerName() {
        FileRules rules = new FileRules(TARGET, SKIP, new Filters(FilterSettings.none(), null), Overwrite.CHANGED,
                Mode.COPY, null);
        List<SourceFile> files = List.of(new SourceFile("s3a://a/x.bin", "x.bin", 1, 0, null, null),
                new SourceFile("s3a://b/x.bin", "x.bin", 2, 0, null, null),
                new SourceFile("s3a://c/x.bin", "x.bin", 3, 0, null, null));
        Planner planner = new Planner(rules, new HashMap<>(), Map.of());
        files.forEach(planner::add);
        PlanException local = assertThrows(PlanException.class, () -> planner.finish(1, 1));
        NameGroup g = NameGroup.plan(rules, "raw/x.bin", files, null, null);
        assertEquals(2, g.collisions());
        assertEquals(local.getMessage(), FileRules.collisions(g.collisions(), g.collisionExamples()).getMessage());

        SourceFile bad = new SourceFile("file:///lake/a\u0001b", "a\u0001b", 1, 0, null, null);
        Planner badPlanner = new Planner(rules, new HashMap<>(), Map.of());
        badPlanner.add(bad);
        PlanException badLocal = assertThrows(PlanException.class, () -> badPlanner.finish(1, 1));
        NameGroup b = NameGroup.plan(rules, rules.objectName(bad), List.of(bad), null, null);
        assertEquals(badLocal.getMessage(), rules.badNames(b.badNames().size(), b.badNames()).getMessage());
    }

    /** The cogroup of the distributed plan, in one JVM: every name any side holds, with each side's rows. */
    private static List<NameGroup> byName(FileRules rules, List<SourceFile> files, Map<String, TargetObject> targets,
            Map<String, CopyRecord> records) {
        Map<String, List<SourceFile>> sources = new TreeMap<>();
        files.stream().filter(f -> !rules.skips(f))
                .forEach(f -> sources.computeIfAbsent(rules.objectName(f), k -> new ArrayList<>()).add(f));
        TreeSet<String> names = new TreeSet<>(sources.keySet());
        names.addAll(targets.keySet());
        names.addAll(records.keySet());
        return names.stream().map(n -> NameGroup.plan(rules, n, sources.getOrDefault(n, List.of()), targets.get(n),
                records.get(n))).toList();
    }
}
