package io.lakeshift.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.config.TableSettings;
import io.lakeshift.model.SourceFile;
import io.lakeshift.plan.FileRoles;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What an Iceberg table's rewritten snapshot decides: rewritten copies in place of the source's, metadata last. */
class IcebergRolesTest {
    private static final String STAGE = "file:/log/run_id=1/iceberg-staging/ice/";

    /** A reader standing for Iceberg's RewriteTablePath: v2 is the snapshot, v3 came later. */
    private static final class Rewrite implements TableReader {
        String askedMetadata;
        String askedTarget;

        @Override
        public DeltaVersion readDelta(String uri, Long version, Long time, Map<String, String> hadoop)
                throws IOException {
            throw new IOException("not Delta");
        }

        @Override
        public IcebergSnapshot readIceberg(String uri, String metadataFile, Long snapshotId, String targetUri,
                String staging, Map<String, String> hadoop) {
            askedMetadata = metadataFile;
            askedTarget = targetUri;
            assertEquals(STAGE, staging);
            return new IcebergSnapshot(7, "metadata/v2.metadata.json", Map.of(
                    "metadata/v1.metadata.json", new StagedFile(STAGE + "metadata/v1.metadata.json", 10, false),
                    "metadata/v2.metadata.json", new StagedFile(STAGE + "metadata/v2.metadata.json", 11, false),
                    "metadata/snap-7.avro", new StagedFile(STAGE + "metadata/snap-7.avro", 12, false),
                    "metadata/version-hint.text", new StagedFile(STAGE + "metadata/version-hint.text", 1, true)),
                    Set.of("data/a.parquet"));
        }
    }

    private static LakeTables listed(String... paths) {
        LakeTables tables = new LakeTables(TableSettings.defaults());
        for (String p : paths) {
            tables.see(p);
        }
        return tables;
    }

    @Test
    void rewrittenFilesStandInForTheSourcesAndTheMetadataComesLast() {
        LakeTables tables = listed("ice/metadata/v1.metadata.json", "ice/metadata/v2.metadata.json",
                "ice/metadata/v10.metadata.json", "ice/metadata/snap-7.avro", "ice/metadata/snap-9.avro",
                "ice/metadata/version-hint.text", "ice/data/a.parquet", "ice/data/old.parquet", "plain.txt");
        Rewrite reader = new Rewrite();
        FileRoles roles = tables.roles(reader, "file:/lake/", "oci://b@ns/to/", "file:/log/run_id=1/iceberg-staging/",
                Map.of());

        assertEquals("metadata/v10.metadata.json", reader.askedMetadata, "the latest listed, by version");
        assertEquals("oci://b@ns/to/ice/", reader.askedTarget);
        assertTrue(roles.leaveOut("ice/metadata/v10.metadata.json").orElseThrow().contains("not part of snapshot 7"));
        assertTrue(roles.leaveOut("ice/metadata/snap-9.avro").isPresent());
        assertTrue(roles.leaveOut("ice/data/old.parquet").orElseThrow().contains("not referenced by snapshot 7"));
        assertFalse(roles.leaveOut("ice/data/a.parquet").isPresent());
        assertFalse(roles.leaveOut("ice/metadata/snap-7.avro").isPresent());
        assertFalse(roles.leaveOut("plain.txt").isPresent());

        SourceFile listed = new SourceFile("file:/lake/ice/metadata/v2.metadata.json", "ice/metadata/v2.metadata.json",
                99, 5000, null, null);
        SourceFile staged = roles.replace(listed).orElseThrow();
        assertEquals(STAGE + "metadata/v2.metadata.json", staged.uri());
        assertEquals(11, staged.size());
        assertEquals(5000, staged.modified(), "the source file's time: a later run finds an equal copy");
        assertTrue(roles.replace(new SourceFile("file:/lake/ice/data/a.parquet", "ice/data/a.parquet", 1, 1, null,
                null)).isEmpty(), "data files are copied as they are");

        assertTrue(roles.last("ice/metadata/v2.metadata.json") && roles.last("ice/metadata/version-hint.text"));
        assertFalse(roles.last("ice/metadata/snap-7.avro") || roles.last("ice/data/a.parquet"));
        assertEquals(List.of(7L), tables.states().stream().map(TableState::version).toList());
    }

    @Test
    void aRewrittenFileTheListingDoesNotHoldRefusesTheRun() {
        LakeTables tables = listed("ice/metadata/v2.metadata.json", "ice/data/a.parquet");
        FileRoles roles = tables.roles(new Rewrite(), "file:/lake/", "oci://b@ns/to/",
                "file:/log/run_id=1/iceberg-staging/", Map.of());
        for (String p : List.of("ice/metadata/v2.metadata.json", "ice/data/a.parquet")) {
            roles.leaveOut(p);
        }
        TableException e = assertThrows(TableException.class, tables::checkComplete);
        assertTrue(e.getMessage().contains("snapshot 7 of Iceberg table ice/"), e.getMessage());
        assertTrue(e.getMessage().contains("metadata/v1.metadata.json"), e.getMessage());
        assertTrue(e.getMessage().contains("--table-snapshot"), e.getMessage());
    }

    @Test
    void metadataFileNamesOrderByVersion() {
        assertEquals(10, IcebergMetadataName.version("v10.metadata.json"));
        assertEquals(3, IcebergMetadataName.version("v3.gz.metadata.json"));
        assertEquals(12, IcebergMetadataName.version("00012-6f0c2b1e-0d4b-4c2a-9b1e-2f1d3c4b5a69.metadata.json"));
        assertTrue(IcebergMetadataName.compare("v10.metadata.json", "v9.metadata.json") > 0);
    }
}
