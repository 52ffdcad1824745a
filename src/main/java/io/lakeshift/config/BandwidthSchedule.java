package io.lakeshift.config;

import io.lakeshift.model.ByteSize;
import java.io.Serializable;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A bandwidth cap that may change with the time of day: {@code 08:00,50MiB 19:00,off} caps the job at 50 MiB/s from
 * 08:00 and lifts the cap at 19:00 (times in UTC unless a zone comes first: {@code Europe/Paris 08:00,50MiB
 * 19:00,off}). Before the first time of a day the last entry of the day before holds. A plain rate
 * ({@code --bwlimit 50MiB/s}) is a schedule of one entry.
 *
 * @param zone the zone the times of day are in
 * @param entries the times (minutes after midnight, increasing) and their caps in bytes per second (0 = no cap)
 */
public record BandwidthSchedule(ZoneId zone, List<Entry> entries) implements Serializable {
    /** From {@code minute} of the day on, at most {@code bytesPerSecond} (0 = no cap). */
    public record Entry(int minute, long bytesPerSecond) implements Serializable {}

    public BandwidthSchedule {
        entries = List.copyOf(entries);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a schedule needs at least one time,rate");
        }
    }

    /** The same cap all day. */
    public static BandwidthSchedule constant(long bytesPerSecond) {
        return new BandwidthSchedule(ZoneOffset.UTC, List.of(new Entry(0, bytesPerSecond)));
    }

    /** A rate: {@code 50MiB/s}, {@code 50MiB}, {@code 0} or {@code off} (no cap); bytes per second, 0 for none. */
    public static long parseRate(String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("off")) {
            return 0;
        }
        String size = t.toLowerCase(Locale.ROOT).endsWith("/s") ? t.substring(0, t.length() - 2) : t;
        try {
            return ByteSize.parse(size.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + t + "' is not a rate");
        }
    }

    /** Parses {@code [ZONE] HH:MM,RATE HH:MM,RATE ...}, the times in increasing order. */
    public static BandwidthSchedule parse(String text) {
        List<String> words = new ArrayList<>(List.of(text.trim().split("\\s+")));
        ZoneId zone = ZoneOffset.UTC;
        if (!words.isEmpty() && !words.get(0).contains(",")) {
            try {
                zone = ZoneId.of(words.remove(0));
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("'" + text.trim() + "' does not start with a time zone or a"
                        + " time,rate");
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (String w : words) {
            String[] tr = w.split(",", -1);
            if (tr.length != 2) {
                throw new IllegalArgumentException("'" + w + "' is not time,rate");
            }
            int minute;
            try {
                minute = LocalTime.parse(tr[0].length() == 4 ? "0" + tr[0] : tr[0]).toSecondOfDay() / 60;
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("'" + tr[0] + "' is not a time of day (HH:MM)");
            }
            if (!entries.isEmpty() && minute <= entries.get(entries.size() - 1).minute()) {
                throw new IllegalArgumentException("'" + w + "' is not later than the time before it");
            }
            entries.add(new Entry(minute, parseRate(tr[1])));
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("'" + text.trim() + "' holds no time,rate");
        }
        return new BandwidthSchedule(zone, entries);
    }

    /** The cap at this instant, bytes per second; 0 = none. */
    public long rateAt(long epochMillis) {
        LocalTime t = Instant.ofEpochMilli(epochMillis).atZone(zone).toLocalTime();
        int minute = t.getHour() * 60 + t.getMinute();
        Entry current = entries.get(entries.size() - 1); // the day before's last one, until the first time
        for (Entry e : entries) {
            if (e.minute() <= minute) {
                current = e;
            }
        }
        return current.bytesPerSecond();
    }

    /** Each cap divided among {@code tasks} running at once (at least 1 byte/s each; no cap stays none). */
    public BandwidthSchedule share(int tasks) {
        int n = Math.max(1, tasks);
        return new BandwidthSchedule(zone, entries.stream()
                .map(e -> new Entry(e.minute(), e.bytesPerSecond() == 0 ? 0 : Math.max(1, e.bytesPerSecond() / n)))
                .toList());
    }

    /** Whether any entry caps anything. */
    public boolean caps() {
        return entries.stream().anyMatch(e -> e.bytesPerSecond() > 0);
    }

    @Override
    public String toString() {
        if (entries.size() == 1 && entries.get(0).minute() == 0) {
            long r = entries.get(0).bytesPerSecond();
            return r == 0 ? "off" : rate(r) + "/s";
        }
        StringBuilder sb = new StringBuilder(zone.equals(ZoneOffset.UTC) ? "" : zone.getId());
        for (Entry e : entries) {
            sb.append(sb.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%02d:%02d,%s", e.minute() / 60,
                    e.minute() % 60, e.bytesPerSecond() == 0 ? "off" : rate(e.bytesPerSecond())));
        }
        return sb.toString();
    }

    /** A rate as it is written in a schedule (no spaces): 50MiB, 1536KiB, 1000. */
    private static String rate(long bytes) {
        String[] units = {"GiB", "MiB", "KiB"};
        for (int i = 0; i < units.length; i++) {
            long unit = 1L << (10 * (3 - i));
            if (bytes % unit == 0) {
                return bytes / unit + units[i];
            }
        }
        return String.valueOf(bytes);
    }
}
