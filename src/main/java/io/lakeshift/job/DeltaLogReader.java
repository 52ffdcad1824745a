package io.lakeshift.job;

import io.lakeshift.table.TableReader;
import java.sql.Timestamp;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaHistoryManager;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.Snapshot;
import org.apache.spark.sql.delta.actions.AddFile;
import org.apache.spark.sql.delta.actions.DeletionVectorDescriptor;
import scala.Option;
import scala.Tuple2;

/**
 * Reads a Delta table's version with Delta Lake's own library (delta-spark 3.1.0, the version OCI Data Flow's
 * Spark 3.5 runtime ships): its snapshot's live files and their deletion vectors. Loaded only when Delta Lake is on
 * the classpath ({@link DeltaTables#on}).
 */
final class DeltaLogReader implements TableReader {
    private final SparkSession spark;

    DeltaLogReader(SparkSession spark) {
        this.spark = spark;
    }

    @Override
    public DeltaVersion readDelta(String uri, Long version, Long timestampMillis, Map<String, String> hadoop) {
        scala.collection.immutable.Map<String, String> options = scala.collection.immutable.Map$.MODULE$.empty();
        for (Map.Entry<String, String> e : new TreeMap<>(hadoop).entrySet()) {
            if (e.getKey().startsWith("fs.")) { // what DeltaLog.forTable passes on to its file system
                options = options.$plus(new Tuple2<>(e.getKey(), e.getValue()));
            }
        }
        DeltaLog log = DeltaLog.forTable(spark, new Path(uri), options);
        long v;
        if (version != null) {
            v = version;
        } else if (timestampMillis != null) {
            DeltaHistoryManager history = log.history();
            v = history.getActiveCommitAtTime(new Timestamp(timestampMillis), true,
                    history.getActiveCommitAtTime$default$3(), history.getActiveCommitAtTime$default$4()).version();
        } else {
            v = log.update(false, Option.empty()).version();
        }
        Snapshot snapshot = log.getSnapshotAt(v, log.getSnapshotAt$default$2());
        Path root = log.dataPath();
        String prefix = root.toString().endsWith("/") ? root.toString() : root + "/";
        Set<String> files = new HashSet<>();
        for (AddFile add : snapshot.allFiles().collectAsList()) {
            Path file = add.toPath();
            below(prefix, file.isAbsolute() || file.toUri().getScheme() != null ? file : new Path(root, file), files);
            DeletionVectorDescriptor dv = add.deletionVector();
            if (dv != null && dv.isOnDisk()) {
                below(prefix, dv.absolutePath(root), files);
            }
        }
        return new DeltaVersion(v, files);
    }

    /** Files outside the table's folder (a shallow clone's) are not the table's to copy. */
    private static void below(String prefix, Path file, Set<String> files) {
        String s = file.toString();
        if (s.startsWith(prefix)) {
            files.add(s.substring(prefix.length()));
        }
    }
}
