package io.lakeshift.emulator.storage;

import java.util.List;

/** One page of ListObjects; {@code nextStartWith} is null when nothing remains. */
public record ObjectListing(List<ObjectRecord> objects, List<String> prefixes, String nextStartWith) {
}
