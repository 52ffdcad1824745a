package io.lakeshift.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.options.BlobParallelUploadOptions;
import com.azure.storage.blob.sas.BlobContainerSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.oracle.bmc.objectstorage.responses.HeadObjectResponse;
import io.lakeshift.testing.AzuriteServer;
import io.lakeshift.testing.EmulatorFixture;
import io.lakeshift.testing.SparkTestSession;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Spark job (local[2]) migrates an ADLS Gen2 lake (Azurite on 127.0.0.1, through the native ADLS source,
 * chosen by --source-api auto for abfss://...dfs.core.windows.net) into the OCI emulator.
 */
class AdlsMigrationIT {
    private static AzuriteServer azurite;
    private static BlobContainerClient container;
    @RegisterExtension
    static final EmulatorFixture oci = EmulatorFixture.perClass();
    private static final Map<String, byte[]> LAKE = StoreMigration.sampleLake();

    @BeforeAll
    static void start() throws Exception {
        azurite = AzuriteServer.start();
        container = azurite.client().createBlobContainer("lake");
        for (Map.Entry<String, byte[]> f : LAKE.entrySet()) {
            container.getBlobClient("tables/" + f.getKey()).upload(BinaryData.fromBytes(f.getValue()), true);
        }
        for (String dir : List.of("tables", "tables/year=2024", "tables/empty")) {
            container.getBlobClient(dir).uploadWithResponse(new BlobParallelUploadOptions(
                    BinaryData.fromBytes(new byte[0])).setMetadata(Map.of("hdi_isfolder", "true")), null, null);
        }
        SparkTestSession.get();
    }

    @AfterAll
    static void stop() {
        azurite.close();
    }

    private static String source() {
        return AzuriteServer.uri("lake", "tables");
    }

    @Test
    void migratesTheLakeWithTheAccountKey() throws Exception {
        oci.createBucket("from-adls");
        List<String> args = new ArrayList<>(azurite.azureArgs());
        args.addAll(List.of("--run-id", "adls-1"));
        StoreMigration.Result r = StoreMigration.migrate(oci, source(), "oci://from-adls@" + oci.namespace() + "/",
                args);

        assertEquals(0, r.code(), r.err() + r.out());
        StoreMigration.assertLanded(oci, "from-adls", "", LAKE);
        String etag = oci.head("from-adls", "unicode/données-日本.bin").getOpcMeta().get("lakeshift-source-etag");
        assertNotNull(etag);
        assertEquals(container.getBlobClient("tables/unicode/données-日本.bin").getProperties().getETag(), etag);
        StoreMigration.assertLogsHoldNo(oci, "from-adls", AzuriteServer.KEY);
    }

    /** A blob's HTTP headers and metadata (set through the Azure SDK on Azurite) land on the OCI object. */
    @Test
    void carriesTheBlobsContentHeadersAndMetadata() throws Exception {
        byte[] body = StoreMigration.bytes(1500, 7);
        container.getBlobClient("headers/report.json").uploadWithResponse(new BlobParallelUploadOptions(
                BinaryData.fromBytes(body)).setHeaders(new BlobHttpHeaders().setContentType("application/json")
                        .setCacheControl("no-cache").setContentLanguage("fr").setContentEncoding("identity")
                        .setContentDisposition("inline"))
                .setMetadata(Map.of("Owner", "finance", "source_system", "sap")), null, null);
        container.getBlobClient("headers/plain.parquet").upload(BinaryData.fromBytes(body), true);
        oci.createBucket("adls-headers");
        List<String> args = new ArrayList<>(azurite.azureArgs());
        args.addAll(List.of("--parquet-check", "off"));
        StoreMigration.Result r = StoreMigration.migrate(oci, AzuriteServer.uri("lake", "headers"),
                "oci://adls-headers@" + oci.namespace() + "/", args);
        assertEquals(0, r.code(), r.err() + r.out());

        HeadObjectResponse h = oci.head("adls-headers", "report.json");
        assertEquals("application/json", h.getContentType());
        assertEquals("no-cache", h.getCacheControl());
        assertEquals("fr", h.getContentLanguage());
        assertEquals("identity", h.getContentEncoding());
        assertEquals("inline", h.getContentDisposition());
        assertEquals("finance", h.getOpcMeta().get("owner"), h.getOpcMeta().toString());
        assertEquals("sap", h.getOpcMeta().get("source_system"));
        assertEquals("application/vnd.apache.parquet", oci.head("adls-headers", "plain.parquet").getContentType(),
                "a blob stored as application/octet-stream is typed by its extension");
    }

    @Test
    void moveDeletesEachBlobOnceItsObjectIsVerified() throws Exception {
        oci.createBucket("moved-adls");
        for (int i = 0; i < 3; i++) {
            container.getBlobClient("to-move/m-" + i + ".bin").upload(BinaryData.fromBytes(new byte[1000 + i]), true);
        }
        List<String> args = new ArrayList<>(azurite.azureArgs());
        args.addAll(List.of("--run-id", "adls-move", "--mode", "move"));
        StoreMigration.Result r = StoreMigration.migrate(oci, AzuriteServer.uri("lake", "to-move"),
                "oci://moved-adls@" + oci.namespace() + "/", args);
        assertEquals(0, r.code(), r.err() + r.out());
        assertEquals(3, oci.list("moved-adls", "m-").size());
        for (int i = 0; i < 3; i++) {
            assertFalse(container.getBlobClient("to-move/m-" + i + ".bin").exists(), "moved blob deleted");
        }
    }

    @Test
    void migratesTheLakeWithASasToken() throws Exception {
        oci.createBucket("from-adls-sas");
        String sas = container.generateSas(new BlobServiceSasSignatureValues(OffsetDateTime.now().plusHours(1),
                new BlobContainerSasPermission().setReadPermission(true).setListPermission(true)));
        StoreMigration.Result r = StoreMigration.migrate(oci, source(),
                "oci://from-adls-sas@" + oci.namespace() + "/", List.of("--azure-endpoint", azurite.endpoint(),
                        "--azure-sas-token", sas, "--azure-read-threads", "1"));
        assertEquals(0, r.code(), r.err() + r.out());
        StoreMigration.assertLanded(oci, "from-adls-sas", "", LAKE);
        StoreMigration.assertLogsHoldNo(oci, "from-adls-sas", sas);
    }

    @Test
    void aWrongKeyIsOneLineNamingTheAccountAndTheSetting() {
        oci.createBucket("adls-denied");
        String wrong = AzuriteServer.KEY.substring(0, 20) + "BBBBBBBBBB" + AzuriteServer.KEY.substring(30);
        StoreMigration.Result r = StoreMigration.migrate(oci, source(), "oci://adls-denied@" + oci.namespace() + "/",
                List.of("--azure-endpoint", azurite.endpoint(), "--azure-account-key", wrong));
        String line = StoreMigration.assertRefusedInOneLine(r, wrong);
        assertTrue(line.startsWith("lakeshift: Azure storage account 'devstoreaccount1' refused the credentials (403"),
                line);
        assertTrue(line.contains("check --azure-account-key"), line);
        assertTrue(oci.list("adls-denied", "").isEmpty(), "nothing ran");
    }

    @Test
    void anUnknownContainerIsNamed() {
        oci.createBucket("adls-missing");
        StoreMigration.Result r = StoreMigration.migrate(oci, AzuriteServer.uri("no-such-container", "x"),
                "oci://adls-missing@" + oci.namespace() + "/", azurite.azureArgs());
        String line = StoreMigration.assertRefusedInOneLine(r, AzuriteServer.KEY);
        assertTrue(line.contains("container 'no-such-container' of Azure storage account 'devstoreaccount1' does not"
                + " exist"), line);
    }
}
