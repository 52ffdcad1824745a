package io.lakeshift.emulator;

import com.oracle.bmc.objectstorage.ObjectStorageClient;
import com.oracle.bmc.objectstorage.requests.HeadObjectRequest;
import com.oracle.bmc.objectstorage.requests.ListMultipartUploadsRequest;
import com.oracle.bmc.objectstorage.requests.PutObjectRequest;
import com.oracle.bmc.objectstorage.responses.HeadObjectResponse;
import com.oracle.bmc.objectstorage.transfer.UploadConfiguration;
import com.oracle.bmc.objectstorage.transfer.UploadManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SDK's UploadManager splits a stream into parts uploaded in parallel; the result must be byte-identical. */
class UploadManagerTest {
    @TempDir
    Path data;

    @Test
    void parallelMultipartUploadInMemory() throws Exception {
        try (OciEmulator emu = OciEmulator.builder().start()) {
            uploadAndReadBack(emu);
        }
    }

    @Test
    void parallelMultipartUploadOnDisk() throws Exception {
        try (OciEmulator emu = OciEmulator.builder().dataDir(data).start()) {
            uploadAndReadBack(emu);
        }
    }

    private static void uploadAndReadBack(OciEmulator emu) throws Exception {
        byte[] body = Sdk.randomBytes(20 * 1024 * 1024 + 12345, 21);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (ObjectStorageClient client = Sdk.client(emu)) {
            Sdk.createBucket(client, emu, "um");
            UploadConfiguration configuration = UploadConfiguration.builder().allowMultipartUploads(true)
                    .allowParallelUploads(true).minimumLengthForMultipartUpload(1).lengthPerUploadPart(2).build();
            UploadManager manager = new UploadManager(client, configuration);
            UploadManager.UploadResponse response = manager.upload(UploadManager.UploadRequest
                    .builder(new ByteArrayInputStream(body), body.length).parallelUploadExecutorService(pool)
                    .build(PutObjectRequest.builder().namespaceName(emu.namespace()).bucketName("um")
                            .objectName("lake/big.bin").contentType("application/octet-stream").build()));
            assertNotNull(response.getMultipartMd5());
            assertTrue(response.getMultipartMd5().endsWith("-11"), response.getMultipartMd5());

            HeadObjectResponse head = client.headObject(HeadObjectRequest.builder().namespaceName(emu.namespace())
                    .bucketName("um").objectName("lake/big.bin").build());
            assertEquals(body.length, head.getContentLength());
            assertEquals(response.getMultipartMd5(), head.getOpcMultipartMd5());
            assertArrayEquals(body, Sdk.get(client, emu, "um", "lake/big.bin"));
            assertEquals(0, client.listMultipartUploads(ListMultipartUploadsRequest.builder()
                    .namespaceName(emu.namespace()).bucketName("um").build()).getItems().size());
        } finally {
            pool.shutdownNow();
        }
    }
}
