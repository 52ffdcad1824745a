package io.lakeshift.table;

import io.lakeshift.config.TableSettings;
import io.lakeshift.log.TableSummary;
import io.lakeshift.plan.FileRoles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The tables of one run's source: found while the source is listed, then each Delta table's chosen version read
 * with Delta's library, which decides the {@link FileRoles}: files the version does not reference are left out,
 * log entries after it are left out, and the log is copied last.
 */
public final class LakeTables {
    private final TableSettings settings;
    private final TableFinder finder = new TableFinder();
    private final Map<String, Long> lastListed = new HashMap<>();
    private final List<TableState> states = new ArrayList<>();
    private TableRoles roles;

    public LakeTables(TableSettings settings) {
        this.settings = settings;
    }

    /** Takes one listed path below the source root. */
    public void see(String relativePath) {
        if (settings.detect() == TableSettings.Detect.OFF) {
            return;
        }
        finder.see(relativePath);
        int log = relativePath.lastIndexOf(Table.DELTA_LOG);
        if (log >= 0 && (log == 0 || relativePath.charAt(log - 1) == '/')) {
            String name = relativePath.substring(log + Table.DELTA_LOG.length());
            if (DeltaLogEntry.isVersion(name)) {
                lastListed.merge(relativePath.substring(0, log), DeltaLogEntry.version(name).getAsLong(), Math::max);
            }
        }
    }

    /** The tables found. */
    public List<Table> tables() {
        return finder.tables();
    }

    /** The version chosen for each Delta table, once {@link #roles} has read them. */
    public List<TableState> states() {
        return List.copyOf(states);
    }

    /**
     * Reads the chosen version of each Delta table and says what to leave out and what to copy last.
     *
     * @param sourceRoot the source root's URI
     * @param hadoop the Hadoop settings that reach the source
     * @throws TableException if a table cannot be read at the chosen version
     */
    public FileRoles roles(TableReader reader, String sourceRoot, Map<String, String> hadoop) {
        Map<String, TableState> byRoot = new HashMap<>();
        for (Table t : tables()) {
            if (t.format() != TableFormat.DELTA) {
                continue; // Iceberg tables are found and listed; their paths are not rewritten yet (docs/tables.md)
            }
            Long listed = lastListed.get(t.root());
            if (listed == null) {
                throw new TableException("Delta table " + t.name() + " has no commit or checkpoint in its _delta_log/;"
                        + " copy it with --tables off");
            }
            TableState state = read(reader, t, sourceRoot, hadoop, listed);
            states.add(state);
            byRoot.put(t.root(), state);
        }
        roles = new TableRoles(tables(), byRoot);
        return roles;
    }

    private TableState read(TableReader reader, Table t, String sourceRoot, Map<String, String> hadoop, long listed) {
        Long version = settings.version() != null ? settings.version()
                : settings.timestampMillis() != null ? null : listed;
        if (version != null && version > listed) {
            throw new TableException("Delta table " + t.name() + " has no version " + version + " (the latest listed is "
                    + listed + "); check --table-version");
        }
        TableReader.DeltaVersion read;
        try {
            read = reader.readDelta(t.uri(sourceRoot), version, version == null ? settings.timestampMillis() : null,
                    hadoop);
        } catch (IOException | RuntimeException e) {
            throw new TableException("cannot read Delta table " + t.name() + (version == null ? " at --table-timestamp"
                    : " at version " + version) + ": " + oneLine(e) + "; or copy it as files with --tables off", e);
        }
        boolean all = settings.files() == TableSettings.Files.ALL;
        return new TableState(t, read.version(), read.version() == listed, all ? null : read.files());
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /**
     * The tables as the plan and summary list them: format, folder, version, the files kept and those left out.
     * Counts are those of the roles, once the planner has applied them.
     */
    public List<TableSummary> summaries() {
        List<TableSummary> out = new ArrayList<>();
        for (Table t : tables()) {
            TableState s = roles == null ? null : roles.byRoot.get(t.root());
            long[] c = roles == null ? new long[2] : roles.counts.getOrDefault(t.root(), new long[2]);
            out.add(TableSummary.found(t.format().label(), t.root(), s == null ? null : s.version(), c[0], c[1]));
        }
        return out;
    }

    /**
     * Refuses a Delta version that references files the plan does not hold (missing from the source, or left out
     * by --include, --exclude or another filter): its copy would not be readable.
     *
     * @throws TableException naming the first missing files
     */
    public void checkComplete() {
        if (roles == null) {
            return;
        }
        for (TableState s : states) {
            if (s.referenced() == null) {
                continue;
            }
            Set<String> found = roles.found.getOrDefault(s.table().root(), Set.of());
            List<String> missing = s.referenced().stream().filter(f -> !found.contains(f)).sorted().toList();
            if (!missing.isEmpty()) {
                throw new TableException("version " + s.version() + " of Delta table " + s.table().name()
                        + " references " + missing.size() + " file(s) the source listing does not hold or a filter"
                        + " left out: " + String.join(", ", missing.subList(0, Math.min(5, missing.size())))
                        + (missing.size() > 5 ? ", ..." : "") + "; choose another --table-version, or copy the"
                        + " folder as files with --tables off");
            }
        }
    }

    /** The roles of the files of the tables read; files outside every table are plain files. */
    private static final class TableRoles implements FileRoles {
        private final TreeMap<String, Table> tables = new TreeMap<>();
        private final Map<String, TableState> byRoot;
        /** Per table root: {files kept, files left out}. */
        private final Map<String, long[]> counts = new HashMap<>();
        /** Per table root: the referenced files the planner holds. */
        private final Map<String, Set<String>> found = new HashMap<>();

        TableRoles(List<Table> found, Map<String, TableState> byRoot) {
            found.forEach(t -> tables.put(t.root(), t));
            this.byRoot = byRoot;
        }

        @Override
        public Optional<String> leaveOut(String relativePath) {
            Table t = tableOf(relativePath);
            if (t == null) {
                return Optional.empty();
            }
            TableState state = byRoot.get(t.root());
            Optional<String> why = why(t, state, relativePath);
            counts.computeIfAbsent(t.root(), r -> new long[2])[why.isPresent() ? 1 : 0]++;
            if (state != null && state.referenced() != null && state.referenced().contains(t.inner(relativePath))) {
                found.computeIfAbsent(t.root(), r -> new HashSet<>()).add(t.inner(relativePath));
            }
            return why;
        }

        private static Optional<String> why(Table t, TableState s, String relativePath) {
            if (s == null) {
                return Optional.empty();
            }
            String inner = t.inner(relativePath);
            if (t.isLog(relativePath)) {
                String name = inner.substring(Table.DELTA_LOG.length());
                if (name.equals(DeltaLogEntry.LAST_CHECKPOINT) && !s.latest()) {
                    return Optional.of("Delta table " + t.name() + ": _last_checkpoint may name a checkpoint after"
                            + " version " + s.version());
                }
                long v = DeltaLogEntry.version(name).orElse(-1);
                return v > s.version() ? Optional.of("Delta table " + t.name() + ": log entry after version "
                        + s.version()) : Optional.empty();
            }
            if (s.referenced() == null || s.referenced().contains(inner) || inner.startsWith("_change_data/")) {
                return Optional.empty();
            }
            return Optional.of("Delta table " + t.name() + ": not referenced by version " + s.version()
                    + " (--table-files referenced)");
        }

        @Override
        public boolean last(String relativePath) {
            Table t = tableOf(relativePath);
            return t != null && byRoot.containsKey(t.root()) && t.isLog(relativePath);
        }

        /** The table holding a path: the greatest root at or below it, if it is a prefix (roots do not nest). */
        private Table tableOf(String relativePath) {
            Map.Entry<String, Table> e = tables.floorEntry(relativePath);
            return e != null && relativePath.startsWith(e.getKey()) ? e.getValue() : null;
        }
    }
}
