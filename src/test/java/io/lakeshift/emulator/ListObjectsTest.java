package io.lakeshift.emulator;

import com.oracle.bmc.objectstorage.ObjectStorageClient;
import com.oracle.bmc.objectstorage.model.ObjectSummary;
import com.oracle.bmc.objectstorage.requests.ListObjectsRequest;
import com.oracle.bmc.objectstorage.responses.ListObjectsResponse;
import io.lakeshift.testing.EmulatorFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class ListObjectsTest {
    static final int MANY = 2_500;
    @RegisterExtension
    static final EmulatorFixture oci = EmulatorFixture.perClass("many");

    static ObjectStorageClient client() { return oci.client(); }
    static OciEmulator emu() { return oci.emulator(); }
    static String ns() { return oci.namespace(); }

    @BeforeAll
    static void start() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int first = t;
                done.add(pool.submit(() -> {
                    for (int i = first; i < MANY; i += 4) {
                        oci.put("many", String.format("data/part-%05d.parquet", i), new byte[] {(byte) i});
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        oci.createBucket("tree");
        for (String name : new String[] {"a.txt", "dir/x", "dir/y", "dir/sub/z", "dir2/w", "e\uD83D\uDE00", "e\uFFFD",
                "z"}) {
            oci.put("tree", name, name.getBytes("UTF-8"));
        }
    }

    @Test
    void paginatorWalksEveryObjectInOrder() {
        List<String> names = new ArrayList<>();
        for (ObjectSummary s : client().getPaginators().listObjectsRecordIterator(ListObjectsRequest.builder()
                .namespaceName(ns()).bucketName("many").fields("name,size").build())) {
            names.add(s.getName());
            assertEquals(1L, s.getSize());
        }
        assertEquals(MANY, names.size());
        for (int i = 0; i < MANY; i++) {
            assertEquals(String.format("data/part-%05d.parquet", i), names.get(i));
        }
    }

    @Test
    void firstPageHasTheDefaultLimitAndNextStartWith() {
        ListObjectsResponse r = client().listObjects(ListObjectsRequest.builder().namespaceName(ns()).bucketName("many")
                .build());
        assertEquals(1000, r.getListObjects().getObjects().size());
        assertEquals("data/part-01000.parquet", r.getListObjects().getNextStartWith());
        ObjectSummary first = r.getListObjects().getObjects().get(0);
        assertNull(first.getSize(), "only the name unless fields asks for more");
        assertNull(first.getMd5());
    }

    @Test
    void limitStartEndAndStartAfter() {
        ListObjectsResponse r = client().listObjects(ListObjectsRequest.builder().namespaceName(ns()).bucketName("many")
                .start("data/part-00010.parquet").end("data/part-00013.parquet").build());
        assertEquals(List.of("data/part-00010.parquet", "data/part-00011.parquet", "data/part-00012.parquet"),
                names(r));
        assertNull(r.getListObjects().getNextStartWith());

        ListObjectsResponse after = client().listObjects(ListObjectsRequest.builder().namespaceName(ns())
                .bucketName("many").startAfter("data/part-00010.parquet").limit(2).build());
        assertEquals(List.of("data/part-00011.parquet", "data/part-00012.parquet"), names(after));
        assertEquals("data/part-00013.parquet", after.getListObjects().getNextStartWith());
    }

    @Test
    void allFieldsWhenAsked() {
        ListObjectsResponse r = client().listObjects(ListObjectsRequest.builder().namespaceName(ns()).bucketName("tree")
                .prefix("a.txt").fields("name,size,md5,etag,timeCreated,timeModified,storageTier").build());
        ObjectSummary s = r.getListObjects().getObjects().get(0);
        assertEquals(5L, s.getSize());
        assertNotNull(s.getMd5());
        assertNotNull(s.getEtag());
        assertNotNull(s.getTimeCreated());
        assertNotNull(s.getTimeModified());
        assertEquals("Standard", s.getStorageTier().getValue());
    }

    @Test
    void delimiterGroupsCommonPrefixes() {
        ListObjectsResponse top = client().listObjects(ListObjectsRequest.builder().namespaceName(ns()).bucketName("tree")
                .delimiter("/").build());
        assertEquals(List.of("a.txt", "e\uFFFD", "e\uD83D\uDE00", "z"), names(top),
                "code point order puts U+1F600 after U+FFFD, unlike Java's String order");
        assertEquals(List.of("dir/", "dir2/"), top.getListObjects().getPrefixes());

        ListObjectsResponse dir = client().listObjects(ListObjectsRequest.builder().namespaceName(ns()).bucketName("tree")
                .prefix("dir/").delimiter("/").build());
        assertEquals(List.of("dir/x", "dir/y"), names(dir));
        assertEquals(List.of("dir/sub/"), dir.getListObjects().getPrefixes());

        ListObjectsResponse paged = client().listObjects(ListObjectsRequest.builder().namespaceName(ns())
                .bucketName("tree").delimiter("/").limit(2).build());
        assertEquals(List.of("a.txt"), names(paged));
        assertEquals(List.of("dir/"), paged.getListObjects().getPrefixes());
        ListObjectsResponse rest = client().listObjects(ListObjectsRequest.builder().namespaceName(ns())
                .bucketName("tree").delimiter("/").start(paged.getListObjects().getNextStartWith()).build());
        assertEquals(List.of("dir2/"), rest.getListObjects().getPrefixes());
        assertEquals(List.of("e\uFFFD", "e\uD83D\uDE00", "z"), names(rest));
    }

    private static List<String> names(ListObjectsResponse r) {
        return r.getListObjects().getObjects().stream().map(ObjectSummary::getName).toList();
    }
}
