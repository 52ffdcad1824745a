package io.lakeshift.plan;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.config.Option;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** --skip leaves bookkeeping out; --keep-markers keeps the _SUCCESS flags, but nothing below a skipped folder. */
class SkipRulesTest {
    private static final List<String> DEFAULT = Arrays.asList(Option.SKIP.defaultValue().split(","));

    @Test
    void theDefaultRulesSkipSuccessFlagsAndTemporaryFolders() {
        SkipRules rules = new SkipRules(DEFAULT);
        assertTrue(rules.skips("sales/_SUCCESS"));
        assertTrue(rules.skips("sales/_temporary/0/part-0.parquet"));
        assertTrue(rules.skips("sales/part-0.parquet.crc"));
        assertFalse(rules.skips("sales/part-0.parquet"));
    }

    @Test
    void keepMarkersKeepsSuccessFlagsOutsideSkippedFoldersAndEmptyFolderMarkers() {
        SkipRules rules = new SkipRules(DEFAULT, true);
        assertFalse(rules.skips("sales/_SUCCESS"));
        assertFalse(rules.skips("_SUCCESS"));
        assertFalse(rules.skips("sales/year=2024/"), "an empty folder's marker");
        assertTrue(rules.skips("sales/_temporary/0/_SUCCESS"), "still nothing below _temporary");
        assertTrue(rules.skips("sales/_temporary/"), "nor the folder itself");
        assertTrue(rules.skips("sales/part-0.parquet.crc"), "other bookkeeping is still skipped");
        assertTrue(rules.skips("sales/_SUCCESS.crc"));
    }
}
