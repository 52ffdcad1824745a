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
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.Snapshot;
import org.apache.spark.sql.delta.actions.AddFile;
import org.apache.spark.sql.types.StructType;
import scala.Option;
import scala.Tuple2;

/**
 * Verifies a copied Delta table as a table: both ends opened with Delta Lake's {@code DeltaLog} at the copied
 * version (the target through whatever Hadoop file system serves its scheme: Oracle's oci-hdfs-connector for oci://
 * on Data Flow), and compared: schema and partition columns, the data files the version references (each looked up
 * in one listing of the target's folder, with its size), and rows. Rows come from the log's per-file statistics
 * ({@code numRecords}, less each deletion vector's cardinality: Delta's {@code AddFile.numLogicalRecords}), so no data
 * file is read; with {@code --table-verify rows} they are counted by scanning the version with Spark at both ends.
 */
final class DeltaVerifier implements TableVerifier {
    private final SparkSession spark;

    DeltaVerifier(SparkSession spark) {
        this.spark = spark;
    }

    /** One end of the copy at the version. */
    private record Side(StructType schema, List<String> partitionColumns, Map<String, Long> files, Long rows,
            List<String> missing, long latest) {}

    @Override
    public TableCheck verify(TableCopy copy, Map<String, String> hadoop) {
        scala.collection.immutable.Map<String, String> options = fsOptions(hadoop);
        Side source;
        try {
            source = read(copy.source(), copy.version(), options, copy.countRows(), false);
        } catch (Exception e) {
            return TableCheck.notVerified(copy, "cannot read the source's version " + copy.version() + ": "
                    + oneLine(e));
        }
        Side target;
        try {
            target = read(copy.target(), copy.version(), options, copy.countRows(), true);
        } catch (Exception e) {
            if (noFileSystem(e)) {
                return TableCheck.notVerified(copy, VerifyErrors.noFileSystemNote(copy.target(), e));
            }
            return new TableCheck(copy, TableCheck.Outcome.MISMATCH, source.rows(), null,
                    (long) source.files().size(), null, null, "cannot read the target at version " + copy.version()
                    + ": " + oneLine(e));
        }
        return compare(copy, source, target);
    }

    private static TableCheck compare(TableCopy copy, Side source, Side target) {
        List<String> differs = new ArrayList<>();
        boolean schemaEqual = source.schema().equals(target.schema())
                && source.partitionColumns().equals(target.partitionColumns());
        if (!schemaEqual) {
            differs.add("schema differs: source " + source.schema().simpleString() + " by " + source.partitionColumns()
                    + ", target " + target.schema().simpleString() + " by " + target.partitionColumns());
        }
        if (!source.files().equals(target.files())) {
            differs.add("the target's version names other files than the source's (" + target.files().size()
                    + " against " + source.files().size() + ")");
        }
        if (!target.missing().isEmpty()) {
            differs.add(target.missing().size() + " file(s) the version names are missing at the target or differ in"
                    + " size: " + String.join(", ", target.missing().subList(0, Math.min(3, target.missing().size())))
                    + (target.missing().size() > 3 ? ", ..." : ""));
        }
        if (source.rows() != null && target.rows() != null && !source.rows().equals(target.rows())) {
            differs.add("rows differ: " + source.rows() + " at the source, " + target.rows() + " at the target");
        }
        long present = target.files().size() - target.missing().size();
        String counted = source.rows() == null ? "rows not known (a file has no numRecords stats; --table-verify rows"
                + " counts them)" : copy.countRows() ? "rows counted with Spark" : "rows from the log's numRecords stats";
        String later = target.latest() > copy.version() ? "; the target also holds later versions (up to "
                + target.latest() + ")" : "";
        if (differs.isEmpty()) {
            return new TableCheck(copy, TableCheck.Outcome.EQUAL, source.rows(), target.rows(),
                    (long) source.files().size(), present, true, "version " + copy.version() + " equal: " + counted
                    + later);
        }
        return new TableCheck(copy, TableCheck.Outcome.MISMATCH, source.rows(), target.rows(),
                (long) source.files().size(), present, schemaEqual, "version " + copy.version() + ": "
                + String.join("; ", differs) + "; " + counted + later);
    }

    private Side read(String uri, long version, scala.collection.immutable.Map<String, String> options,
            boolean countRows, boolean lookUp) throws IOException {
        DeltaLog log = DeltaLog.forTable(spark, new Path(uri), options);
        long latest = log.update(false, Option.empty()).version();
        Snapshot snapshot = log.getSnapshotAt(version, log.getSnapshotAt$default$2());
        Path root = log.dataPath();
        String prefix = root.toUri().getPath().endsWith("/") ? root.toUri().getPath() : root.toUri().getPath() + "/";
        Map<String, Long> files = new TreeMap<>();
        Long rows = 0L;
        for (AddFile add : snapshot.allFiles().collectAsList()) {
            files.put(relative(prefix, root, add.toPath()), add.size());
            Option<Object> n = add.numLogicalRecords();
            rows = rows == null || n.isEmpty() ? null : rows + (Long) n.get();
        }
        if (countRows) {
            // Not count(): Delta answers that from the log's stats (OptimizeMetadataOnlyDeltaQuery,
            // spark.databricks.delta.optimizeMetadataQuery.enabled), which would read no data file. A scan of no
            // columns opens every file of the version (its Parquet footer) and counts what it holds.
            rows = spark.read().format("delta").options(options).option("versionAsOf", version).load(uri)
                    .select(new Column[0]).queryExecution().toRdd().count();
        }
        List<String> missing = new ArrayList<>();
        if (lookUp) {
            Map<String, Long> there = listing(root.getFileSystem(log.newDeltaHadoopConf()), root, prefix);
            files.forEach((f, size) -> {
                if (!size.equals(there.get(f))) {
                    missing.add(f);
                }
            });
        }
        List<String> partitions = scala.collection.JavaConverters.seqAsJavaList(snapshot.metadata().partitionColumns());
        return new Side(snapshot.schema(), List.copyOf(partitions), files, rows, missing, latest);
    }

    /** Every file below the table's folder, by its path below it: one listing, not one request per file. */
    private static Map<String, Long> listing(FileSystem fs, Path root, String prefix) throws IOException {
        Map<String, Long> there = new HashMap<>();
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
        while (it.hasNext()) {
            LocatedFileStatus s = it.next();
            there.put(relative(prefix, root, s.getPath()), s.getLen());
        }
        return there;
    }

    /** A file's path below the table's folder (decoded), or its whole path when it lies outside. */
    private static String relative(String prefix, Path root, Path file) {
        Path p = file.isAbsolute() || file.toUri().getScheme() != null ? file : new Path(root, file);
        String path = p.toUri().getPath();
        return path.startsWith(prefix) ? path.substring(prefix.length()) : p.toString();
    }

    /** The settings DeltaLog passes on to its file system (as DeltaLogReader does). */
    private static scala.collection.immutable.Map<String, String> fsOptions(Map<String, String> hadoop) {
        scala.collection.immutable.Map<String, String> options = scala.collection.immutable.Map$.MODULE$.empty();
        for (Map.Entry<String, String> e : new TreeMap<>(hadoop).entrySet()) {
            if (e.getKey().startsWith("fs.")) {
                options = options.$plus(new Tuple2<>(e.getKey(), e.getValue()));
            }
        }
        return options;
    }

    static boolean noFileSystem(Throwable e) {
        return VerifyErrors.noFileSystem(e);
    }

    private static String oneLine(Throwable e) {
        return VerifyErrors.oneLine(e);
    }
}
