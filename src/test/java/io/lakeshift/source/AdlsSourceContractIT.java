package io.lakeshift.source;

import io.lakeshift.secrets.Secret;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.options.BlobParallelUploadOptions;
import io.lakeshift.config.AzureSettings;
import io.lakeshift.model.SourceFile;
import io.lakeshift.testing.AzuriteServer;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The source contract on a real Azure storage emulator (Azurite on 127.0.0.1) through the native ADLS source. */
class AdlsSourceContractIT extends SourceContract {
    private static final String CONTAINER = "contract";
    private static AzuriteServer azurite;
    private static BlobContainerClient container;

    @BeforeAll
    static void start() throws Exception {
        azurite = AzuriteServer.start();
        container = azurite.client().createBlobContainer(CONTAINER);
    }

    @AfterAll
    static void stop() {
        azurite.close();
    }

    @Override
    String newRoot(String name) {
        return AzuriteServer.uri(CONTAINER, name);
    }

    private static String blob(String root, String relative) {
        return AdlsLocation.parse(root).prefix() + relative;
    }

    @Override
    void put(String root, String relative, byte[] bytes) {
        container.getBlobClient(blob(root, relative)).upload(BinaryData.fromBytes(bytes), true);
    }

    @Override
    boolean listsEmptyFolders() {
        return false;
    }

    @Override
    void putDirectory(String root, String relative) {
        container.getBlobClient(blob(root, relative)).uploadWithResponse(
                new BlobParallelUploadOptions(BinaryData.fromBytes(new byte[0]))
                        .setMetadata(Map.of("hdi_isfolder", "true")), null, null);
    }

    @Override
    Source source(String root, int pageSize) {
        return new AdlsSource(root, azurite.endpoint(), credentials(), 4, pageSize);
    }

    private static AzureCredentials credentials() {
        return new AzureCredentials(AzureSettings.Auth.KEY, new Secret(AzuriteServer.KEY), null, null, null, null);
    }

    @Override
    boolean listsEtags() {
        return true;
    }

    @Override
    List<String> secrets() {
        return List.of(AzuriteServer.KEY);
    }

    @Test
    void largeFilesAreReadInParallelRangesWithTheExactBytes() throws Exception {
        String root = root("parallel");
        byte[] content = bytes((int) ParallelRangeInputStream.PARALLEL_ABOVE + ParallelRangeInputStream.RANGE_SIZE + 12345, 42);
        put(root, "big.bin", content);
        Source source = source(root, 1000);
        SourceFile file = list(source).get("big.bin");
        try (InputStream in = source.open(file)) {
            assertInstanceOf(ParallelRangeInputStream.class, in);
            assertArrayEquals(content, in.readAllBytes());
        }
    }

    @Test
    void aFileChangedSinceTheListingIsNotReadAsIfItWereTheSame() throws Exception {
        String root = root("changed");
        put(root, "c.bin", bytes(5000, 1));
        Source source = source(root, 1000);
        SourceFile file = list(source).get("c.bin");
        put(root, "c.bin", bytes(5000, 2));
        IOException e = assertThrows(IOException.class, () -> read(source.open(file)));
        assertTrue(e.getMessage().contains("changed since it was listed"), e.getMessage());
    }

    @Test
    void aWrongKeyIsOneLineNamingTheAccountAndTheSetting() throws Exception {
        String root = root("denied");
        put(root, "x.bin", bytes(10, 1));
        String wrongKey = AzuriteServer.KEY.substring(0, 10) + "AAAAAAAAAA" + AzuriteServer.KEY.substring(20);
        Source source = new AdlsSource(root, azurite.endpoint(), new AzureCredentials(AzureSettings.Auth.KEY,
                new Secret(wrongKey), null, null, null, null), 4);
        SourceException e = assertThrows(SourceException.class, () -> list(source));
        assertTrue(e.getMessage().startsWith("Azure storage account 'devstoreaccount1' refused the credentials (403"),
                e.getMessage());
        assertTrue(e.getMessage().contains("check --azure-account-key"), e.getMessage());
        assertTrue(!e.getMessage().contains(wrongKey) && !e.getMessage().contains("\n"), e.getMessage());
    }
}
