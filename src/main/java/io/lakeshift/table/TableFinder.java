package io.lakeshift.table;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Finds tables in a streamed listing: a folder holding {@code _delta_log/} is a Delta table, a folder holding
 * {@code metadata/*.metadata.json} or {@code metadata/version-hint.text} an Iceberg table. A table inside another
 * table's folder is part of the outer one.
 */
public final class TableFinder {
    private final TreeMap<String, TableFormat> roots = new TreeMap<>();

    /** Whether {@link #see} finds a table in this path (a cluster's listing is searched for tables with it). */
    public static boolean holdsTable(String relativePath) {
        TableFinder finder = new TableFinder();
        finder.see(relativePath);
        return !finder.roots.isEmpty();
    }

    /** Takes one listed path below the source root. */
    public void see(String relativePath) {
        String[] parts = relativePath.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].equals("_delta_log")) {
                found(parts, i, TableFormat.DELTA);
                return;
            }
            String file = parts[parts.length - 1];
            if (i == parts.length - 2 && parts[i].equals("metadata")
                    && (file.endsWith(".metadata.json") || file.equals("version-hint.text"))) {
                found(parts, i, TableFormat.ICEBERG);
                return;
            }
        }
    }

    private void found(String[] parts, int folder, TableFormat format) {
        StringBuilder root = new StringBuilder();
        for (int i = 0; i < folder; i++) {
            root.append(parts[i]).append('/');
        }
        roots.putIfAbsent(root.toString(), format);
    }

    /** The tables found, outermost only, by root. */
    public List<Table> tables() {
        List<Table> tables = new ArrayList<>();
        roots.forEach((root, format) -> {
            boolean inner = tables.stream().anyMatch(t -> root.startsWith(t.root()));
            if (!inner) {
                tables.add(new Table(format, root));
            }
        });
        return tables;
    }
}
