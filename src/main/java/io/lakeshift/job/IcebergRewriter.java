package io.lakeshift.job;

import io.lakeshift.table.TableReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.iceberg.BaseTable;
import org.apache.iceberg.StaticTableOperations;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableMetadataParser;
import org.apache.iceberg.actions.RewriteTablePath;
import org.apache.iceberg.hadoop.HadoopFileIO;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.spark.actions.SparkActions;
import org.apache.spark.sql.SparkSession;

/**
 * Rewrites one snapshot of an Iceberg table for its target with Iceberg's own RewriteTablePath action (Iceberg
 * 1.10.0, Spark 3.5 runtime; the action came with Iceberg 1.8.0): every metadata file, manifest list, manifest and
 * position-delete file the snapshot's metadata names is written below a staging folder with the source location
 * replaced by the target's; the action's file list says which (source, target) pairs to copy. The source is only
 * read. Staged position deletes 1.10.0 names but does not write are written by {@link IcebergPositionDeletes}.
 * Loaded only when Iceberg is on the classpath ({@link IcebergTables#on}).
 */
final class IcebergRewriter {
    /** HadoopTableOperations' metadata file names: v3.metadata.json, v3.gz.metadata.json. */
    private static final Pattern HADOOP_VERSION = Pattern.compile("v(\\d+)(?:\\.gz)?\\.metadata\\.json");
    private static final String VERSION_HINT = "metadata/version-hint.text";
    private final SparkSession spark;

    IcebergRewriter(SparkSession spark) {
        this.spark = spark;
    }

    TableReader.IcebergSnapshot rewrite(String uri, String metadataFile, Long snapshotId, String targetUri,
            String staging, Map<String, String> hadoop) throws IOException {
        Configuration conf = spark.sessionState().newHadoopConf();
        hadoop.forEach(conf::set);
        FileIO io = new HadoopFileIO(conf);
        // As Hadoop spells it (file:/a, not file:///a), as Iceberg writes the paths RewriteTablePath checks.
        String root = slash(new Path(uri).toString());
        String metadata = chosen(io, root + metadataFile, snapshotId);
        Table table = new BaseTable(new StaticTableOperations(metadata, io), metadata);
        if (table.currentSnapshot() == null) {
            throw new IOException("it has no snapshot yet");
        }
        String source = slash(table.location());
        String target = slash(targetUri);
        String stagingDir = slash(staging);
        Path stagingPath = new Path(stagingDir);
        FileSystem stagingFs = stagingPath.getFileSystem(conf);
        stagingFs.delete(stagingPath, true); // a rerun's staging starts empty
        RewriteTablePath.Result result = SparkActions.get(spark).rewriteTablePath(table)
                .rewriteLocationPrefix(unslash(source), unslash(target)).stagingLocation(stagingDir).execute();

        Map<String, String> copies = new HashMap<>(); // (from, to) as the action's file list names them
        try (BufferedReader list = new BufferedReader(new InputStreamReader(
                io.newInputFile(result.fileListLocation()).newStream(), StandardCharsets.UTF_8))) {
            for (String line = list.readLine(); line != null; line = list.readLine()) {
                int comma = line.indexOf(',');
                copies.put(line.substring(0, comma), line.substring(comma + 1));
            }
        }
        Set<String> missing = new HashSet<>();
        for (String from : copies.keySet()) {
            if (isStaged(from, stagingDir, stagingPath) && !io.newInputFile(from).exists()) {
                missing.add(from);
            }
        }
        IcebergPositionDeletes.restage(table, io, missing, unslash(source), unslash(target), stagingDir);

        Map<String, TableReader.StagedFile> staged = new HashMap<>();
        Set<String> data = new HashSet<>();
        for (Map.Entry<String, String> copy : copies.entrySet()) {
            String from = copy.getKey();
            String to = copy.getValue();
            if (!to.startsWith(target)) {
                continue; // outside the table's folder: not the table's to copy
            }
            String inner = to.substring(target.length());
            if (isStaged(from, stagingDir, stagingPath)) {
                Path p = new Path(from);
                staged.put(inner, new TableReader.StagedFile(from, p.getFileSystem(conf).getFileStatus(p).getLen(),
                        false));
            } else if (from.startsWith(source)) {
                data.add(from.substring(source.length()));
            }
        }
        String name = metadata.substring(metadata.lastIndexOf('/') + 1);
        Matcher v = HADOOP_VERSION.matcher(name);
        if (v.matches()) { // a table without a catalog: readers find the metadata through version-hint.text
            Path hint = new Path(stagingDir + VERSION_HINT);
            try (OutputStream out = stagingFs.create(hint, true)) {
                out.write(v.group(1).getBytes(StandardCharsets.UTF_8));
            }
            staged.put(VERSION_HINT, new TableReader.StagedFile(hint.toString(),
                    stagingFs.getFileStatus(hint).getLen(), true));
        }
        String inner = metadata.startsWith(root) ? metadata.substring(root.length()) : "metadata/" + name;
        TableReader.StagedFile rewritten = staged.get(inner);
        String location = rewritten == null ? null : TableMetadataParser.read(io, rewritten.uri()).location();
        if (!unslash(target).equals(location)) { // 1.10.0 rewrites it with a regular expression: never trust it blind
            throw new IOException("the rewritten " + inner + " names location " + location + ", not "
                    + unslash(target));
        }
        return new TableReader.IcebergSnapshot(table.currentSnapshot().snapshotId(), inner, staged, data);
    }

    /**
     * The metadata file to copy: the latest listed, or the latest of its metadata log whose current snapshot is
     * {@code snapshotId} (the table as it was when that snapshot was current).
     */
    private static String chosen(FileIO io, String latest, Long snapshotId) throws IOException {
        TableMetadata current = TableMetadataParser.read(io, latest);
        if (snapshotId == null || current.currentSnapshot() != null
                && current.currentSnapshot().snapshotId() == snapshotId) {
            return latest;
        }
        var log = current.previousFiles();
        for (int i = log.size() - 1; i >= 0; i--) {
            String file = log.get(i).file();
            TableMetadata m = TableMetadataParser.read(io, file);
            if (m.currentSnapshot() != null && m.currentSnapshot().snapshotId() == snapshotId) {
                return file;
            }
        }
        throw new IOException("no snapshot " + snapshotId + " was current in its metadata log (check"
                + " --table-snapshot; snapshots: " + current.snapshots().stream().map(s -> s.snapshotId()).toList()
                + ")");
    }

    private static boolean isStaged(String from, String stagingDir, Path stagingPath) {
        return from.startsWith(stagingDir) || from.startsWith(stagingPath.toUri() + "/");
    }

    /**
     * The prefixes without their last slash: 1.10.0 replaces the metadata's {@code location} (which has none) with
     * {@code location.replaceFirst(source, target)}, so a prefix ending in a slash left it naming the source; the
     * file paths it rewrites are matched with a slash appended.
     */
    private static String unslash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static String slash(String s) {
        return s.endsWith("/") ? s : s + "/";
    }
}
