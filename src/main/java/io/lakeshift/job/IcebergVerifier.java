package io.lakeshift.job;

import io.lakeshift.table.TableCheck;
import io.lakeshift.table.TableCopy;
import io.lakeshift.table.TableVerifier;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.iceberg.BaseTable;
import org.apache.iceberg.ContentFile;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileContent;
import org.apache.iceberg.ManifestFile;
import org.apache.iceberg.ManifestFiles;
import org.apache.iceberg.ManifestReader;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.StaticTableOperations;
import org.apache.iceberg.Table;
import org.apache.iceberg.hadoop.HadoopFileIO;
import org.apache.iceberg.io.FileIO;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.SparkSession;

/**
 * Verifies a copied Iceberg table as a table: the copied metadata file opened at both ends with Iceberg's own
 * library (the target through whatever Hadoop file system serves its scheme: Oracle's oci-hdfs-connector for oci:// on
 * Data Flow), and compared at the copied snapshot: that it is the current snapshot at both ends, the schema and
 * partition spec, the live data and delete files its manifests name (each looked up, with its size, in one listing
 * of the target's folder, not one request per file), and rows. Rows come from the manifests (data files' record
 * counts less position deletes' rows; unknown with equality deletes), or with {@code --table-verify rows} are
 * counted by reading the snapshot with Spark at both ends. Loaded only when Iceberg is on the classpath.
 */
final class IcebergVerifier implements TableVerifier {
    /** The catalog Iceberg's Spark source opens tables by path with (IcebergSource's default_iceberg). */
    private static final String PATH_CATALOG = "spark.sql.catalog.default_iceberg";
    private final SparkSession spark;

    IcebergVerifier(SparkSession spark) {
        this.spark = spark;
    }

    /** One end of the copy at the snapshot. */
    private record Side(long current, boolean hasSnapshot, String schema, String spec, Map<String, Long> data,
            Map<String, Long> deletes, Long rows, List<String> missing, List<String> resized) {}

    @Override
    public TableCheck verify(TableCopy copy, Map<String, String> hadoop) {
        Configuration conf = spark.sessionState().newHadoopConf();
        hadoop.forEach(conf::set);
        FileIO io = new HadoopFileIO(conf);
        Side source;
        try {
            source = read(io, conf, copy.source(), copy, false);
        } catch (Exception e) {
            return TableCheck.notVerified(copy, "cannot read the source's snapshot " + copy.version() + ": "
                    + VerifyErrors.oneLine(e));
        }
        Side target;
        try {
            target = read(io, conf, copy.target(), copy, true);
        } catch (Exception e) {
            if (VerifyErrors.noFileSystem(e)) {
                return TableCheck.notVerified(copy, VerifyErrors.noFileSystemNote(copy.target(), e));
            }
            return new TableCheck(copy, TableCheck.Outcome.MISMATCH, source.rows(), null,
                    (long) source.data().size(), null, null, "cannot read the target at snapshot " + copy.version()
                    + ": " + VerifyErrors.oneLine(e));
        }
        return compare(copy, source, target);
    }

    private static TableCheck compare(TableCopy copy, Side source, Side target) {
        List<String> differs = new ArrayList<>();
        if (!target.hasSnapshot() || target.current() != copy.version()) {
            differs.add("the target's " + copy.metadata() + " has snapshot " + target.current() + " current, not "
                    + copy.version());
        }
        boolean schemaEqual = source.schema().equals(target.schema()) && source.spec().equals(target.spec());
        if (!schemaEqual) {
            differs.add("schema differs: source " + source.schema() + " by " + source.spec() + ", target "
                    + target.schema() + " by " + target.spec());
        }
        if (!source.data().equals(target.data())) {
            differs.add("the target's snapshot names other data files than the source's (" + target.data().size()
                    + " against " + source.data().size() + ")");
        }
        if (!source.deletes().equals(target.deletes())) {
            differs.add("the target's snapshot names other delete files than the source's ("
                    + target.deletes().size() + " against " + source.deletes().size() + ")");
        }
        if (!target.missing().isEmpty()) {
            differs.add(target.missing().size() + " file(s) the snapshot names are missing at the target or differ in"
                    + " size: " + String.join(", ", target.missing().subList(0, Math.min(3, target.missing().size())))
                    + (target.missing().size() > 3 ? ", ..." : ""));
        }
        if (source.rows() != null && target.rows() != null && !source.rows().equals(target.rows())) {
            differs.add("rows differ: " + source.rows() + " at the source, " + target.rows() + " at the target");
        }
        long present = target.data().size() - target.missing().stream().filter(target.data()::containsKey).count();
        String counted = source.rows() == null ? "rows not known (equality deletes; --table-verify rows counts them)"
                : copy.countRows() ? "rows counted with Spark"
                : "rows from the manifests (data files' records less position deletes)";
        String files = source.data().size() + " data and " + source.deletes().size() + " delete files";
        if (!target.resized().isEmpty()) {
            // Not lakeshift's to mend: the rewritten manifests carry what Iceberg's action wrote.
            counted += "; warning: " + target.resized().size() + " position-delete file(s) at the target differ in"
                    + " size from what their rewritten manifest records (RewriteTablePath 1.10.0 keeps the source's"
                    + " file_size_in_bytes: apache/iceberg#12554, fixed by #15470 after 1.10.0); Spark and Iceberg's"
                    + " own readers read them, readers that trust that size (Trino, Impala, iceberg-rust) may not";
        }
        if (differs.isEmpty()) {
            return new TableCheck(copy, TableCheck.Outcome.EQUAL, source.rows(), target.rows(),
                    (long) source.data().size(), present, true, "snapshot " + copy.version() + " equal: " + files
                    + "; " + counted);
        }
        return new TableCheck(copy, TableCheck.Outcome.MISMATCH, source.rows(), target.rows(),
                (long) source.data().size(), present, schemaEqual, "snapshot " + copy.version() + ": "
                + String.join("; ", differs) + "; " + counted);
    }

    private Side read(FileIO io, Configuration conf, String root, TableCopy copy, boolean lookUp) throws IOException {
        String metadata = slash(root) + copy.metadata();
        Table table = new BaseTable(new StaticTableOperations(metadata, io), metadata);
        Snapshot snapshot = table.snapshot(copy.version());
        long current = table.currentSnapshot() == null ? -1 : table.currentSnapshot().snapshotId();
        if (snapshot == null) {
            return new Side(current, false, table.schema().asStruct().toString(), table.spec().toString(), Map.of(),
                    Map.of(), null, List.of(), List.of());
        }
        String prefix = slash(new Path(table.location()).toUri().getPath());
        Map<String, Long> data = new TreeMap<>();
        Map<String, Long> deletes = new TreeMap<>();
        java.util.Set<String> positionDeletes = new java.util.HashSet<>();
        long records = 0;
        long deleted = 0;
        boolean equality = false;
        for (ManifestFile m : snapshot.allManifests(io)) {
            if (m.content() == org.apache.iceberg.ManifestContent.DATA) {
                try (ManifestReader<DataFile> r = ManifestFiles.read(m, io, table.specs())) {
                    for (DataFile f : r) { // live entries only (added and existing)
                        data.put(relative(prefix, f), f.fileSizeInBytes());
                        records += f.recordCount();
                    }
                }
            } else {
                try (ManifestReader<DeleteFile> r = ManifestFiles.readDeleteManifest(m, io, table.specs())) {
                    for (DeleteFile f : r) {
                        deletes.put(relative(prefix, f), f.fileSizeInBytes());
                        equality |= f.content() == FileContent.EQUALITY_DELETES;
                        if (f.content() == FileContent.POSITION_DELETES) {
                            deleted += f.recordCount();
                            positionDeletes.add(relative(prefix, f));
                        }
                    }
                }
            }
        }
        Long rows = equality ? null : records - deleted;
        if (copy.countRows()) {
            rows = count(metadata, copy.version());
        }
        List<String> missing = new ArrayList<>();
        List<String> resized = new ArrayList<>();
        if (lookUp) {
            Path folder = new Path(table.location());
            Map<String, Long> there = listing(folder.getFileSystem(conf), folder, prefix);
            for (Map<String, Long> files : List.of(data, deletes)) {
                files.forEach((f, size) -> {
                    Long found = there.get(f);
                    if (found != null && !found.equals(size) && positionDeletes.contains(f)) {
                        resized.add(f); // rewritten, so its size changed; landed as staged (MD5-verified)
                    } else if (!size.equals(found)) {
                        missing.add(f);
                    }
                });
            }
        }
        return new Side(current, true, table.schema().asStruct().toString(), table.spec().toString(), data, deletes,
                rows, missing, resized);
    }

    /**
     * Rows of the snapshot, counted by Spark reading every data file (and applying the deletes). Not count():
     * Iceberg may answer it from the manifests' stats (aggregate push-down). Iceberg's source opens a table by path
     * through its default_iceberg catalog, a Hive one unless the session names it: a Hadoop one is named when absent.
     */
    private long count(String metadata, long snapshot) {
        if (!spark.conf().contains(PATH_CATALOG)) {
            spark.conf().set(PATH_CATALOG, "org.apache.iceberg.spark.SparkCatalog");
            spark.conf().set(PATH_CATALOG + ".type", "hadoop");
            spark.conf().set(PATH_CATALOG + ".warehouse", new Path(metadata).getParent().toString());
            spark.conf().set(PATH_CATALOG + ".cache-enabled", "false");
        }
        return spark.read().format("iceberg").option("snapshot-id", snapshot).load(metadata)
                .select(new Column[0]).queryExecution().toRdd().count();
    }

    /** Every file below the table's folder, by its path below it: one listing, not one request per file. */
    private static Map<String, Long> listing(FileSystem fs, Path root, String prefix) throws IOException {
        Map<String, Long> there = new HashMap<>();
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
        while (it.hasNext()) {
            LocatedFileStatus s = it.next();
            String path = s.getPath().toUri().getPath();
            there.put(path.startsWith(prefix) ? path.substring(prefix.length()) : s.getPath().toString(), s.getLen());
        }
        return there;
    }

    /** A file's path below the table's location, or its whole path when it lies outside. */
    private static String relative(String prefix, ContentFile<?> file) {
        String path = new Path(file.location()).toUri().getPath();
        return path.startsWith(prefix) ? path.substring(prefix.length()) : file.location();
    }

    private static String slash(String s) {
        return s.endsWith("/") ? s : s + "/";
    }
}
