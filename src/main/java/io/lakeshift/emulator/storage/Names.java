package io.lakeshift.emulator.storage;

import java.util.Comparator;

/** Object name ordering: OCI lists names in UTF-8 byte order, which is Unicode code point order. */
public final class Names {
    /** Code point order; differs from {@link String#compareTo} only for characters above U+FFFF. */
    public static final Comparator<String> ORDER = Names::compare;

    private Names() {
    }

    static int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                boolean sx = Character.isSurrogate(x);
                boolean sy = Character.isSurrogate(y);
                if (sx != sy) {
                    // a surrogate stands for a code point >= U+10000, above any BMP character
                    return sx ? 1 : -1;
                }
                return x - y;
            }
        }
        return a.length() - b.length();
    }

    /** The smallest string greater than every string starting with {@code prefix} (prefix ends in a BMP char). */
    static String successor(String prefix) {
        char last = prefix.charAt(prefix.length() - 1);
        return prefix.substring(0, prefix.length() - 1) + (char) (last + 1);
    }
}
