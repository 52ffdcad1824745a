package io.lakeshift.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.config.TableSettings;
import io.lakeshift.log.TableSummary;
import io.lakeshift.plan.FileRoles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Finding tables in a listing, and what the chosen version of a Delta table leaves out and holds back. */
class LakeTablesTest {
    private static final String V0 = "t/_delta_log/00000000000000000000.json";
    private static final String V1 = "t/_delta_log/00000000000000000001.json";
    private static final String V2 = "t/_delta_log/00000000000000000002.json";
    private static final String CP1 = "t/_delta_log/00000000000000000001.checkpoint.parquet";
    private static final String LAST = "t/_delta_log/_last_checkpoint";

    private static LakeTables listed(TableSettings settings, String... paths) {
        LakeTables tables = new LakeTables(settings);
        for (String p : paths) {
            tables.see(p);
        }
        return tables;
    }

    private static TableSettings settings(Long version, TableSettings.Files files) {
        return new TableSettings(TableSettings.Detect.AUTO, version, null, files, TableSettings.Verify.METADATA);
    }

    @Test
    void findsDeltaAndIcebergTablesAndLeavesPlainFoldersAlone() {
        LakeTables tables = listed(TableSettings.defaults(), V0, "t/part-0.parquet", "t/p=1/part-1.parquet",
                "ice/db/orders/metadata/v2.metadata.json", "ice/db/orders/data/a.parquet",
                "hinted/metadata/version-hint.text", "plain/metadata/notes.txt", "plain/x.parquet",
                "t/nested/_delta_log/00000000000000000000.json");
        assertEquals(List.of(new Table(TableFormat.ICEBERG, "hinted/"), new Table(TableFormat.ICEBERG, "ice/db/orders/"),
                new Table(TableFormat.DELTA, "t/")), tables.tables());
    }

    @Test
    void theSourceRootItselfCanBeATable() {
        LakeTables tables = listed(TableSettings.defaults(), "_delta_log/00000000000000000000.json", "part-0.parquet");
        assertEquals(List.of(new Table(TableFormat.DELTA, "")), tables.tables());
    }

    @Test
    void tablesOffFindsNothing() {
        LakeTables tables = listed(new TableSettings(TableSettings.Detect.OFF, null, null,
                TableSettings.Files.REFERENCED, TableSettings.Verify.METADATA), V0, "t/part-0.parquet");
        assertEquals(List.of(), tables.tables());
    }

    @Test
    void theLatestListedVersionIsReadAndUnreferencedFilesAreLeftOut() {
        LakeTables tables = listed(TableSettings.defaults(), V0, V1, CP1, LAST, "t/a.parquet", "t/b.parquet",
                "t/deletion_vector_1.bin", "plain.txt");
        List<Long> asked = new ArrayList<>();
        TableReader reader = (uri, version, time, hadoop) -> {
            assertEquals("file:/lake/t/", uri);
            asked.add(version);
            return new TableReader.DeltaVersion(version, Set.of("b.parquet", "deletion_vector_1.bin"));
        };
        FileRoles roles = tables.roles(reader, "file:/lake", Map.of());
        assertEquals(List.of(1L), asked, "the latest version the listing holds");
        assertTrue(roles.leaveOut("t/a.parquet").orElseThrow().contains("not referenced by version 1"));
        assertFalse(roles.leaveOut("t/b.parquet").isPresent());
        assertFalse(roles.leaveOut("t/deletion_vector_1.bin").isPresent());
        assertFalse(roles.leaveOut(LAST).isPresent(), "the latest version keeps _last_checkpoint");
        assertFalse(roles.leaveOut("plain.txt").isPresent());
        assertTrue(roles.last(V0) && roles.last(CP1) && roles.last(LAST));
        assertFalse(roles.last("t/b.parquet") || roles.last("plain.txt"));
        assertEquals(List.of(TableSummary.found("delta", "t/", 1L, 3, 1)), tables.summaries(),
                "each file asked about counted once: b, the deletion vector and _last_checkpoint kept, a left out");
    }

    @Test
    void aVersionReferencingAFileThePlanDoesNotHoldIsRefused() {
        LakeTables tables = listed(TableSettings.defaults(), V0, "t/a.parquet");
        FileRoles roles = tables.roles((uri, version, time, hadoop) -> new TableReader.DeltaVersion(version,
                Set.of("a.parquet", "gone.parquet")), "file:/lake/", Map.of());
        roles.leaveOut("t/a.parquet");
        roles.leaveOut(V0);
        TableException e = assertThrows(TableException.class, tables::checkComplete);
        assertTrue(e.getMessage().startsWith("version 0 of Delta table t/ references 1 file(s) the source listing"
                + " does not hold or a filter left out: gone.parquet;"), e.getMessage());
    }

    @Test
    void anEarlierVersionLeavesOutLaterLogEntriesAndTheLastCheckpointPointer() {
        LakeTables tables = listed(settings(0L, TableSettings.Files.ALL), V0, V1, V2, CP1, LAST, "t/a.parquet");
        FileRoles roles = tables.roles((uri, version, time, hadoop) -> new TableReader.DeltaVersion(version,
                Set.of()), "file:/lake/", Map.of());
        assertFalse(roles.leaveOut(V0).isPresent());
        assertTrue(roles.leaveOut(V1).orElseThrow().contains("after version 0"));
        assertTrue(roles.leaveOut(CP1).isPresent());
        assertTrue(roles.leaveOut(LAST).isPresent());
        assertFalse(roles.leaveOut("t/a.parquet").isPresent(), "--table-files all keeps every data file");
    }

    @Test
    void aVersionAfterTheLatestListedIsRefused() {
        LakeTables tables = listed(settings(7L, TableSettings.Files.REFERENCED), V0, V1);
        TableException e = assertThrows(TableException.class, () -> tables.roles(
                (uri, version, time, hadoop) -> new TableReader.DeltaVersion(version, Set.of()), "file:/l/", Map.of()));
        assertTrue(e.getMessage().contains("no version 7 (the latest listed is 1); check --table-version"),
                e.getMessage());
    }

    @Test
    void aTableTheReaderCannotReadNamesTheWayOut() {
        LakeTables tables = listed(TableSettings.defaults(), V0);
        TableException e = assertThrows(TableException.class, () -> tables.roles(TableReader.NONE, "file:/l/",
                Map.of()));
        assertTrue(e.getMessage().startsWith("cannot read Delta table t/ at version 0: no table reader"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("--tables off"), e.getMessage());
    }

    @Test
    void logEntryVersionsFollowTheProtocolsNames() {
        assertEquals(10, DeltaLogEntry.version("00000000000000000010.json").getAsLong());
        assertEquals(10, DeltaLogEntry.version("00000000000000000010.checkpoint.0000000001.0000000002.parquet")
                .getAsLong());
        assertEquals(12, DeltaLogEntry.version("00000000000000000010.00000000000000000012.compacted.json")
                .getAsLong());
        assertFalse(DeltaLogEntry.version("_last_checkpoint").isPresent());
        assertTrue(DeltaLogEntry.isVersion("00000000000000000010.checkpoint.parquet"));
        assertFalse(DeltaLogEntry.isVersion("00000000000000000010.crc"));
    }
}
