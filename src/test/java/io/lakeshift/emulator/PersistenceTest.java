package io.lakeshift.emulator;

import com.oracle.bmc.objectstorage.ObjectStorageClient;
import com.oracle.bmc.objectstorage.model.CommitMultipartUploadDetails;
import com.oracle.bmc.objectstorage.model.CommitMultipartUploadPartDetails;
import com.oracle.bmc.objectstorage.model.CreateMultipartUploadDetails;
import com.oracle.bmc.objectstorage.model.ArchivalState;
import com.oracle.bmc.objectstorage.model.MultipartUploadPartSummary;
import com.oracle.bmc.objectstorage.model.StorageTier;
import com.oracle.bmc.objectstorage.requests.CommitMultipartUploadRequest;
import com.oracle.bmc.objectstorage.requests.CreateMultipartUploadRequest;
import com.oracle.bmc.objectstorage.requests.GetBucketRequest;
import com.oracle.bmc.objectstorage.requests.HeadObjectRequest;
import com.oracle.bmc.objectstorage.requests.ListMultipartUploadPartsRequest;
import com.oracle.bmc.objectstorage.requests.PutObjectRequest;
import com.oracle.bmc.objectstorage.requests.UploadPartRequest;
import com.oracle.bmc.objectstorage.responses.HeadObjectResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A restarted emulator with the same data directory sees the same buckets, objects, metadata, tiers, encryption
 * (an SSE-C object still needs its key) and uploads.
 */
class PersistenceTest {
    @TempDir
    Path data;
    @TempDir
    Path config;

    @Test
    void stateSurvivesRestart() throws Exception {
        byte[] body = Sdk.randomBytes(3 * 1024 * 1024 + 7, 31);
        byte[] part1 = Sdk.randomBytes(100_000, 32);
        byte[] part2 = Sdk.randomBytes(50_000, 33);
        String etag;
        String uploadId;
        try (OciEmulator emu = OciEmulator.builder().dataDir(data).configDir(config).start();
             ObjectStorageClient client = Sdk.client(emu)) {
            Sdk.createBucket(client, emu, "durable");
            etag = client.putObject(PutObjectRequest.builder().namespaceName(emu.namespace()).bucketName("durable")
                    .objectName("dir/obj.bin").contentLength((long) body.length).contentType("application/x-test")
                    .opcMeta(Map.of("k", "v")).putObjectBody(new ByteArrayInputStream(body)).build()).getETag();
            client.putObject(EncryptionTest.put(emu, "durable", "sse-c", body, EncryptionTest.KEY)
                    .storageTier(StorageTier.InfrequentAccess).opcMeta(Map.of("m", "1")).build());
            client.putObject(PutObjectRequest.builder().namespaceName(emu.namespace()).bucketName("durable")
                    .objectName("cold").contentLength(1L).putObjectBody(new ByteArrayInputStream(new byte[] {9}))
                    .storageTier(StorageTier.Archive).opcSseKmsKeyId(EncryptionTest.KMS).build());
            Sdk.put(client, emu, "durable", "replaced", new byte[] {1});
            Sdk.put(client, emu, "durable", "replaced", new byte[] {2});
            uploadId = client.createMultipartUpload(CreateMultipartUploadRequest.builder()
                    .namespaceName(emu.namespace()).bucketName("durable").createMultipartUploadDetails(
                            CreateMultipartUploadDetails.builder().object("pending").build()).build())
                    .getMultipartUpload().getUploadId();
            client.uploadPart(UploadPartRequest.builder().namespaceName(emu.namespace()).bucketName("durable")
                    .objectName("pending").uploadId(uploadId).uploadPartNum(1).contentLength((long) part1.length)
                    .uploadPartBody(new ByteArrayInputStream(part1)).build());
        }
        try (Stream<Path> blobs = Files.list(data.resolve("blobs"))) {
            assertEquals(5, blobs.count(), "one blob per live object and part: replaced bodies are deleted");
        }
        try (OciEmulator emu = OciEmulator.builder().dataDir(data).configDir(config).start();
             ObjectStorageClient client = Sdk.client(emu)) {
            assertEquals("durable", client.getBucket(GetBucketRequest.builder().namespaceName(emu.namespace())
                    .bucketName("durable").build()).getBucket().getName());
            HeadObjectResponse head = client.headObject(HeadObjectRequest.builder().namespaceName(emu.namespace())
                    .bucketName("durable").objectName("dir/obj.bin").build());
            assertEquals(etag, head.getETag());
            assertEquals("application/x-test", head.getContentType());
            assertEquals(Map.of("k", "v"), head.getOpcMeta());
            assertArrayEquals(body, Sdk.get(client, emu, "durable", "dir/obj.bin"));
            assertArrayEquals(new byte[] {2}, Sdk.get(client, emu, "durable", "replaced"));
            FailsLikeOciTest.assertOci(400, "MissingParameter", () -> Sdk.get(client, emu, "durable", "sse-c"));
            assertArrayEquals(body, EncryptionTest.get(client, emu, "durable", "sse-c", EncryptionTest.KEY));
            HeadObjectResponse cold = client.headObject(HeadObjectRequest.builder().namespaceName(emu.namespace())
                    .bucketName("durable").objectName("cold").build());
            assertEquals(ArchivalState.Archived, cold.getArchivalState());
            assertEquals(EncryptionTest.KMS, RawClient.forEmulator(emu).send("HEAD", "/n/" + emu.namespace()
                    + "/b/durable/o/cold").headers().firstValue("opc-sse-kms-key-id").orElse(null));

            List<MultipartUploadPartSummary> parts = client.listMultipartUploadParts(ListMultipartUploadPartsRequest
                    .builder().namespaceName(emu.namespace()).bucketName("durable").objectName("pending")
                    .uploadId(uploadId).build()).getItems();
            assertEquals(1, parts.size());
            String etag2 = client.uploadPart(UploadPartRequest.builder().namespaceName(emu.namespace())
                    .bucketName("durable").objectName("pending").uploadId(uploadId).uploadPartNum(2)
                    .contentLength((long) part2.length).uploadPartBody(new ByteArrayInputStream(part2)).build())
                    .getETag();
            client.commitMultipartUpload(CommitMultipartUploadRequest.builder().namespaceName(emu.namespace())
                    .bucketName("durable").objectName("pending").uploadId(uploadId)
                    .commitMultipartUploadDetails(CommitMultipartUploadDetails.builder().partsToCommit(List.of(
                            CommitMultipartUploadPartDetails.builder().partNum(1).etag(parts.get(0).getEtag()).build(),
                            CommitMultipartUploadPartDetails.builder().partNum(2).etag(etag2).build())).build())
                    .build());
            byte[] joined = new byte[part1.length + part2.length];
            System.arraycopy(part1, 0, joined, 0, part1.length);
            System.arraycopy(part2, 0, joined, part1.length, part2.length);
            assertArrayEquals(joined, Sdk.get(client, emu, "durable", "pending"));
        }
    }
}
