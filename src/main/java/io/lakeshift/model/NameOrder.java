package io.lakeshift.model;

import java.util.Comparator;

/**
 * The order object names are listed and split by key range in: OCI lists names in UTF-8 byte order, which is
 * Unicode code point order ({@link String#compareTo} differs from it only above U+FFFF).
 */
public final class NameOrder {
    public static final Comparator<String> ORDER = NameOrder::compare;

    private NameOrder() {}

    public static int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                boolean sx = Character.isSurrogate(x);
                boolean sy = Character.isSurrogate(y);
                if (sx != sy) {
                    return sx ? 1 : -1; // a surrogate stands for a code point above any BMP character
                }
                return x - y;
            }
        }
        return a.length() - b.length();
    }

    /** Whether {@code from <= name < to}; a null bound is open. */
    public static boolean inRange(String name, String from, String to) {
        return (from == null || compare(name, from) >= 0) && (to == null || compare(name, to) < 0);
    }

    /** Whether some name starting with {@code prefix} can lie in {@code [from, to)}: a subtree worth listing. */
    public static boolean mayHold(String prefix, String from, String to) {
        boolean afterFrom = from == null || compare(prefix, from) >= 0 || from.startsWith(prefix);
        return afterFrom && (to == null || compare(prefix, to) < 0);
    }
}
