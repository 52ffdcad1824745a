package io.lakeshift.table;

import java.util.Map;
import java.util.Set;

/**
 * The version of a table a run copies, as the table's own library read it.
 *
 * @param table the table
 * @param version the Delta version copied, or the Iceberg snapshot's id
 * @param latest whether it is the latest version listed (then {@code _last_checkpoint} is copied too)
 * @param referenced the data and deletion-vector files that version references, below the table's root; null when
 *     every file is copied ({@code --table-files all})
 * @param staged an Iceberg table's rewritten metadata, copied instead of the source's, by path below the table's
 *     root; empty for a Delta table
 * @param metadata an Iceberg table's metadata file copied, below the table's root
 *     ({@code metadata/v5.metadata.json}); null for a Delta table
 */
public record TableState(Table table, long version, boolean latest, Set<String> referenced,
        Map<String, TableReader.StagedFile> staged, String metadata) {
    public TableState {
        referenced = referenced == null ? null : Set.copyOf(referenced);
        staged = Map.copyOf(staged);
    }

    /** A Delta table's state. */
    public TableState(Table table, long version, boolean latest, Set<String> referenced) {
        this(table, version, latest, referenced, Map.of(), null);
    }
}
