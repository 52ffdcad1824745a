package io.lakeshift.emulator;

import com.oracle.bmc.objectstorage.ObjectStorageClient;
import com.oracle.bmc.objectstorage.model.CreateMultipartUploadDetails;
import com.oracle.bmc.objectstorage.model.StorageTier;
import com.oracle.bmc.objectstorage.requests.CreateMultipartUploadRequest;
import com.oracle.bmc.objectstorage.requests.GetObjectRequest;
import com.oracle.bmc.objectstorage.requests.HeadObjectRequest;
import com.oracle.bmc.objectstorage.requests.PutObjectRequest;
import com.oracle.bmc.objectstorage.responses.GetObjectResponse;
import com.oracle.bmc.objectstorage.responses.HeadObjectResponse;
import com.oracle.bmc.objectstorage.transfer.UploadConfiguration;
import com.oracle.bmc.objectstorage.transfer.UploadManager;
import io.lakeshift.testing.EmulatorFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.lakeshift.emulator.FailsLikeOciTest.assertOci;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Content headers and user metadata are stored and returned as the OCI Java SDK 3.77.2 sends and reads them:
 * PutObjectRequest's contentType, contentLanguage, contentEncoding, cacheControl, contentDisposition and opcMeta;
 * CreateMultipartUploadDetails' fields of the same names and its metadata map, whose keys "must be in opc-meta-*
 * format" (the model's documentation; the SDK's ObjectMetadataInterceptor prefixes them); HeadObjectResponse and
 * GetObjectResponse read them back. Metadata the emulator could not return as a header is refused, not dropped.
 */
class ContentHeadersTest {
    @RegisterExtension
    static final EmulatorFixture oci = EmulatorFixture.perClass("c");
    static final Map<String, String> META = Map.of("source", "abfss://lake@acct/raw", "owner", "data-eng");

    static ObjectStorageClient client() {
        return oci.client();
    }

    static HeadObjectResponse head(String name) {
        return client().headObject(HeadObjectRequest.builder().namespaceName(oci.namespace()).bucketName("c")
                .objectName(name).build());
    }

    static void assertCarried(String name) throws Exception {
        HeadObjectResponse head = head(name);
        assertEquals("application/vnd.apache.parquet", head.getContentType());
        assertEquals("de-CH", head.getContentLanguage());
        assertEquals("identity", head.getContentEncoding());
        assertEquals("max-age=3600", head.getCacheControl());
        assertEquals("attachment; filename=\"part-0.parquet\"", head.getContentDisposition());
        assertEquals(META, head.getOpcMeta());
        GetObjectResponse get = client().getObject(GetObjectRequest.builder().namespaceName(oci.namespace())
                .bucketName("c").objectName(name).build());
        get.getInputStream().close();
        assertEquals(head.getContentType(), get.getContentType());
        assertEquals(head.getContentLanguage(), get.getContentLanguage());
        assertEquals(head.getContentEncoding(), get.getContentEncoding());
        assertEquals(head.getCacheControl(), get.getCacheControl());
        assertEquals(head.getContentDisposition(), get.getContentDisposition());
        assertEquals(META, get.getOpcMeta());
    }

    static PutObjectRequest.Builder described(String name) {
        return PutObjectRequest.builder().namespaceName(oci.namespace()).bucketName("c").objectName(name)
                .contentType("application/vnd.apache.parquet").contentLanguage("de-CH").contentEncoding("identity")
                .cacheControl("max-age=3600").contentDisposition("attachment; filename=\"part-0.parquet\"")
                .opcMeta(META);
    }

    @Test
    void aSinglePutKeepsItsContentHeadersAndMetadata() throws Exception {
        byte[] body = "PAR1".getBytes(StandardCharsets.UTF_8);
        client().putObject(described("single.parquet").contentLength((long) body.length)
                .putObjectBody(new ByteArrayInputStream(body)).build());
        assertCarried("single.parquet");
        oci.put("c", "bare", body);
        assertEquals("application/octet-stream", head("bare").getContentType(),
                "no Content-Type given: OCI's default");
    }

    @Test
    void aMultipartUploadTakesThemFromCreateMultipartUpload() throws Exception {
        byte[] body = Sdk.randomBytes(3 * 1024 * 1024 + 5, 71);
        UploadManager manager = new UploadManager(client(), UploadConfiguration.builder().allowMultipartUploads(true)
                .minimumLengthForMultipartUpload(1).lengthPerUploadPart(1).build());
        UploadManager.UploadResponse response = manager.upload(UploadManager.UploadRequest
                .builder(new ByteArrayInputStream(body), body.length)
                .build(described("multi.parquet").storageTier(StorageTier.InfrequentAccess).build()));
        assertEquals(true, response.getMultipartMd5().endsWith("-4"), response.getMultipartMd5());
        assertCarried("multi.parquet");
        assertEquals(StorageTier.InfrequentAccess, head("multi.parquet").getStorageTier());
        assertArrayEquals(body, oci.get("c", "multi.parquet"));
    }

    @Test
    void metadataThatCannotBeReturnedAsAHeaderIsRefused() throws Exception {
        RawClient raw = RawClient.forEmulator(oci.emulator());
        String uploads = "/n/" + oci.namespace() + "/b/c/u";
        assertOci(400, "InvalidParameter", raw.send("POST", uploads,
                "{\"object\":\"m\",\"metadata\":{\"owner\":\"x\"}}".getBytes(), Map.of()));
        assertOci(400, "InvalidParameter", raw.send("POST", uploads,
                "{\"object\":\"m\",\"metadata\":{\"opc-meta-\":\"x\"}}".getBytes(), Map.of()));
        assertOci(400, "InvalidParameter", raw.send("POST", uploads,
                "{\"object\":\"m\",\"metadata\":{\"opc-meta-a b\":\"x\"}}".getBytes(), Map.of()));
        assertOci(400, "InvalidParameter", raw.send("POST", uploads,
                "{\"object\":\"m\",\"metadata\":{\"opc-meta-n\":1}}".getBytes(), Map.of()));
        assertOci(400, "InvalidParameter", raw.send("POST", uploads,
                "{\"object\":\"m\",\"metadata\":{\"opc-meta-v\":\"line\\nbreak\"}}".getBytes(), Map.of()));
        assertOci(400, "InvalidParameter", raw.send("PUT", "/n/" + oci.namespace() + "/b/c/o/m", "x".getBytes(),
                Map.of("opc-meta-", "nameless")));
        assertOci(404, "ObjectNotFound", raw.send("GET", "/n/" + oci.namespace() + "/b/c/o/m"));
        assertEquals(0, client().listMultipartUploads(com.oracle.bmc.objectstorage.requests.ListMultipartUploadsRequest
                .builder().namespaceName(oci.namespace()).bucketName("c").build()).getItems().size());

        // the same keys with the prefix, as the SDK sends them, are served and come back without it
        String id = client().createMultipartUpload(CreateMultipartUploadRequest.builder()
                .namespaceName(oci.namespace()).bucketName("c").createMultipartUploadDetails(
                        CreateMultipartUploadDetails.builder().object("m").metadata(Map.of("owner", "x")).build())
                .build()).getMultipartUpload().getUploadId();
        Multipart.commitOnePart(client(), oci.emulator(), "c", "m", id, "x".getBytes(), null);
        assertEquals(Map.of("owner", "x"), head("m").getOpcMeta());
    }
}
