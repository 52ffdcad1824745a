package io.lakeshift.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.source.InventoryManifest.Field;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The manifests as the stores write them. S3: the manifest.json example of AWS's "Locating your inventory list"
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/storage-inventory-location.html, read 2026-12): its
 * sourceBucket, destinationBucket ARN, version 2016-11-30, fileFormat, fileSchema, files[] of key, size and
 * MD5checksum; the report files under {@code <prefix>/<bucket>/<config-ID>/data/}. Azure: the manifest of
 * Microsoft's "Azure Storage blob inventory" (https://learn.microsoft.com/azure/storage/blobs/blob-inventory,
 * read 2026-12): destinationContainer, endpoint, files[] of blob and size, ruleDefinition with format, objectType and
 * schemaFields.
 */
class InventoryManifestTest {
    private static final String S3_CSV = """
            {
                "sourceBucket": "example-source-bucket",
                "destinationBucket": "arn:aws:s3:::example-inventory-destination-bucket",
                "version": "2016-11-30",
                "creationTimestamp" : "1514944800000",
                "fileFormat": "CSV",
                "fileSchema": "Bucket, Key, VersionId, IsLatest, IsDeleteMarker, Size, LastModifiedDate, ETag, StorageClass, IsMultipartUploaded, ReplicationStatus, EncryptionStatus, ObjectLockRetainUntilDate, ObjectLockMode, ObjectLockLegalHoldStatus, IntelligentTieringAccessTier, BucketKeyStatus, ChecksumAlgorithm, ObjectAccessControlList, ObjectOwner",
                "files": [
                    {
                        "key": "Inventory/example-source-bucket/2016-11-06T21-32Z/files/939c6d46-85a9-4ba8-87bd-9db705a579ce.csv.gz",
                        "size": 2147483647,
                        "MD5checksum": "f11166069f1990abeb9c97ace9cdfabc"
                    }
                ]
            }""";

    @Test
    void s3CsvManifestNamesItsColumnsInOrderAndFindsTheReportBesideIt() throws Exception {
        String at = "s3a://example-inventory-destination-bucket/Inventory/example-source-bucket/2016-11-06T21-32Z/manifest.json";
        InventoryManifest m = InventoryManifest.parse(at, S3_CSV.getBytes(StandardCharsets.UTF_8));
        assertEquals(InventoryManifest.Kind.S3, m.kind());
        assertEquals(InventoryManifest.Format.CSV, m.format());
        assertEquals(20, m.columns().size());
        assertEquals("Bucket", m.columns().get(0));
        assertEquals("Key", m.fields().get(Field.KEY));
        assertEquals("LastModifiedDate", m.fields().get(Field.MODIFIED));
        assertEquals("StorageClass", m.fields().get(Field.TIER));
        assertEquals("IsDeleteMarker", m.fields().get(Field.DELETED));
        assertNull(m.fields().get(Field.MD5), "S3 Inventory has no MD5 of the object");
        assertEquals("example-source-bucket", m.bucket());
        assertEquals(2147483647L, m.bytes());
        assertEquals(List.of("s3a://example-inventory-destination-bucket/Inventory/example-source-bucket/"
                + "2016-11-06T21-32Z/files/939c6d46-85a9-4ba8-87bd-9db705a579ce.csv.gz"), m.files());
    }

    @Test
    void aCopiedInventoryFindsItsReportFilesWhereItWasCopied() throws Exception {
        String at = "file:/copies/inv/Inventory/example-source-bucket/2016-11-06T21-32Z/manifest.json";
        InventoryManifest m = InventoryManifest.parse(at, S3_CSV.getBytes(StandardCharsets.UTF_8));
        assertEquals("file:/copies/inv/Inventory/example-source-bucket/2016-11-06T21-32Z/files/"
                + "939c6d46-85a9-4ba8-87bd-9db705a579ce.csv.gz", m.files().get(0));
    }

    @Test
    void parquetAndOrcSchemasGiveTheSnakeCaseColumns() throws Exception {
        String parquet = S3_CSV.replace("\"CSV\"", "\"Parquet\"").replaceFirst("\"fileSchema\": \"[^\"]*\"",
                "\"fileSchema\": \"message s3.inventory { required binary bucket (UTF8); required binary key (UTF8);"
                        + " optional int64 size; optional int64 last_modified_date (TIMESTAMP_MILLIS); optional binary"
                        + " e_tag (UTF8); optional binary storage_class (UTF8); optional boolean is_latest;}\"");
        InventoryManifest m = InventoryManifest.parse("s3a://d/x/manifest.json", parquet.getBytes(StandardCharsets.UTF_8));
        assertEquals(InventoryManifest.Format.PARQUET, m.format());
        assertEquals("last_modified_date", m.fields().get(Field.MODIFIED));
        assertEquals("e_tag", m.fields().get(Field.ETAG));
        assertEquals("is_latest", m.fields().get(Field.IS_LATEST));
        assertNull(m.fields().get(Field.DELETED));
        String orc = S3_CSV.replace("\"CSV\"", "\"ORC\"").replaceFirst("\"fileSchema\": \"[^\"]*\"",
                "\"fileSchema\": \"struct<bucket:string,key:string,size:bigint,last_modified_date:timestamp>\"");
        InventoryManifest o = InventoryManifest.parse("s3a://d/x/manifest.json", orc.getBytes(StandardCharsets.UTF_8));
        assertEquals(InventoryManifest.Format.ORC, o.format());
        assertEquals("size", o.fields().get(Field.SIZE));
        assertNull(o.fields().get(Field.ETAG));
    }

    @Test
    void azureManifestGivesItsSchemaFieldsAndBlobs() throws Exception {
        String json = """
                {
                  "destinationContainer" : "inventory-destination-container",
                  "endpoint" : "https://testaccount.blob.core.windows.net",
                  "files" : [
                    { "blob" : "2021/05/26/13-25-36/Rule_1/Rule_1.csv", "size" : 12710092 }
                  ],
                  "inventoryCompletionTime" : "2021-05-26T13:35:56Z",
                  "inventoryStartTime" : "2021-05-26T13:25:36Z",
                  "ruleDefinition" : {
                    "filters" : { "blobTypes" : [ "blockBlob" ], "includeBlobVersions" : false,
                      "includeSnapshots" : false, "prefixMatch" : [ "penner-test-container-100003" ] },
                    "format" : "csv",
                    "objectType" : "blob",
                    "schedule" : "daily",
                    "schemaFields" : [ "Name", "Creation-Time", "BlobType", "Content-Length", "LastAccessTime",
                      "Last-Modified", "Metadata", "AccessTier" ]
                  },
                  "ruleName" : "Rule_1",
                  "status" : "Succeeded",
                  "summary" : { "objectCount" : 110000, "totalObjectSize" : 23789775 },
                  "version" : "1.0"
                }""";
        String at = "abfss://inventory-destination-container@testaccount.dfs.core.windows.net/2021/05/26/13-25-36/"
                + "Rule_1/Rule_1-manifest.json";
        InventoryManifest m = InventoryManifest.parse(at, json.getBytes(StandardCharsets.UTF_8));
        assertEquals(InventoryManifest.Kind.AZURE, m.kind());
        assertEquals(InventoryManifest.Format.CSV, m.format());
        assertEquals("Name", m.fields().get(Field.KEY));
        assertEquals("Content-Length", m.fields().get(Field.SIZE));
        assertEquals("AccessTier", m.fields().get(Field.TIER));
        assertNull(m.fields().get(Field.MD5), "this rule leaves Content-MD5 out");
        assertEquals(List.of("abfss://inventory-destination-container@testaccount.dfs.core.windows.net/2021/05/26/"
                + "13-25-36/Rule_1/Rule_1.csv"), m.files());
    }

    @Test
    void aManifestWithoutWhatLakeshiftNeedsIsRefusedNamingIt() {
        String noSize = S3_CSV.replace(", Size,", ",");
        SourceException e = assertThrows(SourceException.class,
                () -> InventoryManifest.parse("s3a://d/manifest.json", noSize.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("has no Size field"), e.getMessage());
        assertTrue(e.getMessage().contains("--inventory"), e.getMessage());
        SourceException f = assertThrows(SourceException.class, () -> InventoryManifest.parse("s3a://d/manifest.json",
                S3_CSV.replace("\"CSV\"", "\"Avro\"").getBytes(StandardCharsets.UTF_8)));
        assertTrue(f.getMessage().contains("'Avro'"), f.getMessage());
        assertThrows(SourceException.class, () -> InventoryManifest.parse("s3a://d/manifest.json",
                "{\"files\": 3}".getBytes(StandardCharsets.UTF_8)));
    }
}
