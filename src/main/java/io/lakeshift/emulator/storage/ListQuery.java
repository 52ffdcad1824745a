package io.lakeshift.emulator.storage;

/** ListObjects parameters; null means absent. {@code start} is inclusive, {@code end} and {@code startAfter} exclusive. */
public record ListQuery(String prefix, String start, String startAfter, String end, String delimiter, int limit) {
}
