package io.lakeshift.config;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** The identifier a run gets when --run-id is not given: its start time in UTC, to the microsecond. */
public final class RunIds {
    /** The format, as the help and conf/lakeshift.properties state it. */
    public static final String PATTERN = "yyyyMMddHHmmssSSSSSS";
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern(PATTERN);

    private RunIds() {}

    public static String of(ZonedDateTime time) {
        return FORMAT.format(time.withZoneSameInstant(ZoneOffset.UTC));
    }

    public static String now() {
        return of(ZonedDateTime.now(ZoneOffset.UTC));
    }
}
