package io.lakeshift.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.config.FilterSettings;
import io.lakeshift.config.Overwrite;
import io.lakeshift.model.Fingerprint;
import io.lakeshift.model.SourceFile;
import io.lakeshift.model.TargetObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DecisionTest {
    private static final SourceFile SRC = new SourceFile("s3a://b/x", "x", 100, 1_700_000_000_123L, "\"e1\"", null);
    private static final TargetObject OBJ = new TargetObject("p/x", 100, "md5", "etag-A", 0);

    @Test
    void missingTargetIsNewAndAlwaysOverwrites() {
        assertEquals(Action.COPY_NEW, Decision.decide(SRC, null, null, Overwrite.CHANGED));
        assertEquals(Action.COPY_NEW, Decision.decide(SRC, null, null, Overwrite.NEVER));
        assertEquals(Action.COPY_UPDATE, Decision.decide(SRC, OBJ, null, Overwrite.ALWAYS));
    }

    @Test
    void recordedFingerprintOnTheSameObjectVersionDecidesWithoutAHead() {
        CopyRecord same = new CopyRecord("p/x", Fingerprint.of(SRC), "etag-A", "md5");
        assertEquals(Action.SKIP_EQUAL, Decision.decide(SRC, OBJ, same, Overwrite.CHANGED));
        SourceFile newEtag = new SourceFile("s3a://b/x", "x", 100, SRC.modified(), "\"e2\"", null);
        assertEquals(Action.COPY_UPDATE, Decision.decide(newEtag, OBJ, same, Overwrite.CHANGED),
                "same size and time, new ETag: changed");
        assertEquals(Action.EXCLUDE, Decision.decide(newEtag, OBJ, same, Overwrite.NEVER));
        CopyRecord otherVersion = new CopyRecord("p/x", Fingerprint.of(SRC), "etag-OLD", "md5");
        assertEquals(Action.CHECK, Decision.decide(SRC, OBJ, otherVersion, Overwrite.CHANGED),
                "the object was replaced since it was recorded: read its metadata");
        assertEquals(Action.CHECK, Decision.decide(SRC, OBJ, null, Overwrite.CHANGED));
    }

    @Test
    void differentSizeIsChangedWithoutLookingFurther() {
        TargetObject smaller = new TargetObject("p/x", 99, null, "etag-A", 0);
        assertEquals(Action.COPY_UPDATE, Decision.decide(SRC, smaller, null, Overwrite.CHANGED));
    }

    @Test
    void fingerprintsCompareEtagsWhereBothHaveThemElseTheModificationSecond() {
        Fingerprint a = new Fingerprint(10, 1000, null, null);
        assertTrue(a.sameVersionAs(new Fingerprint(10, 1000, null, null)));
        assertFalse(a.sameVersionAs(new Fingerprint(10, 1001, null, null)));
        assertFalse(a.sameVersionAs(new Fingerprint(11, 1000, null, null)));
        assertTrue(new Fingerprint(10, 1, "e", null).sameVersionAs(new Fingerprint(10, 2, "e", null)));
        assertFalse(new Fingerprint(10, 1, "e", "m1").sameVersionAs(new Fingerprint(10, 1, "e", "m2")));
        Map<String, String> meta = Fingerprint.metadata(SRC);
        assertTrue(Fingerprint.of(SRC).sameVersionAs(Fingerprint.fromMetadata(meta)));
        assertEquals(null, Fingerprint.fromMetadata(Map.of()));
    }

    @Test
    void globsFollowTheDocumentedRules() {
        assertTrue(new Glob("*.parquet").matches("a/b/c.parquet"), "no '/': the file name");
        assertFalse(new Glob("a/*.parquet").matches("a/b/c.parquet"), "'*' stays in a folder");
        assertTrue(new Glob("a/**/*.parquet").matches("a/b/c/d.parquet"));
        assertTrue(new Glob("a/**/*.parquet").matches("a/d.parquet"));
        assertTrue(new Glob("year=202{3,4}/**").matches("year=2024/m=1/x"));
        assertFalse(new Glob("year=202{3,4}/**").matches("year=2022/m=1/x"));
        assertTrue(new Glob("part-[0-9]*").matches("x/part-7.bin"));
        assertTrue(new Glob("part-[!a-z]?").matches("part-12"));
    }

    @Test
    void filtersSayWhichRuleLeftAFileOut() {
        Filters f = new Filters(new FilterSettings(List.of("*.parquet"), List.of("tmp/**"), 10L, 1000L,
                1_000_000L, 2_000_000L, null), null);
        assertEquals("matches no --include", f.excludes(file("a.csv", 100, 1_500_000)).orElseThrow());
        assertEquals("matches --exclude tmp/**", f.excludes(file("tmp/a.parquet", 100, 1_500_000)).orElseThrow());
        assertEquals("smaller than --min-size 10 B", f.excludes(file("a.parquet", 5, 1_500_000)).orElseThrow());
        assertTrue(f.excludes(file("a.parquet", 5000, 1_500_000)).orElseThrow().startsWith("larger than"));
        assertTrue(f.excludes(file("a.parquet", 100, 999_999)).orElseThrow().startsWith("modified before"));
        assertTrue(f.excludes(file("a.parquet", 100, 2_000_000)).orElseThrow().startsWith("modified at or after"));
        assertTrue(f.excludes(file("a.parquet", 100, 1_500_000)).isEmpty());
        Filters manifest = new Filters(FilterSettings.none(), Set.of("keep/me.bin"));
        assertTrue(manifest.excludes(file("keep/me.bin", 1, 0)).isEmpty());
        assertEquals("not in --files-from", manifest.excludes(file("other.bin", 1, 0)).orElseThrow());
    }

    private static SourceFile file(String rel, long size, long modified) {
        return new SourceFile("file:///l/" + rel, rel, size, modified, null, null);
    }
}
