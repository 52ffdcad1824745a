package io.lakeshift.log;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Oracle's conversion of a string to a datetime under a format model, as TO_TIMESTAMP and the DBMS_CLOUD
 * {@code timestampformat}/{@code dateformat} options apply it, for the numeric elements a log's dates use.
 *
 * <p>From Oracle Database SQL Language Reference 19c, "Format Models" > "Datetime Format Models"
 * (https://docs.oracle.com/en/database/oracle/oracle-database/19/sqlrf/Format-Models.html):
 * <ul>
 *   <li>Table "Datetime Format Elements": {@code YYYY} 4-digit year; {@code MM} month (01-12); {@code DD} day of
 *       month (1-31); {@code HH24} hour of day (0-23); {@code HH}/{@code HH12} hour of day (1-12); {@code MI} minute
 *       (0-59); {@code SS} second (0-59); punctuation {@code - / , . ; :} and "text" are reproduced; the elements are
 *       case-insensitive. A day past the month's last is refused (ORA-01839), so is any value out of its range
 *       (ORA-01843 month, ORA-01847 day, ORA-01850 hour, ORA-01851 minute, ORA-01852 second).</li>
 *   <li>"String-to-Date Conversion Rules", which hold unless the model starts with the FX modifier: "You can omit
 *       punctuation included in the format string from the date string if all the digits of the numerical format
 *       elements, including leading zeros, are specified"; "You can omit time fields found at the end of a format
 *       string from the date string"; "You can use any non-alphanumeric character in the date string to match the
 *       punctuation symbol in the format string". Numeric elements take up to their number of digits, so leading
 *       zeros may be left out where punctuation follows.</li>
 *   <li>Input left over when the model ends is refused: ORA-01830 "date format picture ends before converting
 *       entire input string".</li>
 *   <li>With FX ("format exact"), the string must match the model exactly: the same punctuation, every element with
 *       all its digits.</li>
 * </ul>
 * Elements outside these (month names, AM/PM, fractional seconds, time zones, Julian days) are refused here, so a
 * script that starts using one fails its test until this class models it.
 */
public final class OracleDatetimeFormat {
    private enum Kind { YEAR4, MONTH, DAY, HOUR24, HOUR12, MINUTE, SECOND, PUNCTUATION }

    private record Element(Kind kind, String text) {
        int digits() {
            return kind == Kind.YEAR4 ? 4 : 2;
        }

        boolean time() {
            return kind == Kind.HOUR24 || kind == Kind.HOUR12 || kind == Kind.MINUTE || kind == Kind.SECOND;
        }
    }

    private final String model;
    private final boolean exact;
    private final List<Element> elements;

    public OracleDatetimeFormat(String model) {
        this.model = model;
        String m = model;
        boolean fx = false;
        if (m.regionMatches(true, 0, "FX", 0, 2)) {
            fx = true;
            m = m.substring(2);
        }
        this.exact = fx;
        this.elements = elements(m);
    }

    private static List<Element> elements(String m) {
        List<Element> out = new ArrayList<>();
        String u = m.toUpperCase(Locale.ROOT);
        int i = 0;
        while (i < u.length()) {
            if (u.startsWith("YYYY", i)) {
                out.add(new Element(Kind.YEAR4, "YYYY"));
                i += 4;
            } else if (u.startsWith("HH24", i)) {
                out.add(new Element(Kind.HOUR24, "HH24"));
                i += 4;
            } else if (u.startsWith("HH12", i)) {
                out.add(new Element(Kind.HOUR12, "HH12"));
                i += 4;
            } else if (u.startsWith("HH", i)) {
                out.add(new Element(Kind.HOUR12, "HH"));
                i += 2;
            } else if (u.startsWith("MI", i)) {
                out.add(new Element(Kind.MINUTE, "MI"));
                i += 2;
            } else if (u.startsWith("MM", i)) {
                out.add(new Element(Kind.MONTH, "MM"));
                i += 2;
            } else if (u.startsWith("DD", i)) {
                out.add(new Element(Kind.DAY, "DD"));
                i += 2;
            } else if (u.startsWith("SS", i)) {
                out.add(new Element(Kind.SECOND, "SS"));
                i += 2;
            } else if ("-/,.;: ".indexOf(u.charAt(i)) >= 0) {
                out.add(new Element(Kind.PUNCTUATION, String.valueOf(m.charAt(i))));
                i++;
            } else {
                throw new IllegalArgumentException("format element at '" + m.substring(i)
                        + "' is not one this model of Oracle's datetime formats covers");
            }
        }
        return out;
    }

    /**
     * The datetime the string stands for under this model.
     *
     * @throws IllegalArgumentException naming the Oracle error the conversion would raise
     */
    public LocalDateTime parse(String s) {
        int pos = 0;
        int year = -1;
        int month = 1;
        int day = 1;
        int hour = 0;
        int minute = 0;
        int second = 0;
        for (int e = 0; e < elements.size(); e++) {
            Element el = elements.get(e);
            if (pos == s.length()) {
                // Only time fields (and punctuation) may be left out at the end.
                for (int rest = e; rest < elements.size(); rest++) {
                    Element r = elements.get(rest);
                    if (!r.time() && r.kind != Kind.PUNCTUATION) {
                        throw new IllegalArgumentException("ORA-01840: input value not long enough for date format: '"
                                + s + "' under '" + model + "'");
                    }
                    if (exact) {
                        throw new IllegalArgumentException("ORA-01862: the string '" + s
                                + "' does not match the FX format '" + model + "'");
                    }
                }
                break;
            }
            if (el.kind == Kind.PUNCTUATION) {
                char c = s.charAt(pos);
                if (exact) {
                    if (c != el.text.charAt(0)) {
                        throw new IllegalArgumentException("ORA-01861: literal does not match format string: '"
                                + s + "' under '" + model + "'");
                    }
                    pos++;
                } else if (!Character.isLetterOrDigit(c)) {
                    pos++; // any non-alphanumeric character matches a punctuation symbol
                } else if (!previousHadAllDigits(s, pos, e)) {
                    throw new IllegalArgumentException("ORA-01861: literal does not match format string: '"
                            + s + "' under '" + model + "'");
                }
                continue;
            }
            int start = pos;
            while (pos < s.length() && pos - start < el.digits() && Character.isDigit(s.charAt(pos))) {
                pos++;
            }
            if (pos == start || (exact && pos - start != el.digits())) {
                throw new IllegalArgumentException("ORA-01858: a non-numeric character was found where a numeric was"
                        + " expected: '" + s + "' under '" + model + "'");
            }
            int v = Integer.parseInt(s.substring(start, pos));
            switch (el.kind) {
                case YEAR4 -> {
                    if (v == 0) {
                        throw new IllegalArgumentException("ORA-01841: (full) year must be between -4713 and +9999,"
                                + " and not be 0: '" + s + "'");
                    }
                    year = v;
                }
                case MONTH -> month = range(v, 1, 12, "ORA-01843: not a valid month", s);
                case DAY -> day = range(v, 1, 31, "ORA-01847: day of month must be between 1 and last day of month",
                        s);
                case HOUR24 -> hour = range(v, 0, 23, "ORA-01850: hour must be between 0 and 23", s);
                case HOUR12 -> hour = range(v, 1, 12, "ORA-01849: hour must be between 1 and 12", s) % 12;
                case MINUTE -> minute = range(v, 0, 59, "ORA-01851: minutes must be between 0 and 59", s);
                case SECOND -> second = range(v, 0, 59, "ORA-01852: seconds must be between 0 and 59", s);
                default -> throw new IllegalStateException();
            }
        }
        if (pos < s.length()) {
            throw new IllegalArgumentException("ORA-01830: date format picture ends before converting entire input"
                    + " string: '" + s + "' under '" + model + "'");
        }
        if (year < 0) {
            throw new IllegalArgumentException("the model '" + model + "' has no year; this check needs one");
        }
        if (day > YearMonth.of(year, month).lengthOfMonth()) {
            throw new IllegalArgumentException("ORA-01839: date not valid for month specified: '" + s + "'");
        }
        return LocalDateTime.of(year, month, day, hour, minute, second);
    }

    /** Punctuation may be left out only where the numeric element before it was given with all its digits. */
    private boolean previousHadAllDigits(String s, int pos, int e) {
        if (e == 0 || elements.get(e - 1).kind == Kind.PUNCTUATION) {
            return false;
        }
        int digits = elements.get(e - 1).digits();
        for (int k = 1; k <= digits; k++) {
            if (pos - k < 0 || !Character.isDigit(s.charAt(pos - k))) {
                return false;
            }
        }
        return true;
    }

    private static int range(int v, int lo, int hi, String error, String s) {
        if (v < lo || v > hi) {
            throw new IllegalArgumentException(error + ": '" + s + "'");
        }
        return v;
    }
}
