package io.lakeshift.table;

import java.util.Set;

/**
 * The version of a table a run copies, as the table's own library read it.
 *
 * @param table the table
 * @param version the Delta version copied
 * @param latest whether it is the latest version listed (then {@code _last_checkpoint} is copied too)
 * @param referenced the data and deletion-vector files that version references, below the table's root; null when
 *     every file is copied ({@code --table-files all})
 */
public record TableState(Table table, long version, boolean latest, Set<String> referenced) {
    public TableState {
        referenced = referenced == null ? null : Set.copyOf(referenced);
    }
}
