package io.lakeshift.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/**
 * The model of Oracle's string-to-datetime conversion follows the rules of Oracle Database SQL Language Reference 19c,
 * "Datetime Format Models" and "String-to-Date Conversion Rules" (cited in {@link OracleDatetimeFormat}); each case
 * below is one of those rules applied to the format load_json.sql uses.
 */
class OracleDatetimeFormatTest {
    private final OracleDatetimeFormat f = new OracleDatetimeFormat("YYYY-MM-DD HH24:MI:SS");

    @Test
    void theLogsDatesParse() {
        assertEquals(LocalDateTime.of(2021, 9, 30, 11, 12, 13), f.parse("2021-09-30 11:12:13"));
        assertEquals(LocalDateTime.of(2024, 2, 29, 23, 59, 59), f.parse("2024-02-29 23:59:59"));
    }

    @Test
    void withoutFxTheConversionRulesAreLenient() {
        // "any non-alphanumeric character in the date string to match the punctuation symbol"
        assertEquals(LocalDateTime.of(2021, 9, 30, 11, 12, 13), f.parse("2021/09/30-11.12.13"));
        // "omit punctuation ... if all the digits of the numerical format elements, including leading zeros"
        assertEquals(LocalDateTime.of(2021, 9, 30, 11, 12, 13), f.parse("20210930 111213"));
        // "omit time fields found at the end of a format string"
        assertEquals(LocalDateTime.of(2021, 9, 30, 0, 0), f.parse("2021-09-30"));
        // leading zeros may be left out where punctuation follows
        assertEquals(LocalDateTime.of(2021, 9, 3, 1, 2, 3), f.parse("2021-9-3 1:2:3"));
    }

    @Test
    void whatOracleRefusesIsRefused() {
        for (String bad : new String[] {"2021-09-30T11:12:13", "2021-09-30 11:12:13.5", "2021-13-01 00:00:00",
                "2021-02-29 00:00:00", "2021-09-31 00:00:00", "2021-09-30 24:00:00", "2021-09-30 11:60:00",
                "2021-09-30 11:12:60", "30-09-2021 11:12:13", "0000-01-01 00:00:00", "2021-Sep-30 11:12:13", "",
                "2021-9"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("ORA-"), e.getMessage());
        }
    }

    @Test
    void fxRequiresTheExactForm() {
        OracleDatetimeFormat fx = new OracleDatetimeFormat("FXYYYY-MM-DD HH24:MI:SS");
        assertEquals(LocalDateTime.of(2021, 9, 30, 11, 12, 13), fx.parse("2021-09-30 11:12:13"));
        assertThrows(IllegalArgumentException.class, () -> fx.parse("2021/09/30 11:12:13"));
        assertThrows(IllegalArgumentException.class, () -> fx.parse("2021-9-30 11:12:13"));
        assertThrows(IllegalArgumentException.class, () -> fx.parse("2021-09-30"));
    }

    @Test
    void elementsItDoesNotModelAreRefusedRatherThanGuessed() {
        assertThrows(IllegalArgumentException.class, () -> new OracleDatetimeFormat("DD-MON-RR HH.MI.SSXFF AM"));
        assertThrows(IllegalArgumentException.class, () -> new OracleDatetimeFormat("YYYY-MM-DD\"T\"HH24:MI:SS"));
    }
}
