package io.lakeshift.emulator;

import com.oracle.bmc.model.BmcException;
import com.oracle.bmc.objectstorage.ObjectStorageClient;
import com.oracle.bmc.objectstorage.model.CommitMultipartUploadDetails;
import com.oracle.bmc.objectstorage.model.CommitMultipartUploadPartDetails;
import com.oracle.bmc.objectstorage.model.CreateMultipartUploadDetails;
import com.oracle.bmc.objectstorage.model.MultipartUpload;
import com.oracle.bmc.objectstorage.model.MultipartUploadPartSummary;
import com.oracle.bmc.objectstorage.requests.AbortMultipartUploadRequest;
import com.oracle.bmc.objectstorage.requests.CommitMultipartUploadRequest;
import com.oracle.bmc.objectstorage.requests.CreateMultipartUploadRequest;
import com.oracle.bmc.objectstorage.requests.HeadObjectRequest;
import com.oracle.bmc.objectstorage.requests.ListMultipartUploadPartsRequest;
import com.oracle.bmc.objectstorage.requests.ListMultipartUploadsRequest;
import com.oracle.bmc.objectstorage.requests.ListObjectsRequest;
import com.oracle.bmc.objectstorage.requests.UploadPartRequest;
import com.oracle.bmc.objectstorage.responses.CommitMultipartUploadResponse;
import com.oracle.bmc.objectstorage.responses.HeadObjectResponse;
import com.oracle.bmc.objectstorage.responses.ListMultipartUploadPartsResponse;
import com.oracle.bmc.objectstorage.responses.ListMultipartUploadsResponse;
import com.oracle.bmc.objectstorage.responses.UploadPartResponse;
import io.lakeshift.testing.EmulatorFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MultipartTest {
    @RegisterExtension
    static final EmulatorFixture oci = EmulatorFixture.perClass("mp");

    static ObjectStorageClient client() { return oci.client(); }
    static OciEmulator emu() { return oci.emulator(); }
    static String ns() { return oci.namespace(); }

    /** The SDK itself prefixes metadata keys with "opc-meta-" in the JSON body. */
    static String create(String object) {
        return client().createMultipartUpload(CreateMultipartUploadRequest.builder().namespaceName(ns()).bucketName("mp")
                .createMultipartUploadDetails(CreateMultipartUploadDetails.builder().object(object)
                        .contentType("application/x-parquet").metadata(Map.of("source", "adls")).build())
                .build()).getMultipartUpload().getUploadId();
    }

    static UploadPartResponse part(String object, String uploadId, int num, byte[] body) {
        return client().uploadPart(UploadPartRequest.builder().namespaceName(ns()).bucketName("mp").objectName(object)
                .uploadId(uploadId).uploadPartNum(num).contentLength((long) body.length)
                .uploadPartBody(new ByteArrayInputStream(body)).build());
    }

    static CommitMultipartUploadPartDetails ref(int num, String etag) {
        return CommitMultipartUploadPartDetails.builder().partNum(num).etag(etag).build();
    }

    @Test
    void uploadListCommitWithExcludedPart() throws Exception {
        String id = create("big.parquet");
        byte[] p1 = Sdk.randomBytes(70_000, 11);
        byte[] p2 = Sdk.randomBytes(50_000, 12);
        byte[] p3 = Sdk.randomBytes(30_000, 13);
        UploadPartResponse r3 = part("big.parquet", id, 3, p3);
        UploadPartResponse r1 = part("big.parquet", id, 1, p1);
        part("big.parquet", id, 2, p2);
        assertEquals(ObjectTest.md5(p1), r1.getOpcContentMd5());

        ListMultipartUploadPartsResponse parts = client().listMultipartUploadParts(ListMultipartUploadPartsRequest
                .builder().namespaceName(ns()).bucketName("mp").objectName("big.parquet").uploadId(id).build());
        assertEquals(List.of(1, 2, 3), parts.getItems().stream().map(MultipartUploadPartSummary::getPartNumber)
                .toList());
        assertEquals(70_000L, parts.getItems().get(0).getSize());
        assertEquals(r1.getETag(), parts.getItems().get(0).getEtag());

        assertEquals(404, assertThrows(BmcException.class, () -> oci.get("mp", "big.parquet"))
                .getStatusCode(), "an uncommitted upload is not an object");

        CommitMultipartUploadResponse commit = client().commitMultipartUpload(CommitMultipartUploadRequest.builder()
                .namespaceName(ns()).bucketName("mp").objectName("big.parquet").uploadId(id)
                .commitMultipartUploadDetails(CommitMultipartUploadDetails.builder()
                        .partsToCommit(List.of(ref(3, r3.getETag()), ref(1, r1.getETag())))
                        .partsToExclude(List.of(2)).build()).build());

        MessageDigest outer = MessageDigest.getInstance("MD5");
        outer.update(MessageDigest.getInstance("MD5").digest(p1));
        outer.update(MessageDigest.getInstance("MD5").digest(p3));
        String expected = Base64.getEncoder().encodeToString(outer.digest()) + "-2";
        assertEquals(expected, commit.getOpcMultipartMd5());

        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        joined.write(p1);
        joined.write(p3);
        assertArrayEquals(joined.toByteArray(), oci.get("mp", "big.parquet"));

        HeadObjectResponse head = client().headObject(HeadObjectRequest.builder().namespaceName(ns()).bucketName("mp")
                .objectName("big.parquet").build());
        assertEquals(expected, head.getOpcMultipartMd5());
        assertNull(head.getContentMd5());
        assertEquals(100_000L, head.getContentLength());
        assertEquals("application/x-parquet", head.getContentType());
        assertEquals(Map.of("source", "adls"), head.getOpcMeta());

        String listed = client().listObjects(ListObjectsRequest.builder().namespaceName(ns()).bucketName("mp")
                .prefix("big.parquet").fields("md5").build()).getListObjects().getObjects().get(0).getMd5();
        assertEquals(expected, listed);

        BmcException gone = assertThrows(BmcException.class, () -> part("big.parquet", id, 4, new byte[] {1}));
        assertEquals(404, gone.getStatusCode());
        assertEquals("NoSuchUpload", gone.getServiceCode());
    }

    @Test
    void partNumbersOutsideOneToTenThousandAreRejected() {
        String id = create("numbers");
        for (int bad : new int[] {0, 10_001}) {
            BmcException e = assertThrows(BmcException.class, () -> part("numbers", id, bad, new byte[] {1}));
            assertEquals(400, e.getStatusCode(), "part " + bad);
        }
        part("numbers", id, 10_000, new byte[] {1});
        abort("numbers", id);
    }

    @Test
    void wrongEtagOrMissingPartFailsCommit() {
        String id = create("bad-commit");
        UploadPartResponse r1 = part("bad-commit", id, 1, new byte[] {1, 2});
        BmcException wrongEtag = assertThrows(BmcException.class, () -> commit("bad-commit", id,
                List.of(ref(1, "not-the-etag")), List.of()));
        assertEquals(400, wrongEtag.getStatusCode());
        assertEquals("InvalidUploadPart", wrongEtag.getServiceCode());
        BmcException missing = assertThrows(BmcException.class, () -> commit("bad-commit", id,
                List.of(ref(1, r1.getETag()), ref(2, "x")), List.of()));
        assertEquals("InvalidUploadPart", missing.getServiceCode());
        assertEquals(404, assertThrows(BmcException.class, () -> oci.get("mp", "bad-commit"))
                .getStatusCode());
        abort("bad-commit", id);
    }

    @Test
    void partMd5IsChecked() throws Exception {
        String id = create("md5-part");
        BmcException e = assertThrows(BmcException.class, () -> client().uploadPart(UploadPartRequest.builder()
                .namespaceName(ns()).bucketName("mp").objectName("md5-part").uploadId(id).uploadPartNum(1)
                .contentLength(3L).contentMD5(ObjectTest.md5(new byte[] {9})).uploadPartBody(
                        new ByteArrayInputStream(new byte[] {1, 2, 3})).build()));
        assertEquals("UnmatchedContentMD5", e.getServiceCode());
        assertEquals(0, client().listMultipartUploadParts(ListMultipartUploadPartsRequest.builder().namespaceName(ns())
                .bucketName("mp").objectName("md5-part").uploadId(id).build()).getItems().size());
        abort("md5-part", id);
    }

    @Test
    void abortedUploadDisappears() {
        String id = create("aborted");
        part("aborted", id, 1, new byte[] {1});
        abort("aborted", id);
        BmcException e = assertThrows(BmcException.class, () -> client().listMultipartUploadParts(
                ListMultipartUploadPartsRequest.builder().namespaceName(ns()).bucketName("mp").objectName("aborted")
                        .uploadId(id).build()));
        assertEquals(404, e.getStatusCode());
        assertEquals("NoSuchUpload", e.getServiceCode());
        assertEquals(404, assertThrows(BmcException.class, () -> oci.get("mp", "aborted"))
                .getStatusCode());
    }

    @Test
    void listUploadsPages() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(create("listed-" + i));
        }
        List<String> seen = new ArrayList<>();
        String page = null;
        do {
            ListMultipartUploadsResponse r = client().listMultipartUploads(ListMultipartUploadsRequest.builder()
                    .namespaceName(ns()).bucketName("mp").limit(2).page(page).build());
            assertTrue(r.getItems().size() <= 2);
            r.getItems().stream().map(MultipartUpload::getUploadId).forEach(seen::add);
            page = r.getOpcNextPage();
        } while (page != null);
        assertTrue(seen.containsAll(ids));
        for (int i = 0; i < 5; i++) {
            abort("listed-" + i, ids.get(i));
        }
    }

    static void commit(String object, String id, List<CommitMultipartUploadPartDetails> parts, List<Integer> exclude) {
        client().commitMultipartUpload(CommitMultipartUploadRequest.builder().namespaceName(ns()).bucketName("mp")
                .objectName(object).uploadId(id).commitMultipartUploadDetails(CommitMultipartUploadDetails.builder()
                        .partsToCommit(parts).partsToExclude(exclude).build()).build());
    }

    static void abort(String object, String id) {
        client().abortMultipartUpload(AbortMultipartUploadRequest.builder().namespaceName(ns()).bucketName("mp")
                .objectName(object).uploadId(id).build());
    }
}
