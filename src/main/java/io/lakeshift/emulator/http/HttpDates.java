package io.lakeshift.emulator.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The two time formats OCI uses: RFC 1123 in headers, RFC 3339 (UTC, milliseconds) in JSON. */
final class HttpDates {
    private static final DateTimeFormatter RFC_1123 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter RFC_3339 =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.US).withZone(ZoneOffset.UTC);

    private HttpDates() {
    }

    static String header(long epochMillis) {
        return RFC_1123.format(Instant.ofEpochMilli(epochMillis));
    }

    static String json(long epochMillis) {
        return RFC_3339.format(Instant.ofEpochMilli(epochMillis));
    }
}
