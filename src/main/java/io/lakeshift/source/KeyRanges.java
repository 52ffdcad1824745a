package io.lakeshift.source;

import io.lakeshift.model.NameOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The key ranges a folder too large for one listing task is split into, chosen without listing it whole: from the
 * first entries listed (the sample) and from the characters the rest may start with. The ranges follow one
 * another, {@code (none, b1], (b1, b2], ..., (bk, none)}, so every key below the folder lies in exactly one of them,
 * whatever the bounds; the bounds only decide how evenly the keys spread.
 * <pre>
 *   folder/  [a000 ... a999]  (a999, b]  (b, c]  ...  (z, none)        first position after the folder
 *                               (a999, aA] ... (az, b]                  and around where the sample's keys differ
 * </pre>
 * The sampled keys make one range (they are known to be about one task's worth); past the last of them the bounds
 * are the last sampled key's leading characters followed by each character of {@link #ALPHABET}: at the first
 * position after the folder, and at the positions around where the sample's first and last keys part (names
 * numbered or dated part there: {@code part-00000 ... part-00999} gives {@code part-01, part-02, ...}).
 */
public final class KeyRanges {
    /** The characters names most often continue with, in UTF-8 byte order; others fall between them. */
    static final String ALPHABET = "-.0123456789=ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";

    private KeyRanges() {}

    /**
     * @param folder "" or a path below the root ending in '/'
     * @param sample relative paths of the folder's first entries as listed (files and subfolders), at least one
     */
    public static List<KeyRange> split(String folder, List<String> sample) {
        TreeSet<String> sorted = new TreeSet<>(NameOrder.ORDER);
        sorted.addAll(sample);
        String first = sorted.first();
        String last = sorted.last();
        int common = folder.length();
        while (common < Math.min(first.length(), last.length()) && first.charAt(common) == last.charAt(common)) {
            common++;
        }
        TreeSet<String> bounds = new TreeSet<>(NameOrder.ORDER);
        bounds.add(last);
        TreeSet<Integer> positions = new TreeSet<>(List.of(folder.length(), Math.max(folder.length(), common - 1),
                Math.min(common, last.length())));
        for (int j : positions) {
            if (j > 0 && Character.isHighSurrogate(last.charAt(j - 1))) {
                continue; // a bound must not cut a character in two
            }
            String stem = last.substring(0, j);
            for (char c : ALPHABET.toCharArray()) {
                String bound = stem + c;
                if (NameOrder.compare(bound, last) > 0) {
                    bounds.add(bound);
                }
            }
        }
        return between(folder, new ArrayList<>(bounds));
    }

    /**
     * The rest of a range after the keys listed of it so far ({@code listed}, its first keys in listing order,
     * at least one): the ranges {@link #split} would choose past the last of them, cut at the range's own end, so
     * that with {@code (range.after, last listed]} they cover the range once.
     */
    public static List<KeyRange> rest(KeyRange range, List<String> listed) {
        List<KeyRange> split = split(range.folder(), listed);
        String until = range.until();
        List<KeyRange> rest = new ArrayList<>();
        for (KeyRange k : split.subList(1, split.size())) { // the first is (none, last listed]
            if (until != null && NameOrder.compare(k.after(), until) >= 0) {
                break;
            }
            boolean end = k.until() == null || until != null && NameOrder.compare(k.until(), until) >= 0;
            rest.add(new KeyRange(range.folder(), k.after(), end ? until : k.until()));
            if (end) {
                break;
            }
        }
        return rest;
    }

    /** The ranges between sorted bounds: (none, b1], (b1, b2], ..., (bk, none). */
    static List<KeyRange> between(String folder, List<String> bounds) {
        List<KeyRange> ranges = new ArrayList<>(bounds.size() + 1);
        String after = null;
        for (String b : bounds) {
            ranges.add(new KeyRange(folder, after, b));
            after = b;
        }
        ranges.add(new KeyRange(folder, after, null));
        return ranges;
    }
}
