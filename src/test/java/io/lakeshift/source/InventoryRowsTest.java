package io.lakeshift.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.lakeshift.model.SourceFile;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import org.junit.jupiter.api.Test;

/**
 * Inventory rows made source files. Value forms as the stores document them (AWS "Amazon S3 Inventory": CSV keys
 * URL-encoded, LastModifiedDate ISO-8601, StorageClass GLACIER / DEEP_ARCHIVE; Microsoft "Azure Storage blob
 * inventory": Name the container and blob path, Content-MD5 base64, AccessTier Hot / Cool / Cold / Archive).
 */
class InventoryRowsTest {
    private static InventoryManifest s3(String format, String schema) throws SourceException {
        String json = "{\"sourceBucket\":\"lake\",\"fileFormat\":\"" + format + "\",\"fileSchema\":\"" + schema
                + "\",\"files\":[{\"key\":\"inv/lake/c/data/a\",\"size\":1}]}";
        return InventoryManifest.parse("s3a://dest/inv/lake/c/2026-12-01T00-00Z/manifest.json",
                json.getBytes(StandardCharsets.UTF_8));
    }

    private static InventoryManifest azure() throws SourceException {
        String json = "{\"destinationContainer\":\"inv\",\"files\":[{\"blob\":\"2026/r/r.csv\",\"size\":1}],"
                + "\"ruleDefinition\":{\"format\":\"csv\",\"objectType\":\"blob\",\"schemaFields\":[\"Name\","
                + "\"Content-Length\",\"Last-Modified\",\"Content-MD5\",\"AccessTier\"]}}";
        return InventoryManifest.parse("abfss://inv@acct.dfs.core.windows.net/2026/r/r-manifest.json",
                json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void s3CsvRowBelowTheSourceIsItsFileWithTheKeyDecoded() throws Exception {
        InventoryRows rows = new InventoryRows(s3("CSV", "Bucket, Key, Size, LastModifiedDate, ETag, StorageClass"),
                "s3a://lake/raw");
        SourceFile f = rows.toFile("lake", "raw%2Fyear%3D2024%2Fa+b%25.parquet", "1234", "2024-01-31T12:00:00.000Z",
                "d41d8cd98f00b204e9800998ecf8427e", null, "STANDARD", null, null, null);
        assertEquals("year=2024/a b%.parquet", f.relativePath());
        assertEquals("s3a://lake/raw/year=2024/a%20b%25.parquet", f.uri());
        assertEquals(1234, f.size());
        assertEquals(1_706_702_400_000L, f.modified());
        assertEquals("d41d8cd98f00b204e9800998ecf8427e", f.etag());
        assertNull(f.archived());
    }

    @Test
    void rowsThatAreNoneOfTheSourcesFilesAreLeftOut() throws Exception {
        InventoryRows rows = new InventoryRows(s3("CSV", "Bucket, Key, IsLatest, IsDeleteMarker, Size"),
                "s3a://lake/raw/");
        assertNull(rows.toFile("other", "raw/a", "1", null, null, null, null, null, null, null), "another bucket");
        assertNull(rows.toFile("lake", "rawer/a", "1", null, null, null, null, null, null, null), "outside the prefix");
        assertNull(rows.toFile("lake", "raw/dir/", "0", null, null, null, null, null, null, null), "a folder marker");
        assertNull(rows.toFile("lake", "raw/a", "1", null, null, null, null, "false", null, null), "an older version");
        assertNull(rows.toFile("lake", "raw/a", "1", null, null, null, null, "true", "true", null), "a delete marker");
        assertEquals("a", rows.toFile("lake", "raw/a", "1", null, null, null, null, "true", "false", null)
                .relativePath());
    }

    @Test
    void parquetValuesAreTypedAndGlacierIsArchived() throws Exception {
        InventoryRows rows = new InventoryRows(s3("Parquet", "message s3.inventory { required binary key (UTF8);"
                + " optional int64 size; }"), "s3a://lake/");
        SourceFile f = rows.toFile("lake", "cold/a+b.bin", 5L, new Timestamp(1_000L), null, null, "DEEP_ARCHIVE",
                true, false, null);
        assertEquals("cold/a+b.bin", f.relativePath(), "only CSV keys are URL-encoded");
        assertEquals(1_000L, f.modified());
        assertEquals("DEEP_ARCHIVE", f.archived().tier());
        assertNull(rows.toFile("lake", "x", 5L, null, null, null, "GLACIER_IR", null, null, null).archived(),
                "Glacier Instant Retrieval reads at once");
    }

    @Test
    void azureNamesStartWithTheContainerAndArchiveIsArchived() throws Exception {
        InventoryRows rows = new InventoryRows(azure(), "abfss://lake@acct.dfs.core.windows.net/raw");
        SourceFile f = rows.toFile(null, "lake/raw/t/a.csv", "10", "Wed, 31 Jan 2024 12:00:00 GMT", null,
                "1B2M2Y8AsgTpgAmY7PhCfg==", "Archive", null, null, null);
        assertEquals("t/a.csv", f.relativePath());
        assertEquals("abfss://lake@acct.dfs.core.windows.net/raw/t/a.csv", f.uri());
        assertEquals(1_706_702_400_000L, f.modified());
        assertEquals("1B2M2Y8AsgTpgAmY7PhCfg==", f.md5());
        assertEquals("Archive", f.archived().tier());
        assertNull(rows.toFile(null, "other/raw/t/a.csv", "10", null, null, null, "Hot", null, null, null),
                "another container");
        assertNull(rows.toFile(null, "lake/raw/t", "0", null, null, null, null, null, null, "true"), "a folder");
    }
}
