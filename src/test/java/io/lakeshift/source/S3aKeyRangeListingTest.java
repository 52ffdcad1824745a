package io.lakeshift.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.s3.AbstractAmazonS3;
import com.amazonaws.services.s3.model.ListObjectsV2Request;
import com.amazonaws.services.s3.model.ListObjectsV2Result;
import com.amazonaws.services.s3.model.ObjectMetadata;
import com.amazonaws.services.s3.model.S3ObjectSummary;
import io.lakeshift.model.NameOrder;
import io.lakeshift.model.SourceFile;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * S3aListing's folder and range listings on a bucket that answers ListObjectsV2 as S3 documents it (Amazon S3 API
 * Reference, ListObjectsV2, API version 2006-03-01): keys in UTF-8 binary order, {@code start-after} exclusive,
 * {@code max-keys} entries a page where each common prefix counts as one, the continuation token resuming after
 * the last entry. The big folder's ranges together list what one flat listing lists, once each; s3proxy checks
 * the same on a real server in PlanningEquivalenceIT.
 */
class S3aKeyRangeListingTest {
    private final FakeBucket bucket = new FakeBucket();

    @Test
    void aBigFolderIsListedByItsRangesEveryKeyOnce() {
        for (int i = 0; i < 2500; i++) {
            bucket.put(String.format("root/big/part-%05d.bin", i), "STANDARD");
        }
        for (String k : List.of("root/big/", "root/big/_SUCCESS", "root/big/x/", "root/big/x/deep.bin",
                "root/big/part-01", "root/big/part-01/a", "root/big/q", "root/big/\u00e9t\u00e9.bin",
                "root/big/\ud83d\ude00.bin", "root/big/\uffee.bin", "root/big/z/\u65e5/y", "root/bigger.bin")) {
            bucket.put(k, "STANDARD");
        }
        bucket.put("root/big/cold.bin", "GLACIER");
        S3aListing.Keys keys = keys();
        List<KeyRange> ranges = new ArrayList<>();
        List<SourceFile> direct = new ArrayList<>();
        keys.folder("big/", 1200, direct::add, f -> direct.add(null), ranges::add);
        assertTrue(direct.isEmpty(), "a split folder hands out ranges only");
        assertTrue(ranges.size() > 3, ranges.toString());

        Map<String, SourceFile> byRanges = new TreeMap<>(NameOrder.ORDER);
        for (KeyRange r : ranges) {
            keys.range(r, f -> {
                assertTrue(r.holds(f.relativePath()), f.relativePath() + " in " + r);
                assertEquals(null, byRanges.put(f.relativePath(), f), "listed twice: " + f.relativePath());
            });
        }
        assertEquals(1, bucket.heads, "one HEAD, for the archived object's restore state");
        Map<String, SourceFile> whole = new TreeMap<>(NameOrder.ORDER);
        keys.range(KeyRange.below("big/"), f -> whole.put(f.relativePath(), f));
        assertEquals(whole.keySet(), byRanges.keySet());
        assertEquals(2500 + 10, whole.size(), "markers (keys ending in '/') are not files");
        assertEquals(whole.get("big/cold.bin").archived(), byRanges.get("big/cold.bin").archived());
        assertEquals("GLACIER", byRanges.get("big/cold.bin").archived().tier(), "archived as listed whole");
    }

    @Test
    void aSmallFolderListsItsChildrenAndNoRanges() {
        bucket.put("root/f/a.bin", "STANDARD");
        bucket.put("root/f/sub/b.bin", "STANDARD");
        bucket.put("root/f/", "STANDARD");
        List<String> files = new ArrayList<>();
        List<String> folders = new ArrayList<>();
        List<KeyRange> ranges = new ArrayList<>();
        keys().folder("f/", 3, f -> files.add(f.relativePath()), folders::add, ranges::add);
        assertEquals(List.of("f/a.bin"), files);
        assertEquals(List.of("f/sub/"), folders);
        assertEquals(List.of(), ranges, "three entries, as many as the split takes, on one page: not split");
        keys().folder("f/", 2, f -> files.add(f.relativePath()), folders::add, ranges::add);
        assertEquals(List.of("f/a.bin"), files, "past two entries the folder hands out ranges only");
        assertTrue(ranges.size() > 1, ranges.toString());
    }

    @Test
    void anEmptyRangeListsNothingAndStopsAtItsEnd() {
        for (int i = 0; i < 3000; i++) {
            bucket.put(String.format("root/k-%05d", i), "STANDARD");
        }
        List<String> listed = new ArrayList<>();
        keys().range(new KeyRange("", "k-00100", "k-00100"), f -> listed.add(f.relativePath()));
        assertEquals(List.of(), listed);
        int before = bucket.lists;
        keys().range(new KeyRange("", "k-00100", "k-00102"), f -> listed.add(f.relativePath()));
        assertEquals(List.of("k-00101", "k-00102"), listed, "after the lower bound, up to the upper one");
        assertEquals(before + 1, bucket.lists, "stopped at the first key past the range, not the end of the folder");
    }

    /**
     * 20,000 numbers without leading zeros and a deep subtree: the folder's first split leaves ranges of thousands
     * (f-2 ... holds f-2, f-20 ... f-2999), each split again as it is listed until none is bigger than a split;
     * every key once, in few rounds.
     */
    @Test
    void aRangeStillTooBigIsSplitAgainWhileItIsListed() {
        for (int i = 0; i < 20_000; i++) {
            bucket.put("root/n/f-" + i, "STANDARD");
        }
        for (int i = 0; i < 5000; i++) {
            bucket.put(String.format("root/n/zz/a/b/c/%d.bin", i * 7), "STANDARD");
        }
        S3aListing.Keys keys = keys();
        List<KeyRange> round = new ArrayList<>();
        keys.folder("n/", 1000, f -> {}, f -> {}, round::add);
        int biggest = 0;
        for (KeyRange r : round) {
            int[] n = {0};
            keys.range(r, f -> n[0]++);
            biggest = Math.max(biggest, n[0]);
        }
        assertTrue(biggest > 5000, "the first split leaves a range of " + biggest);

        Map<String, SourceFile> listed = new TreeMap<>(NameOrder.ORDER);
        int rounds = 0;
        while (!round.isEmpty()) {
            List<KeyRange> next = new ArrayList<>();
            for (KeyRange r : round) {
                int before = listed.size();
                keys.range(r, 1000, f -> {
                    assertTrue(r.holds(f.relativePath()), f.relativePath() + " in " + r);
                    assertEquals(null, listed.put(f.relativePath(), f), "listed twice: " + f.relativePath());
                }, next::add);
                assertTrue(listed.size() - before <= 1000, (listed.size() - before) + " keys from " + r);
            }
            round = next;
            rounds++;
        }
        assertEquals(25_000, listed.size());
        assertTrue(rounds <= 6, rounds + " rounds");
    }

    private S3aListing.Keys keys() {
        return new S3aListing.Keys(bucket, "b", "root/", key -> "s3a://b/" + key);
    }

    /** A bucket in memory answering ListObjectsV2 and HEAD as S3 does; the rest refuses. */
    private static final class FakeBucket extends AbstractAmazonS3 {
        private final TreeMap<String, String> classes = new TreeMap<>(NameOrder.ORDER);
        int lists;
        int heads;

        void put(String key, String storageClass) {
            classes.put(key, storageClass);
        }

        @Override
        public ListObjectsV2Result listObjectsV2(ListObjectsV2Request request) {
            lists++;
            String prefix = request.getPrefix() == null ? "" : request.getPrefix();
            String from = request.getContinuationToken() != null ? request.getContinuationToken()
                    : request.getStartAfter();
            String delimiter = request.getDelimiter();
            int max = request.getMaxKeys() == null ? 1000 : request.getMaxKeys();
            ListObjectsV2Result result = new ListObjectsV2Result();
            TreeSet<String> prefixes = new TreeSet<>(NameOrder.ORDER);
            int entries = 0;
            String last = null;
            for (Map.Entry<String, String> e : (from == null ? classes : classes.tailMap(from, false)).entrySet()) {
                String key = e.getKey();
                if (!key.startsWith(prefix)) {
                    if (NameOrder.compare(key, prefix) > 0) {
                        break;
                    }
                    continue;
                }
                int cut = delimiter == null ? -1 : key.indexOf(delimiter, prefix.length());
                if (cut >= 0) {
                    String common = key.substring(0, cut + delimiter.length());
                    if (prefixes.contains(common) || (from != null && from.startsWith(common))) {
                        continue;
                    }
                    if (entries == max) {
                        result.setTruncated(true);
                        break;
                    }
                    prefixes.add(common);
                    last = common;
                } else {
                    if (entries == max) {
                        result.setTruncated(true);
                        break;
                    }
                    S3ObjectSummary o = new S3ObjectSummary();
                    o.setBucketName(request.getBucketName());
                    o.setKey(key);
                    o.setSize(key.length());
                    o.setLastModified(new Date(1_700_000_000_000L));
                    o.setETag("etag-" + key.hashCode());
                    o.setStorageClass(e.getValue());
                    result.getObjectSummaries().add(o);
                    last = key;
                }
                entries++;
            }
            result.setCommonPrefixes(new ArrayList<>(prefixes));
            if (result.isTruncated()) {
                result.setNextContinuationToken(last);
            }
            return result;
        }

        @Override
        public ObjectMetadata getObjectMetadata(String bucketName, String key) {
            heads++;
            ObjectMetadata m = new ObjectMetadata();
            m.setHeader("x-amz-storage-class", classes.get(key));
            return m;
        }
    }
}
