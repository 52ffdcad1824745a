package io.lakeshift.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.model.NameOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The key ranges of a big folder: adjacent, covering every key below it once, bounds and all. */
class KeyRangesTest {
    @Test
    void rangesAreAdjacentAndOpenAtBothEnds() {
        List<KeyRange> ranges = KeyRanges.split("big/", sample("big/part-", 0, 1000));
        assertNull(ranges.get(0).after());
        assertNull(ranges.get(ranges.size() - 1).until());
        for (int i = 1; i < ranges.size(); i++) {
            assertEquals(ranges.get(i - 1).until(), ranges.get(i).after(), "range " + i + " starts where the last ended");
            if (ranges.get(i).until() != null) {
                assertTrue(NameOrder.compare(ranges.get(i).after(), ranges.get(i).until()) < 0, "bounds ascend");
            }
            assertEquals("big/", ranges.get(i).folder());
        }
    }

    @Test
    void theSampledKeysAreOneRangeAndNumberedNamesSplitPastThem() {
        List<KeyRange> ranges = KeyRanges.split("big/", sample("big/part-", 0, 1000));
        assertEquals("big/part-00999", ranges.get(0).until(), "the sample is known to be one task's worth");
        List<String> bounds = ranges.stream().map(KeyRange::until).toList();
        assertTrue(bounds.contains("big/part-01"), "where the sampled names part: " + bounds);
        assertTrue(bounds.contains("big/part-02"), bounds.toString());
        assertTrue(bounds.contains("big/q"), "at the first position after the folder: " + bounds);
        long holdingNext = sample("big/part-", 1000, 100_000).stream()
                .filter(k -> ranges.get(1).holds(k)).count();
        assertTrue(holdingNext < 10_000, "the keys past the sample spread over ranges: " + holdingNext);
    }

    @Test
    void aKeyEqualToABoundLiesInTheRangeItEnds() {
        List<KeyRange> ranges = KeyRanges.split("big/", sample("big/part-", 0, 10));
        for (int i = 0; i < ranges.size() - 1; i++) {
            String bound = ranges.get(i).until();
            assertEquals(List.of(i), holders(ranges, bound), bound);
            assertEquals(List.of(i + 1), holders(ranges, bound + "\u0000"), "just past " + bound);
            assertEquals(List.of(i + 1), holders(ranges, bound + "/x"), "below " + bound + "/");
        }
    }

    @Test
    void everyKeyBelowTheFolderLiesInExactlyOneRangeUnicodeAndSlashesToo() {
        Random random = new Random(14);
        String[] pieces = {"a", "Z", "0", "9", "-", ".", "_", "/", "~", "\u00e9", "\u65e5", "\uffee", "\ud83d\ude00",
            "\u0001", " ", "part-0", "x/y/"};
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            StringBuilder k = new StringBuilder("d/\u00fc/");
            int n = 1 + random.nextInt(6);
            for (int j = 0; j < n; j++) {
                k.append(pieces[random.nextInt(pieces.length)]);
            }
            keys.add(k.toString());
        }
        keys.add("d/\u00fc/");
        List<String> sorted = keys.stream().distinct().sorted(NameOrder.ORDER).toList();
        for (int size : new int[] {1, 2, 50, 700}) {
            List<KeyRange> ranges = KeyRanges.split("d/\u00fc/", sorted.subList(0, size));
            for (String k : sorted) {
                assertEquals(1, holders(ranges, k).size(), "in one range: " + k);
            }
            ranges.forEach(r -> {
                if (r.until() != null) {
                    assertFalse(Character.isHighSurrogate(r.until().charAt(r.until().length() - 1)), r.until());
                }
            });
        }
    }

    @Test
    void rangesWithNothingInThemAreStillRanges() {
        List<KeyRange> ranges = KeyRanges.split("", List.of("only"));
        long empty = ranges.stream().filter(r -> !r.holds("only")).count();
        assertEquals(ranges.size() - 1, empty, "one range holds the key, the others nothing");
        assertEquals(List.of(0), holders(ranges, "only"));
        assertEquals(List.of(ranges.size() - 1), holders(ranges, "\uffff"), "the last range is open");
        assertEquals(List.of(0), holders(ranges, ""), "the first range is open");
    }

    @Test
    void aRangeHoldsOnlyKeysBelowItsFolder() {
        KeyRange range = new KeyRange("a/", null, null);
        assertTrue(range.whole());
        assertTrue(range.holds("a/b"));
        assertFalse(range.holds("ab"));
        assertFalse(new KeyRange("a/", "a/b", "a/c").holds("a/b"));
        assertTrue(new KeyRange("a/", "a/b", "a/c").holds("a/c"));
        assertTrue(new KeyRange("a/", "a/b", "a/c").past("a/c\u0000"));
        assertTrue(new KeyRange("a/", "a/\uffee", null).holds("a/\ud83d\ude00"), "code point order, not UTF-16");
    }

    @Test
    void theRestOfARangeCoversWhatFollowsTheListedKeysUpToItsEndOnce() {
        KeyRange range = new KeyRange("big/", "big/part-00099", "big/part-5");
        List<KeyRange> rest = KeyRanges.rest(range, sample("big/part-", 100, 1100));
        assertEquals("big/part-01099", rest.get(0).after(), "after the last key listed");
        assertEquals("big/part-5", rest.get(rest.size() - 1).until(), "cut at the range's end");
        for (int i = 1; i < rest.size(); i++) {
            assertEquals(rest.get(i - 1).until(), rest.get(i).after(), "adjacent");
        }
        Random random = new Random(7);
        for (int n = 0; n < 2000; n++) {
            String key = String.format("big/part-%05d", 1100 + random.nextInt(98_900)) + (random.nextBoolean() ? "" : "x");
            long in = rest.stream().filter(r -> r.holds(key)).count();
            assertEquals(range.holds(key) ? 1 : 0, in, key);
        }
        assertEquals(List.of(), KeyRanges.rest(new KeyRange("big/", null, "big/part-01099"),
                sample("big/part-", 100, 1100)), "nothing left after the range's last key");
        List<KeyRange> open = KeyRanges.rest(KeyRange.below("big/"), sample("big/part-", 0, 10));
        assertNull(open.get(open.size() - 1).until(), "a whole folder's rest is open at the end");
    }

    private static List<Integer> holders(List<KeyRange> ranges, String key) {
        return IntStream.range(0, ranges.size()).filter(i -> ranges.get(i).holds(key)).boxed().toList();
    }

    private static List<String> sample(String stem, int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> String.format("%s%05d", stem, i)).toList();
    }
}
