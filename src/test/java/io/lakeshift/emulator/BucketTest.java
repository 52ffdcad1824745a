package io.lakeshift.emulator;

import com.oracle.bmc.model.BmcException;
import com.oracle.bmc.objectstorage.ObjectStorageClient;
import com.oracle.bmc.objectstorage.model.BucketSummary;
import com.oracle.bmc.objectstorage.requests.DeleteBucketRequest;
import com.oracle.bmc.objectstorage.requests.GetBucketRequest;
import com.oracle.bmc.objectstorage.requests.GetNamespaceRequest;
import com.oracle.bmc.objectstorage.requests.HeadBucketRequest;
import com.oracle.bmc.objectstorage.requests.ListBucketsRequest;
import com.oracle.bmc.objectstorage.responses.GetBucketResponse;
import com.oracle.bmc.objectstorage.responses.ListBucketsResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BucketTest {
    static OciEmulator emu;
    static ObjectStorageClient client;

    @BeforeAll
    static void start() throws Exception {
        emu = OciEmulator.builder().namespace("bucketns").start();
        client = Sdk.client(emu);
    }

    @AfterAll
    static void stop() {
        client.close();
        emu.close();
    }

    @Test
    void namespaceIsTheConfiguredOne() {
        assertEquals("bucketns", client.getNamespace(GetNamespaceRequest.builder().build()).getValue());
    }

    @Test
    void createGetHeadDelete() {
        Sdk.createBucket(client, emu, "crud");
        GetBucketResponse got = client.getBucket(GetBucketRequest.builder().namespaceName("bucketns")
                .bucketName("crud").build());
        assertEquals("crud", got.getBucket().getName());
        assertEquals(emu.tenancyId(), got.getBucket().getCompartmentId());
        assertEquals(emu.userId(), got.getBucket().getCreatedBy(), "the user of the API key that signed CreateBucket");
        assertEquals("bucketns", got.getBucket().getNamespace());
        assertNotNull(got.getBucket().getTimeCreated());
        assertEquals(got.getETag(), got.getBucket().getEtag());
        assertEquals(got.getETag(), client.headBucket(HeadBucketRequest.builder().namespaceName("bucketns")
                .bucketName("crud").build()).getETag());

        BmcException again = assertThrows(BmcException.class, () -> Sdk.createBucket(client, emu, "crud"));
        assertEquals(409, again.getStatusCode());
        assertEquals("BucketAlreadyExists", again.getServiceCode());

        client.deleteBucket(DeleteBucketRequest.builder().namespaceName("bucketns").bucketName("crud").build());
        BmcException gone = assertThrows(BmcException.class, () -> client.getBucket(GetBucketRequest.builder()
                .namespaceName("bucketns").bucketName("crud").build()));
        assertEquals(404, gone.getStatusCode());
        assertEquals("BucketNotFound", gone.getServiceCode());
        assertNotNull(gone.getOpcRequestId());
    }

    @Test
    void deleteRefusesNonEmptyBucket() {
        Sdk.createBucket(client, emu, "full");
        Sdk.put(client, emu, "full", "x", new byte[] {1});
        BmcException e = assertThrows(BmcException.class, () -> client.deleteBucket(DeleteBucketRequest.builder()
                .namespaceName("bucketns").bucketName("full").build()));
        assertEquals(409, e.getStatusCode());
        assertEquals("BucketNotEmpty", e.getServiceCode());
    }

    @Test
    void unknownNamespaceIs404() {
        BmcException e = assertThrows(BmcException.class, () -> client.getBucket(GetBucketRequest.builder()
                .namespaceName("othernamespace").bucketName("full").build()));
        assertEquals(404, e.getStatusCode());
        assertEquals("NamespaceNotFound", e.getServiceCode());
    }

    @Test
    void listPagesThroughBuckets() {
        for (int i = 0; i < 7; i++) {
            Sdk.createBucket(client, emu, "list-" + i);
        }
        List<String> names = new ArrayList<>();
        String page = null;
        int pages = 0;
        do {
            ListBucketsResponse r = client.listBuckets(ListBucketsRequest.builder().namespaceName("bucketns")
                    .compartmentId(emu.tenancyId()).limit(3).page(page).build());
            r.getItems().stream().map(BucketSummary::getName).filter(n -> n.startsWith("list-")).forEach(names::add);
            page = r.getOpcNextPage();
            pages++;
        } while (page != null);
        assertEquals(List.of("list-0", "list-1", "list-2", "list-3", "list-4", "list-5", "list-6"), names);
        assertEquals(true, pages >= 3);
        ListBucketsResponse other = client.listBuckets(ListBucketsRequest.builder().namespaceName("bucketns")
                .compartmentId("ocid1.compartment.oc1..other").build());
        assertEquals(0, other.getItems().size());
        assertNull(other.getOpcNextPage());
    }
}
