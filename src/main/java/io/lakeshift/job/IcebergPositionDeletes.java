package io.lakeshift.job;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileContent;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.ManifestFile;
import org.apache.iceberg.ManifestFiles;
import org.apache.iceberg.ManifestReader;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.RewriteTablePathUtil;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.StructLike;
import org.apache.iceberg.Table;
import org.apache.iceberg.avro.Avro;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.avro.DataReader;
import org.apache.iceberg.data.avro.DataWriter;
import org.apache.iceberg.data.parquet.GenericParquetReaders;
import org.apache.iceberg.data.parquet.GenericParquetWriter;
import org.apache.iceberg.deletes.PositionDeleteWriter;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.DeleteSchemaUtil;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.parquet.Parquet;

/**
 * Writes the staged position-delete files that RewriteTablePath 1.10.0 names in its file list but does not write:
 * it collects the delete files to rewrite from manifest entries read with reused containers, so of a delete
 * manifest with several files only one is rewritten (apache/iceberg issue #12772, fixed after 1.10.0 by pull
 * request #15155, "Core: Fix rewriting delete manifests in RewriteTablePathUtil"). Each missing one is written
 * with Iceberg's own {@link RewriteTablePathUtil#rewritePositionDeleteFile}, at the staging path the file list
 * names, its data file paths moved from the source prefix to the target's.
 */
final class IcebergPositionDeletes {
    private IcebergPositionDeletes() {
    }

    /**
     * @param missing staged paths the file list names that do not exist
     * @return how many were written
     */
    static int restage(Table table, FileIO io, Set<String> missing, String source, String target, String staging)
            throws IOException {
        if (missing.isEmpty()) {
            return 0;
        }
        Map<String, DeleteFile> deletes = new HashMap<>();
        Set<String> manifests = new java.util.HashSet<>();
        for (Snapshot snapshot : table.snapshots()) {
            for (ManifestFile m : snapshot.deleteManifests(io)) {
                if (!manifests.add(m.path())) {
                    continue;
                }
                try (ManifestReader<DeleteFile> reader = ManifestFiles.readDeleteManifest(m, io, table.specs())) {
                    for (DeleteFile f : reader) {
                        if (f.content() == FileContent.POSITION_DELETES) {
                            String staged = RewriteTablePathUtil.stagingPath(f.location(), source, staging);
                            if (missing.contains(staged)) {
                                deletes.putIfAbsent(staged, f.copy()); // the reader reuses its entries
                            }
                        }
                    }
                }
            }
        }
        if (deletes.size() != missing.size()) {
            Set<String> unknown = new java.util.TreeSet<>(missing);
            unknown.removeAll(deletes.keySet());
            throw new IOException("RewriteTablePath named staged files it did not write and that are no position"
                    + " deletes of the table: " + unknown);
        }
        for (Map.Entry<String, DeleteFile> e : deletes.entrySet()) {
            DeleteFile f = e.getValue();
            RewriteTablePathUtil.rewritePositionDeleteFile(f, io.newOutputFile(e.getKey()), io,
                    table.specs().get(f.specId()), source, target, new ReaderWriter());
        }
        return deletes.size();
    }

    /** Position deletes read and written as Iceberg's generic records (Parquet, as Spark writes them, or Avro). */
    private static final class ReaderWriter implements RewriteTablePathUtil.PositionDeleteReaderWriter {
        @Override
        public CloseableIterable<Record> reader(InputFile file, FileFormat format, PartitionSpec spec) {
            Schema schema = DeleteSchemaUtil.posDeleteReadSchema(spec.schema());
            return switch (format) {
                case PARQUET -> Parquet.read(file).project(schema)
                        .createReaderFunc(fileSchema -> GenericParquetReaders.buildReader(schema, fileSchema)).build();
                case AVRO -> Avro.read(file).project(schema).createReaderFunc(DataReader::create).build();
                default -> throw new UnsupportedOperationException("position deletes in " + format);
            };
        }

        @Override
        public PositionDeleteWriter<Record> writer(OutputFile file, FileFormat format, PartitionSpec spec,
                StructLike partition, Schema rowSchema) throws IOException {
            return switch (format) {
                case PARQUET -> Parquet.writeDeletes(file).createWriterFunc(GenericParquetWriter::create)
                        .withPartition(partition).rowSchema(rowSchema).withSpec(spec).buildPositionWriter();
                case AVRO -> Avro.writeDeletes(file).createWriterFunc(DataWriter::create).withPartition(partition)
                        .rowSchema(rowSchema).withSpec(spec).buildPositionWriter();
                default -> throw new UnsupportedOperationException("position deletes in " + format);
            };
        }
    }
}
