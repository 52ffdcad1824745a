package io.lakeshift.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** --bwlimit and bwlimit-schedule: what they accept, what they refuse (naming the option), the rate at a time. */
class BandwidthScheduleTest {
    private static final List<String> BASE = List.of("--source", "file:///tmp/lake", "--target", "oci://b@ns/");
    private static final long MIB = 1 << 20;

    private static long at(BandwidthSchedule s, String instant) {
        return s.rateAt(Instant.parse(instant).toEpochMilli());
    }

    @Test
    void aScheduleHoldsEachRateFromItsTimeAndWrapsAroundMidnight() {
        BandwidthSchedule s = BandwidthSchedule.parse("08:00,50MiB 12:30,10MiB/s 19:00,off");
        assertEquals(50 * MIB, at(s, "2026-01-05T08:00:00Z"));
        assertEquals(50 * MIB, at(s, "2026-01-05T12:29:59Z"));
        assertEquals(10 * MIB, at(s, "2026-01-05T12:30:00Z"));
        assertEquals(0, at(s, "2026-01-05T19:00:00Z"));
        assertEquals(0, at(s, "2026-01-05T03:00:00Z"), "before the first time, the last entry of the day before");
        assertEquals("08:00,50MiB 12:30,10MiB 19:00,off", s.toString());
    }

    @Test
    void aZoneFirstPutsTheTimesInIt() {
        BandwidthSchedule s = BandwidthSchedule.parse("Europe/Paris 08:00,1MiB 19:00,off");
        assertEquals(MIB, at(s, "2026-01-05T07:30:00Z"), "08:30 in Paris in winter (UTC+1)");
        assertEquals(0, at(s, "2026-01-05T06:30:00Z"), "07:30 in Paris");
    }

    @Test
    void theShareOfEachTaskIsTheCapOverTheTasksRunningAtOnce() {
        BandwidthSchedule s = BandwidthSchedule.parse("08:00,40MiB 19:00,off").share(4);
        assertEquals(10 * MIB, at(s, "2026-01-05T09:00:00Z"));
        assertEquals(0, at(s, "2026-01-05T20:00:00Z"), "no cap stays no cap");
        assertEquals(1, BandwidthSchedule.constant(3).share(8).rateAt(0), "never 0, which would mean no cap");
    }

    @Test
    void theOptionsLoadIntoTheLimits() {
        LimitSettings l = ConfigLoader.load(with("--bwlimit", "50MiB/s", "--max-transfer", "10GiB",
                "--max-duration", "2h")).limits();
        assertEquals(50 * MIB, l.bandwidth().rateAt(0));
        assertEquals(10L << 30, l.maxTransfer());
        assertEquals(7_200_000L, l.maxDurationMillis());
        assertEquals(8 * MIB, ConfigLoader.load(with("--bwlimit", "8MiB")).limits().bandwidth().rateAt(0),
                "the /s may be left out");
        assertNull(ConfigLoader.load(with("--bwlimit", "off")).limits().bandwidth());
        LimitSettings none = ConfigLoader.load(BASE).limits();
        assertEquals(LimitSettings.none(), none, "no limits by default");
        assertTrue(ConfigLoader.load(with("--bwlimit-schedule", "08:00,1MiB 19:00,off")).limits().bandwidth()
                .caps());
        assertFalse(ConfigLoader.load(BASE).keepMarkers());
        assertTrue(ConfigLoader.load(with("--keep-markers")).keepMarkers());
    }

    @Test
    void badValuesAreOneLineNamingTheOption() {
        assertEquals("--bwlimit: 'fast' is not a rate; give a rate such as 512KiB/s or 50MiB/s, or off",
                error("--bwlimit", "fast"));
        assertEquals("--bwlimit-schedule: '25:00' is not a time of day (HH:MM); give a value",
                error("--bwlimit-schedule", "25:00,1MiB"));
        assertTrue(error("--bwlimit-schedule", "19:00,off 08:00,1MiB").startsWith(
                "--bwlimit-schedule: '08:00,1MiB' is not later than the time before it"));
        assertTrue(error("--bwlimit-schedule", "Mars/Olympus 08:00,1MiB").startsWith("--bwlimit-schedule: "));
        assertTrue(error("--bwlimit-schedule", "08:00,fast").contains("'fast' is not a rate"));
        assertTrue(error("--max-transfer", "0").startsWith("--max-transfer: '0' is too small"));
        assertTrue(error("--max-duration", "soon").startsWith("--max-duration: 'soon' is not a duration"));
        ConfigException both = assertThrows(ConfigException.class, () -> ConfigLoader.load(with("--bwlimit", "1MiB",
                "--bwlimit-schedule", "08:00,1MiB")));
        assertEquals("--bwlimit-schedule: set together with --bwlimit; give one of the two", both.getMessage());
    }

    private static String error(String option, String value) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(with(option, value)));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    private static List<String> with(String... more) {
        List<String> all = new java.util.ArrayList<>(BASE);
        all.addAll(List.of(more));
        return all;
    }
}
