package io.lakeshift.log;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Dates as the original migration app wrote them ({@code 2021-09-30 11:12:13}, UTC), so its queries still work. */
public final class LogTimes {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private LogTimes() {}

    public static String date(Instant t) {
        return DATE.format(t);
    }

    public static String date(long epochMillis) {
        return date(Instant.ofEpochMilli(epochMillis));
    }

    /** {@code H:mm:ss}, as Python's timedelta printed it. */
    public static String runTime(Duration d) {
        long s = d.toSeconds();
        return String.format("%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }
}
