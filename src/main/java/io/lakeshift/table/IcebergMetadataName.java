package io.lakeshift.table;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version in an Iceberg metadata file's name, as Iceberg's table operations write it: {@code v3.metadata.json}
 * or {@code v3.gz.metadata.json} (HadoopTableOperations), {@code 00003-<uuid>.metadata.json} (catalogs,
 * BaseMetastoreTableOperations), in Iceberg 1.10.0.
 */
final class IcebergMetadataName {
    private static final Pattern VERSION = Pattern.compile("(?:.*/)?v?(\\d+)(?:[-.].*)?\\.metadata\\.json");

    private IcebergMetadataName() {}

    /** The version, or -1 for a name of neither form. */
    static long version(String name) {
        Matcher m = VERSION.matcher(name);
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    /** Orders by version, then by name. */
    static int compare(String a, String b) {
        int c = Long.compare(version(a), version(b));
        return c != 0 ? c : a.compareTo(b);
    }
}
