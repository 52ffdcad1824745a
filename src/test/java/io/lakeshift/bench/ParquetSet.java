package io.lakeshift.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * The benchmark's parquet data set, shaped like the original sample data set (and like
 * {@link io.lakeshift.job.SampleLake}, without Spark): a datetime index, one reading a minute from 2021-01-01,
 * and 22 columns of random doubles, split in equal runs of rows over N Snappy-compressed Parquet files, each in
 * the {@code year=Y/month=M} folder of its first row. Random doubles do not compress, so a file is about
 * 8 bytes × 23 columns × its rows.
 */
final class ParquetSet {
    static final int VALUE_COLUMNS = 22;
    private static final long START = LocalDateTime.of(2021, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);

    private ParquetSet() {}

    static MessageType schema() {
        Types.MessageTypeBuilder message = Types.buildMessage();
        message.required(PrimitiveTypeName.INT64)
                .as(LogicalTypeAnnotation.timestampType(false, LogicalTypeAnnotation.TimeUnit.MICROS)).named("datetime");
        for (int i = 1; i <= VALUE_COLUMNS; i++) {
            message.required(PrimitiveTypeName.DOUBLE).named(String.format(Locale.ROOT, "value_%02d", i));
        }
        return message.named("readings");
    }

    /** Writes {@code rows} rows in {@code files} files below {@code dir}; every file gets its MD5 attribute. */
    static void write(Path dir, long rows, int files) throws IOException {
        MessageType schema = schema();
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        SplittableRandom random = new SplittableRandom(7);
        long first = 0;
        for (int f = 0; f < files; f++) {
            long end = rows * (f + 1) / files;
            LocalDateTime at = LocalDateTime.ofEpochSecond(START + first * 60, 0, ZoneOffset.UTC);
            Path file = dir.resolve(String.format(Locale.ROOT, "year=%d/month=%02d/part-%05d.parquet",
                    at.getYear(), at.getMonthValue(), f));
            Files.createDirectories(file.getParent());
            LocalFile out = new LocalFile(file);
            try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(out)
                    .withConf(new Configuration(false)).withType(schema)
                    .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                    .withCompressionCodec(CompressionCodecName.SNAPPY)
                    .withDictionaryEncoding(false) // random doubles: a dictionary is only thrown away again
                    .build()) {
                for (long row = first; row < end; row++) {
                    Group g = groups.newGroup();
                    g.add(0, (START + row * 60) * 1_000_000L);
                    for (int i = 1; i <= VALUE_COLUMNS; i++) {
                        g.add(i, random.nextDouble() * 100);
                    }
                    writer.write(g);
                }
            }
            // jclouds' filesystem store answers an ETag only from this attribute (see MigrationBench.generate).
            Files.getFileAttributeView(file, UserDefinedFileAttributeView.class)
                    .write("content-md5", ByteBuffer.wrap(out.md5.digest()));
            first = end;
        }
    }

    /** A local file for the Parquet writer, without Hadoop's file system (which would add .crc files). */
    private static final class LocalFile implements OutputFile {
        private final Path path;
        private final MessageDigest md5;

        LocalFile(Path path) {
            this.path = path;
            try {
                this.md5 = MessageDigest.getInstance("MD5");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public PositionOutputStream create(long blockSizeHint) throws IOException {
            return createOrOverwrite(blockSizeHint);
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
            OutputStream out = new DigestOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(path),
                    1 << 16), md5);
            return new PositionOutputStream() {
                private long pos;

                @Override
                public long getPos() {
                    return pos;
                }

                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    pos++;
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    pos += len;
                }

                @Override
                public void flush() throws IOException {
                    out.flush();
                }

                @Override
                public void close() throws IOException {
                    out.close();
                }
            };
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }
    }
}
