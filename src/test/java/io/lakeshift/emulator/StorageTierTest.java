package io.lakeshift.emulator;

import com.oracle.bmc.model.BmcException;
import com.oracle.bmc.objectstorage.ObjectStorageClient;
import com.oracle.bmc.objectstorage.model.ArchivalState;
import com.oracle.bmc.objectstorage.model.CreateBucketDetails;
import com.oracle.bmc.objectstorage.model.CreateMultipartUploadDetails;
import com.oracle.bmc.objectstorage.model.ObjectSummary;
import com.oracle.bmc.objectstorage.model.RestoreObjectsDetails;
import com.oracle.bmc.objectstorage.model.StorageTier;
import com.oracle.bmc.objectstorage.model.UpdateObjectStorageTierDetails;
import com.oracle.bmc.objectstorage.requests.CreateBucketRequest;
import com.oracle.bmc.objectstorage.requests.CreateMultipartUploadRequest;
import com.oracle.bmc.objectstorage.requests.HeadObjectRequest;
import com.oracle.bmc.objectstorage.requests.ListObjectsRequest;
import com.oracle.bmc.objectstorage.requests.PutObjectRequest;
import com.oracle.bmc.objectstorage.requests.RestoreObjectsRequest;
import com.oracle.bmc.objectstorage.requests.UpdateObjectStorageTierRequest;
import com.oracle.bmc.objectstorage.responses.HeadObjectResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import static io.lakeshift.emulator.FailsLikeOciTest.assertOci;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Storage tiers through the OCI Java SDK 3.77.2: objects land in Standard, InfrequentAccess or Archive
 * (PutObjectRequest.storageTier, CreateMultipartUploadDetails.storageTier, the bucket's tier by default), HEAD and
 * ListObjects report the tier and, for Archive objects only, the ArchivalState (Archived, Restoring, Restored);
 * an Archive object is read only once restored (RestoreObjectsDetails: objectName, hours, 24 by default; the
 * Console's 1 to 240 hours, OCI docs "Restoring an Object Storage Object from Archive Storage"), and
 * UpdateObjectStorageTier moves an object between tiers.
 *
 * <p>Two emulators: one restoring at once (the default), one whose restores stay Restoring until the test ends
 * them with {@link OciEmulator#completeRestores()}: no waiting.
 */
class StorageTierTest {
    static OciEmulator emu;
    static OciEmulator slow;
    static ObjectStorageClient client;
    static ObjectStorageClient slowClient;
    static final byte[] BODY = "cold partition".getBytes(StandardCharsets.UTF_8);

    @BeforeAll
    static void start() throws Exception {
        emu = OciEmulator.builder().start();
        slow = OciEmulator.builder().restoreDelay(Duration.ofHours(1)).start();
        client = Sdk.client(emu);
        slowClient = Sdk.client(slow);
        Sdk.createBucket(client, emu, "t");
        Sdk.createBucket(slowClient, slow, "t");
    }

    @AfterAll
    static void stop() {
        client.close();
        slowClient.close();
        emu.close();
        slow.close();
    }

    static void put(ObjectStorageClient c, OciEmulator e, String bucket, String name, StorageTier tier) {
        c.putObject(PutObjectRequest.builder().namespaceName(e.namespace()).bucketName(bucket).objectName(name)
                .contentLength((long) BODY.length).putObjectBody(new ByteArrayInputStream(BODY)).storageTier(tier)
                .build());
    }

    static HeadObjectResponse head(ObjectStorageClient c, OciEmulator e, String bucket, String name) {
        return c.headObject(HeadObjectRequest.builder().namespaceName(e.namespace()).bucketName(bucket)
                .objectName(name).build());
    }

    static void restore(ObjectStorageClient c, OciEmulator e, String name, Integer hours) {
        c.restoreObjects(RestoreObjectsRequest.builder().namespaceName(e.namespace()).bucketName("t")
                .restoreObjectsDetails(RestoreObjectsDetails.builder().objectName(name).hours(hours).build()).build());
    }

    static void updateTier(String name, StorageTier tier) {
        client.updateObjectStorageTier(UpdateObjectStorageTierRequest.builder().namespaceName(emu.namespace())
                .bucketName("t").updateObjectStorageTierDetails(UpdateObjectStorageTierDetails.builder()
                        .objectName(name).storageTier(tier).build()).build());
    }

    static Map<String, ObjectSummary> list(String prefix) {
        Map<String, ObjectSummary> out = new HashMap<>();
        for (ObjectSummary s : client.listObjects(ListObjectsRequest.builder().namespaceName(emu.namespace())
                .bucketName("t").prefix(prefix).fields("name,storageTier,archivalState").build())
                .getListObjects().getObjects()) {
            out.put(s.getName(), s);
        }
        return out;
    }

    @Test
    void eachTierIsStoredAndReportedOnHeadAndList() throws Exception {
        put(client, emu, "t", "tiers/standard", StorageTier.Standard);
        put(client, emu, "t", "tiers/infrequent", StorageTier.InfrequentAccess);
        put(client, emu, "t", "tiers/archive", StorageTier.Archive);
        put(client, emu, "t", "tiers/default", null);

        assertEquals(StorageTier.InfrequentAccess, head(client, emu, "t", "tiers/infrequent").getStorageTier());
        assertNull(head(client, emu, "t", "tiers/infrequent").getArchivalState(), "only Archive objects have one");
        HeadObjectResponse archived = head(client, emu, "t", "tiers/archive");
        assertEquals(StorageTier.Archive, archived.getStorageTier());
        assertEquals(ArchivalState.Archived, archived.getArchivalState());
        assertEquals(BODY.length, archived.getContentLength(), "HEAD of an archived object is served");
        assertEquals(StorageTier.Standard, head(client, emu, "t", "tiers/default").getStorageTier());
        assertArrayEquals(BODY, Sdk.get(client, emu, "t", "tiers/infrequent"));

        Map<String, ObjectSummary> listed = list("tiers/");
        assertEquals(StorageTier.Standard, listed.get("tiers/standard").getStorageTier());
        assertEquals(StorageTier.InfrequentAccess, listed.get("tiers/infrequent").getStorageTier());
        assertEquals(StorageTier.Archive, listed.get("tiers/archive").getStorageTier());
        assertEquals(ArchivalState.Archived, listed.get("tiers/archive").getArchivalState());
        assertNull(listed.get("tiers/standard").getArchivalState());
    }

    @Test
    void multipartUploadsTakeTheirTierFromCreateMultipartUpload() {
        var upload = client.createMultipartUpload(CreateMultipartUploadRequest.builder().namespaceName(emu.namespace())
                .bucketName("t").createMultipartUploadDetails(CreateMultipartUploadDetails.builder().object("mp-cold")
                        .storageTier(StorageTier.Archive).build()).build()).getMultipartUpload();
        assertEquals(StorageTier.Archive, upload.getStorageTier());
        Multipart.commitOnePart(client, emu, "t", "mp-cold", upload.getUploadId(), BODY, null);
        assertEquals(ArchivalState.Archived, head(client, emu, "t", "mp-cold").getArchivalState());
        assertOci(409, "NotRestored", () -> Sdk.get(client, emu, "t", "mp-cold"));
    }

    @Test
    void anArchiveBucketArchivesWhatIsPutWithoutATier() throws Exception {
        client.createBucket(CreateBucketRequest.builder().namespaceName(emu.namespace()).createBucketDetails(
                CreateBucketDetails.builder().name("cold").compartmentId(emu.tenancyId())
                        .storageTier(CreateBucketDetails.StorageTier.Archive).build()).build());
        put(client, emu, "cold", "by-default", null);
        put(client, emu, "cold", "asked-standard", StorageTier.Standard);
        assertEquals(StorageTier.Archive, head(client, emu, "cold", "by-default").getStorageTier());
        assertOci(409, "NotRestored", () -> Sdk.get(client, emu, "cold", "by-default"));
        assertArrayEquals(BODY, Sdk.get(client, emu, "cold", "asked-standard"));
    }

    @Test
    void anArchivedObjectIsReadOnlyAfterRestoreObjects() throws Exception {
        put(client, emu, "t", "restore/now", StorageTier.Archive);
        // OCI answers a read of an archived object 409 NotRestored (docs/emulator.md); HEAD still answers
        assertOci(409, "NotRestored", () -> Sdk.get(client, emu, "t", "restore/now"));

        restore(client, emu, "restore/now", 2);
        HeadObjectResponse restored = head(client, emu, "t", "restore/now");
        assertEquals(ArchivalState.Restored, restored.getArchivalState());
        assertEquals(StorageTier.Archive, restored.getStorageTier(), "a restored object stays in the Archive tier");
        Date back = restored.getTimeOfArchival();
        assertNotNull(back, "time-of-archival: when it returns to the archived state");
        long hours = Duration.ofMillis(back.getTime() - System.currentTimeMillis()).toMinutes();
        assertTrue(hours > 100 && hours <= 120, "restored for the 2 hours asked for: " + hours + " min left");
        assertArrayEquals(BODY, Sdk.get(client, emu, "t", "restore/now"));
        assertEquals(ArchivalState.Restored, list("restore/").get("restore/now").getArchivalState());
    }

    @Test
    void aRestoreUnderWayIsRestoringUntilItCompletes() throws Exception {
        put(slowClient, slow, "t", "slow", StorageTier.Archive);
        restore(slowClient, slow, "slow", null);
        assertEquals(ArchivalState.Restoring, head(slowClient, slow, "t", "slow").getArchivalState());
        assertNull(head(slowClient, slow, "t", "slow").getTimeOfArchival());
        assertOci(409, "NotRestored", () -> Sdk.get(slowClient, slow, "t", "slow"));
        restore(slowClient, slow, "slow", null); // asking again while it is under way changes nothing
        assertEquals(ArchivalState.Restoring, head(slowClient, slow, "t", "slow").getArchivalState());

        assertEquals(1, slow.completeRestores());
        HeadObjectResponse done = head(slowClient, slow, "t", "slow");
        assertEquals(ArchivalState.Restored, done.getArchivalState());
        long hours = Duration.ofMillis(done.getTimeOfArchival().getTime() - System.currentTimeMillis()).toHours();
        assertEquals(23, hours, "24 hours by default");
        assertArrayEquals(BODY, Sdk.get(slowClient, slow, "t", "slow"));
    }

    @Test
    void restoreObjectsRefusesWhatOciRefuses() {
        put(client, emu, "t", "refuse/standard", StorageTier.Standard);
        put(client, emu, "t", "refuse/archive", StorageTier.Archive);
        assertOci(400, "InvalidParameter", () -> restore(client, emu, "refuse/standard", null));
        assertOci(400, "InvalidParameter", () -> restore(client, emu, "refuse/archive", 0));
        assertOci(400, "InvalidParameter", () -> restore(client, emu, "refuse/archive", 241));
        assertOci(404, "ObjectNotFound", () -> restore(client, emu, "refuse/none", null));
        assertOci(404, "ObjectNotFound", () -> client.restoreObjects(RestoreObjectsRequest.builder()
                .namespaceName(emu.namespace()).bucketName("t").restoreObjectsDetails(RestoreObjectsDetails.builder()
                        .objectName("refuse/archive").versionId("not-a-version").build()).build()));
        assertEquals(ArchivalState.Archived, head(client, emu, "t", "refuse/archive").getArchivalState(),
                "a refused restore changes nothing");
    }

    @Test
    void updateObjectStorageTierMovesObjectsBetweenTiers() throws Exception {
        put(client, emu, "t", "move/a", StorageTier.Standard);
        String etag = head(client, emu, "t", "move/a").getETag();
        updateTier("move/a", StorageTier.InfrequentAccess);
        assertEquals(StorageTier.InfrequentAccess, head(client, emu, "t", "move/a").getStorageTier());
        assertEquals(etag, head(client, emu, "t", "move/a").getETag(), "the object itself is unchanged");
        assertArrayEquals(BODY, Sdk.get(client, emu, "t", "move/a"));

        updateTier("move/a", StorageTier.Archive);
        assertEquals(ArchivalState.Archived, head(client, emu, "t", "move/a").getArchivalState());
        assertOci(409, "NotRestored", () -> Sdk.get(client, emu, "t", "move/a"));

        // out of Archive only once restored
        assertOci(400, "InvalidStorageTier", () -> updateTier("move/a", StorageTier.Standard));
        restore(client, emu, "move/a", null);
        updateTier("move/a", StorageTier.Standard);
        HeadObjectResponse moved = head(client, emu, "t", "move/a");
        assertEquals(StorageTier.Standard, moved.getStorageTier());
        assertNull(moved.getArchivalState());
        assertArrayEquals(BODY, Sdk.get(client, emu, "t", "move/a"));

        assertOci(404, "ObjectNotFound", () -> updateTier("move/none", StorageTier.Standard));
    }

    @Test
    void unknownTiersAndFieldsAre400() throws Exception {
        RawClient raw = RawClient.forEmulator(emu);
        String ns = emu.namespace();
        assertOci(400, "InvalidParameter", raw.send("PUT", "/n/" + ns + "/b/t/o/bad-tier", "x".getBytes(),
                Map.of("storage-tier", "Glacier")));
        assertOci(400, "InvalidParameter", raw.send("POST", "/n/" + ns + "/b/t/actions/restoreObjects",
                "{\"objectName\":\"a\",\"days\":1}".getBytes(), Map.of()));
        assertOci(400, "MissingParameter", raw.send("POST", "/n/" + ns + "/b/t/actions/restoreObjects",
                "{\"hours\":1}".getBytes(), Map.of()));
        assertOci(400, "InvalidParameter", raw.send("POST", "/n/" + ns + "/b/t/actions/updateObjectStorageTier",
                "{\"objectName\":\"a\",\"storageTier\":\"Cold\"}".getBytes(), Map.of()));
        BmcException e = assertThrows(BmcException.class, () -> Sdk.get(client, emu, "t", "bad-tier"));
        assertEquals(404, e.getStatusCode(), "a refused PUT stores nothing");
    }
}
