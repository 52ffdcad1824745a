package io.lakeshift.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.config.ObjectSettings;
import io.lakeshift.config.StorageTier;
import io.lakeshift.model.Fingerprint;
import io.lakeshift.model.ObjectHeaders;
import io.lakeshift.model.SourceFile;
import io.lakeshift.target.ObjectProperties;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetPropertiesTest {
    private static final ObjectHeaders S3 = new ObjectHeaders("text/csv", "gzip", "en", "attachment", "max-age=60",
            Map.of("Owner", "Data Team", "lakeshift-source-size", "1", "city", "Zürich", "a b", "x"));

    private static ObjectSettings settings(StorageTier tier, String contentType, boolean drop) {
        return new ObjectSettings(tier, List.of("**/year=2015/**"), List.of("**/year=201*/**"),
                List.of("**/year=201[0-2]/**"), null, null, contentType, drop);
    }

    private static SourceFile file(String path) {
        return new SourceFile("s3a://b/" + path, path, 10, 1_700_000_000_000L, "\"e\"", null);
    }

    @Test
    void theFirstMatchingGlobPicksTheTierInTheOrderArchiveInfrequentAccessStandard() {
        TargetProperties p = TargetProperties.of(settings(StorageTier.INFREQUENTACCESS, "auto", false));
        assertEquals(StorageTier.ARCHIVE, p.tierOf("t/year=2011/a.parquet"));
        assertEquals(StorageTier.INFREQUENTACCESS, p.tierOf("t/year=2019/a.parquet"));
        assertEquals(StorageTier.INFREQUENTACCESS, p.tierOf("t/year=2015/a.parquet"), "infrequent access before standard");
        assertEquals(StorageTier.INFREQUENTACCESS, p.tierOf("t/year=2024/a.parquet"), "else --storage-tier");
        assertEquals("InfrequentAccess", p.of(file("t/year=2024/a.parquet"), ObjectHeaders.NONE).storageTier());
    }

    @Test
    void autoTypesByExtensionParquetAsItsRegisteredType() {
        TargetProperties p = TargetProperties.of(settings(StorageTier.STANDARD, "auto", false));
        assertEquals("application/vnd.apache.parquet", p.contentType("t/part-0.PARQUET", S3));
        assertEquals("application/json", p.contentType("a.json", S3));
        assertEquals("application/octet-stream", p.contentType("t/.hidden", S3));
        assertEquals("application/octet-stream", p.contentType("t.d/noext", S3));
    }

    @Test
    void sourceKeepsTheSourcesTypeUnlessItIsTheUntypedDefault() {
        TargetProperties p = TargetProperties.of(settings(StorageTier.STANDARD, "source", true));
        assertEquals("text/csv", p.contentType("a.bin", S3));
        assertEquals("application/vnd.apache.parquet", p.contentType("a.parquet", S3.withContentType(
                "binary/octet-stream")));
        assertEquals("application/vnd.apache.parquet", p.contentType("a.parquet", ObjectHeaders.NONE));
        assertTrue(p.readsSourceHeaders(), "the type is read even when the metadata is dropped");
        assertFalse(TargetProperties.of(settings(StorageTier.STANDARD, "auto", true)).readsSourceHeaders());
    }

    @Test
    void metadataIsNamedAsOciTakesItAndLakeshiftsOwnKeysWin() {
        ObjectProperties o = TargetProperties.of(settings(StorageTier.STANDARD, "source", false))
                .of(file("x.csv"), S3);
        Map<String, String> m = o.metadata();
        assertEquals("Data Team", m.get("owner"));
        assertEquals("Z%C3%BCrich", m.get("city"), "a header value is ASCII");
        assertEquals("x", m.get("a-b"));
        assertEquals("10", m.get(Fingerprint.META_SIZE), "the fingerprint, never the source's key of that name");
        assertEquals("gzip", o.headers().contentEncoding());
        assertEquals("en", o.headers().contentLanguage());
        assertEquals("attachment", o.headers().contentDisposition());
        assertEquals("max-age=60", o.headers().cacheControl());
    }

    @Test
    void dropMetadataKeepsOnlyTheFingerprintAndTheType() {
        ObjectProperties o = TargetProperties.of(settings(StorageTier.STANDARD, "source", true)).of(file("x.csv"), S3);
        assertEquals(Fingerprint.metadata(file("x.csv")), o.metadata());
        assertNull(o.headers().cacheControl());
        assertEquals("text/csv", o.headers().contentType());
    }
}
