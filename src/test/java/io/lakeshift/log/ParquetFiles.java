package io.lakeshift.log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;

/** Reads Parquet bytes back with parquet-hadoop's own reader, for tests. */
public final class ParquetFiles {
    private ParquetFiles() {}

    public static MessageType schema(byte[] parquet, Path dir) throws IOException {
        org.apache.hadoop.fs.Path file = store(parquet, dir);
        try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(file, new Configuration()))) {
            return r.getFooter().getFileMetaData().getSchema();
        }
    }

    public static List<Group> rows(byte[] parquet, Path dir) throws IOException {
        org.apache.hadoop.fs.Path file = store(parquet, dir);
        List<Group> rows = new ArrayList<>();
        try (ParquetReader<Group> r = ParquetReader.builder(new GroupReadSupport(), file).build()) {
            for (Group g = r.read(); g != null; g = r.read()) {
                rows.add(g);
            }
        }
        return rows;
    }

    private static org.apache.hadoop.fs.Path store(byte[] parquet, Path dir) throws IOException {
        Path file = Files.createTempFile(dir, "log", ".parquet");
        Files.write(file, parquet);
        return new org.apache.hadoop.fs.Path(file.toUri());
    }
}
