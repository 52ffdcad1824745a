package io.lakeshift.table;

import io.lakeshift.config.TableSettings;
import io.lakeshift.log.TableSummary;
import io.lakeshift.model.SourceFile;
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
    /** Per Iceberg table root: its latest metadata file listed, below the root. */
    private final Map<String, String> lastMetadata = new HashMap<>();
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
        int slash = relativePath.lastIndexOf('/');
        int folder = relativePath.lastIndexOf('/', slash - 1) + 1;
        if (slash > 0 && relativePath.startsWith(Table.ICEBERG_METADATA, folder)
                && Table.isIcebergMetadataFile(relativePath.substring(folder))) {
            lastMetadata.merge(relativePath.substring(0, folder), relativePath.substring(folder),
                    (a, b) -> IcebergMetadataName.compare(a, b) >= 0 ? a : b);
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
        return roles(reader, sourceRoot, null, null, hadoop);
    }

    /**
     * Reads the chosen version of each table and says what to leave out, what to copy last and, for an Iceberg
     * table, which files are copied from their rewritten copy.
     *
     * @param targetRoot the target's URI as readers open it ({@code oci://bucket@namespace/prefix/}); null when
     *     no Iceberg table is expected
     * @param stagingRoot a folder (a Hadoop URI) Iceberg's rewritten metadata is written to, outside the source
     * @throws TableException if a table cannot be read at the chosen version
     */
    public FileRoles roles(TableReader reader, String sourceRoot, String targetRoot, String stagingRoot,
            Map<String, String> hadoop) {
        Map<String, TableState> byRoot = new HashMap<>();
        for (Table t : tables()) {
            if (t.format() == TableFormat.ICEBERG) {
                TableState state = readIceberg(reader, t, sourceRoot, targetRoot, stagingRoot, hadoop);
                states.add(state);
                byRoot.put(t.root(), state);
                continue;
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

    private TableState readIceberg(TableReader reader, Table t, String sourceRoot, String targetRoot,
            String stagingRoot, Map<String, String> hadoop) {
        String metadata = lastMetadata.get(t.root());
        if (metadata == null) {
            throw new TableException("Iceberg table " + t.name() + " has no metadata/*.metadata.json; copy it with"
                    + " --tables off");
        }
        if (targetRoot == null || stagingRoot == null) {
            throw new TableException("Iceberg table " + t.name() + ": no target to rewrite its paths for");
        }
        TableReader.IcebergSnapshot read;
        try {
            read = reader.readIceberg(t.uri(sourceRoot), metadata, settings.snapshot(), t.uri(targetRoot),
                    t.uri(stagingRoot), hadoop);
        } catch (IOException | RuntimeException e) {
            throw new TableException("cannot rewrite Iceberg table " + t.name() + (settings.snapshot() == null ? ""
                    : " at snapshot " + settings.snapshot()) + ": " + oneLine(e)
                    + "; or copy it as files with --tables off", e);
        }
        boolean all = settings.files() == TableSettings.Files.ALL;
        return new TableState(t, read.snapshotId(), read.metadataFile().equals(metadata),
                all ? null : read.dataFiles(), read.staged(), read.metadataFile());
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
            Set<String> found = roles.found.getOrDefault(s.table().root(), Set.of());
            List<String> missing = new ArrayList<>();
            if (s.referenced() != null) {
                s.referenced().stream().filter(f -> !found.contains(f)).forEach(missing::add);
            }
            s.staged().keySet().stream().filter(f -> !f.equals(Table.VERSION_HINT) && !found.contains(f))
                    .forEach(missing::add);
            missing.sort(null);
            if (!missing.isEmpty()) {
                throw new TableException((s.table().format() == TableFormat.DELTA ? "version " : "snapshot ")
                        + s.version() + " of " + (s.table().format() == TableFormat.DELTA ? "Delta" : "Iceberg")
                        + " table " + s.table().name()
                        + " references " + missing.size() + " file(s) the source listing does not hold or a filter"
                        + " left out: " + String.join(", ", missing.subList(0, Math.min(5, missing.size())))
                        + (missing.size() > 5 ? ", ..." : "") + "; choose another --table-"
                        + (s.table().format() == TableFormat.DELTA ? "version" : "snapshot") + ", or copy the"
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
            if (state != null && (state.referenced() != null && state.referenced().contains(t.inner(relativePath))
                    || state.staged().containsKey(t.inner(relativePath)))) {
                found.computeIfAbsent(t.root(), r -> new HashSet<>()).add(t.inner(relativePath));
            }
            return why;
        }

        private static Optional<String> why(Table t, TableState s, String relativePath) {
            if (s == null) {
                return Optional.empty();
            }
            String inner = t.inner(relativePath);
            if (t.format() == TableFormat.ICEBERG) {
                return icebergWhy(t, s, inner);
            }
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

        /**
         * An Iceberg table: its rewritten files are copied (from staging), metadata the snapshot's metadata does not
         * name never (a reader that lists metadata/ would find its old paths), data files as for Delta.
         */
        private static Optional<String> icebergWhy(Table t, TableState s, String inner) {
            if (s.staged().containsKey(inner)) {
                return Optional.empty();
            }
            if (inner.startsWith(Table.ICEBERG_METADATA)) {
                return Optional.of("Iceberg table " + t.name() + ": metadata not part of snapshot " + s.version()
                        + " (later, or no longer named)");
            }
            if (s.referenced() == null || s.referenced().contains(inner)) {
                return Optional.empty();
            }
            return Optional.of("Iceberg table " + t.name() + ": not referenced by snapshot " + s.version()
                    + " (--table-files referenced)");
        }

        @Override
        public Optional<SourceFile> replace(SourceFile listed) {
            Table t = tableOf(listed.relativePath());
            TableState s = t == null ? null : byRoot.get(t.root());
            TableReader.StagedFile staged = s == null ? null : s.staged().get(t.inner(listed.relativePath()));
            if (staged == null) {
                return Optional.empty();
            }
            // The rewritten copy stands for the listed file: same path, the listed file's time, so an earlier run's
            // copy of the same rewrite is found equal (rewriting the same metadata gives the same size).
            return Optional.of(new SourceFile(staged.uri(), listed.relativePath(), staged.size(),
                    staged.fresh() ? System.currentTimeMillis() : listed.modified(), null, null));
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
