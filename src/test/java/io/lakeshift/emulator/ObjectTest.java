package io.lakeshift.emulator;

import com.oracle.bmc.model.BmcException;
import com.oracle.bmc.model.Range;
import com.oracle.bmc.objectstorage.ObjectStorageClient;
import com.oracle.bmc.objectstorage.model.RenameObjectDetails;
import com.oracle.bmc.objectstorage.model.StorageTier;
import com.oracle.bmc.objectstorage.requests.DeleteObjectRequest;
import com.oracle.bmc.objectstorage.requests.GetObjectRequest;
import com.oracle.bmc.objectstorage.requests.HeadObjectRequest;
import com.oracle.bmc.objectstorage.requests.PutObjectRequest;
import com.oracle.bmc.objectstorage.requests.RenameObjectRequest;
import com.oracle.bmc.objectstorage.responses.GetObjectResponse;
import com.oracle.bmc.objectstorage.responses.HeadObjectResponse;
import com.oracle.bmc.objectstorage.responses.PutObjectResponse;
import io.lakeshift.testing.EmulatorFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ObjectTest {
    @RegisterExtension
    static final EmulatorFixture oci = EmulatorFixture.perClass("obj");

    static ObjectStorageClient client() { return oci.client(); }
    static OciEmulator emu() { return oci.emulator(); }
    static String ns() { return oci.namespace(); }

    static String md5(byte[] body) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(body));
    }

    @Test
    void putGetHeadDelete() throws Exception {
        byte[] body = Sdk.randomBytes(300_000, 2);
        PutObjectResponse put = Sdk.put(client(), emu(), "obj", "dir/file one.bin", body);
        assertEquals(md5(body), put.getOpcContentMd5());
        assertNotNull(put.getETag());
        assertNotNull(put.getLastModified());

        HeadObjectResponse head = client().headObject(HeadObjectRequest.builder().namespaceName(ns()).bucketName("obj")
                .objectName("dir/file one.bin").build());
        assertEquals(body.length, head.getContentLength());
        assertEquals(put.getETag(), head.getETag());
        assertEquals(md5(body), head.getContentMd5());
        assertNull(head.getOpcMultipartMd5());
        assertEquals(StorageTier.Standard, head.getStorageTier());

        assertArrayEquals(body, oci.get("obj", "dir/file one.bin"));

        client().deleteObject(DeleteObjectRequest.builder().namespaceName(ns()).bucketName("obj")
                .objectName("dir/file one.bin").build());
        BmcException e = assertThrows(BmcException.class, () -> oci.get("obj", "dir/file one.bin"));
        assertEquals(404, e.getStatusCode());
        assertEquals("ObjectNotFound", e.getServiceCode());
        BmcException again = assertThrows(BmcException.class, () -> client().deleteObject(DeleteObjectRequest.builder()
                .namespaceName(ns()).bucketName("obj").objectName("dir/file one.bin").build()));
        assertEquals(404, again.getStatusCode());
    }

    @Test
    void unusualNamesRoundTrip() throws Exception {
        for (String name : new String[] {"a+b", "spaces and %25 percent", "ünïcödé/名前", "x?y=z&w#v", "trailing/"}) {
            byte[] body = name.getBytes("UTF-8");
            oci.put("obj", name, body);
            assertArrayEquals(body, oci.get("obj", name), name);
        }
    }

    @Test
    void emptyObject() throws Exception {
        oci.put("obj", "empty", new byte[0]);
        assertEquals(0, oci.get("obj", "empty").length);
        assertEquals(0L, client().headObject(HeadObjectRequest.builder().namespaceName(ns()).bucketName("obj")
                .objectName("empty").build()).getContentLength());
    }

    @Test
    void rangeReads() throws Exception {
        byte[] body = Sdk.randomBytes(10_000, 3);
        oci.put("obj", "ranged", body);
        assertArrayEquals(Arrays.copyOfRange(body, 100, 200), range(new Range(100L, 199L)));
        assertArrayEquals(Arrays.copyOfRange(body, 9_000, 10_000), range(new Range(9_000L, null)));
        assertArrayEquals(Arrays.copyOfRange(body, 9_990, 10_000), range(new Range(null, 10L)));
        assertArrayEquals(Arrays.copyOfRange(body, 9_990, 10_000), range(new Range(9_990L, 20_000L)));

        HttpResponse<byte[]> partial = RawClient.forEmulator(emu()).send("GET", "/n/" + ns() + "/b/obj/o/ranged", null,
                Map.of("range", "bytes=0-9"));
        assertEquals(206, partial.statusCode());
        assertEquals("bytes 0-9/10000", partial.headers().firstValue("content-range").orElseThrow());
        assertEquals(10, partial.body().length);

        HttpResponse<byte[]> beyond = RawClient.forEmulator(emu()).send("GET", "/n/" + ns() + "/b/obj/o/ranged", null,
                Map.of("range", "bytes=10000-"));
        assertEquals(416, beyond.statusCode());
        assertTrue(new String(beyond.body()).contains("\"code\""));
    }

    private byte[] range(Range range) throws Exception {
        GetObjectResponse r = client().getObject(GetObjectRequest.builder().namespaceName(ns()).bucketName("obj")
                .objectName("ranged").range(range).build());
        try (InputStream in = r.getInputStream()) {
            return in.readAllBytes();
        }
    }

    @Test
    void contentMd5IsChecked() throws Exception {
        byte[] body = Sdk.randomBytes(5_000, 4);
        BmcException e = assertThrows(BmcException.class, () -> client().putObject(PutObjectRequest.builder()
                .namespaceName(ns()).bucketName("obj").objectName("md5-wrong").contentLength((long) body.length)
                .contentMD5(md5(new byte[] {1, 2, 3})).putObjectBody(new ByteArrayInputStream(body)).build()));
        assertEquals(400, e.getStatusCode());
        assertEquals("UnmatchedContentMD5", e.getServiceCode());
        BmcException absent = assertThrows(BmcException.class, () -> oci.get("obj", "md5-wrong"));
        assertEquals(404, absent.getStatusCode());

        PutObjectResponse ok = client().putObject(PutObjectRequest.builder().namespaceName(ns()).bucketName("obj")
                .objectName("md5-right").contentLength((long) body.length).contentMD5(md5(body))
                .putObjectBody(new ByteArrayInputStream(body)).build());
        assertEquals(md5(body), ok.getOpcContentMd5());
    }

    @Test
    void metadataAndContentHeadersRoundTrip() throws Exception {
        byte[] body = "hello".getBytes();
        client().putObject(PutObjectRequest.builder().namespaceName(ns()).bucketName("obj").objectName("meta")
                .contentLength((long) body.length).putObjectBody(new ByteArrayInputStream(body))
                .opcMeta(Map.of("owner", "lakeshift", "run-id", "42")).contentType("text/plain")
                .contentLanguage("en").contentDisposition("attachment; filename=\"m.txt\"").cacheControl("no-cache")
                .contentEncoding("identity").storageTier(StorageTier.InfrequentAccess).build());
        GetObjectResponse r = client().getObject(GetObjectRequest.builder().namespaceName(ns()).bucketName("obj")
                .objectName("meta").build());
        r.getInputStream().close();
        assertEquals(Map.of("owner", "lakeshift", "run-id", "42"), r.getOpcMeta());
        assertEquals("text/plain", r.getContentType());
        assertEquals("en", r.getContentLanguage());
        assertEquals("attachment; filename=\"m.txt\"", r.getContentDisposition());
        assertEquals("no-cache", r.getCacheControl());
        assertEquals("identity", r.getContentEncoding());
        assertEquals(StorageTier.InfrequentAccess, r.getStorageTier());
    }

    @Test
    void conditionalWrites() {
        PutObjectResponse first = Sdk.put(client(), emu(), "obj", "cond", new byte[] {1});
        BmcException noneMatch = assertThrows(BmcException.class, () -> client().putObject(PutObjectRequest.builder()
                .namespaceName(ns()).bucketName("obj").objectName("cond").contentLength(1L).ifNoneMatch("*")
                .putObjectBody(new ByteArrayInputStream(new byte[] {2})).build()));
        assertEquals(412, noneMatch.getStatusCode());
        assertEquals("IfNoneMatchFailed", noneMatch.getServiceCode());

        PutObjectResponse second = client().putObject(PutObjectRequest.builder().namespaceName(ns()).bucketName("obj")
                .objectName("cond").contentLength(1L).ifMatch(first.getETag())
                .putObjectBody(new ByteArrayInputStream(new byte[] {3})).build());
        assertNotEquals(first.getETag(), second.getETag());

        BmcException stale = assertThrows(BmcException.class, () -> client().putObject(PutObjectRequest.builder()
                .namespaceName(ns()).bucketName("obj").objectName("cond").contentLength(1L).ifMatch(first.getETag())
                .putObjectBody(new ByteArrayInputStream(new byte[] {4})).build()));
        assertEquals(412, stale.getStatusCode());
        assertEquals("IfMatchFailed", stale.getServiceCode());

        BmcException staleDelete = assertThrows(BmcException.class, () -> client().deleteObject(DeleteObjectRequest
                .builder().namespaceName(ns()).bucketName("obj").objectName("cond").ifMatch(first.getETag()).build()));
        assertEquals(412, staleDelete.getStatusCode());

        client().putObject(PutObjectRequest.builder().namespaceName(ns()).bucketName("obj").objectName("cond-new")
                .contentLength(1L).ifNoneMatch("*").putObjectBody(new ByteArrayInputStream(new byte[] {5})).build());
    }

    @Test
    void rename() throws Exception {
        byte[] body = Sdk.randomBytes(1000, 5);
        PutObjectResponse put = Sdk.put(client(), emu(), "obj", "from", body);
        client().renameObject(RenameObjectRequest.builder().namespaceName(ns()).bucketName("obj")
                .renameObjectDetails(RenameObjectDetails.builder().sourceName("from").newName("to")
                        .srcObjIfMatchETag(put.getETag()).build()).build());
        assertArrayEquals(body, oci.get("obj", "to"));
        assertEquals(404, assertThrows(BmcException.class, () -> oci.get("obj", "from")).getStatusCode());

        oci.put("obj", "occupied", new byte[] {9});
        BmcException blocked = assertThrows(BmcException.class, () -> client().renameObject(RenameObjectRequest
                .builder().namespaceName(ns()).bucketName("obj").renameObjectDetails(RenameObjectDetails.builder()
                        .sourceName("to").newName("occupied").newObjIfNoneMatchETag("*").build()).build()));
        assertEquals(412, blocked.getStatusCode());
        assertArrayEquals(body, oci.get("obj", "to"));

        BmcException missing = assertThrows(BmcException.class, () -> client().renameObject(RenameObjectRequest
                .builder().namespaceName(ns()).bucketName("obj").renameObjectDetails(RenameObjectDetails.builder()
                        .sourceName("nothing-here").newName("x").build()).build()));
        assertEquals(404, missing.getStatusCode());
    }

    @Test
    void missingBucketIs404() {
        BmcException e = assertThrows(BmcException.class, () -> oci.put("no-such-bucket", "x",
                new byte[] {1}));
        assertEquals(404, e.getStatusCode());
        assertEquals("BucketNotFound", e.getServiceCode());
        assertFalse(e.getMessage().isEmpty());
    }
}
