package io.lakeshift.log;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;

/**
 * The migration log as Parquet, one file per partition beside its JSON lines, for ADW external tables and Spark.
 * Columns follow {@link LogSchema}: text as UTF-8 strings, dates as {@code INT64 TIMESTAMP(MICROS, UTC)},
 * counts as INT32/INT64. Files are built in memory (a partition's log is small) and written whole through a
 * {@link LogStore}, so {@code oci://} needs no Hadoop file system.
 */
public final class ParquetLog {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final MessageType SCHEMA = schema();

    private ParquetLog() {}

    /** The Parquet file of one Spark partition. */
    public static String partFile(int partition) {
        return String.format("part-%05d.parquet", partition);
    }

    /** The Parquet schema, one field per {@link LogSchema} column, in order. */
    public static MessageType schema() {
        Types.MessageTypeBuilder message = Types.buildMessage();
        for (LogSchema.Column c : LogSchema.columns()) {
            Repetition repetition = c.required() ? Repetition.REQUIRED : Repetition.OPTIONAL;
            switch (c.type()) {
                case TEXT -> message.primitive(PrimitiveTypeName.BINARY, repetition)
                        .as(LogicalTypeAnnotation.stringType()).named(c.name());
                case INTEGER -> message.primitive(PrimitiveTypeName.INT32, repetition).named(c.name());
                case BIGINT -> message.primitive(PrimitiveTypeName.INT64, repetition).named(c.name());
                case DOUBLE -> message.primitive(PrimitiveTypeName.DOUBLE, repetition).named(c.name());
                case TIMESTAMP -> message.primitive(PrimitiveTypeName.INT64, repetition)
                        .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS))
                        .named(c.name());
            }
        }
        return message.named("migration_log");
    }

    /** One Parquet file (Snappy) holding these records, in order. */
    public static byte[] write(List<MigrationRecord> records) {
        MemoryFile file = new MemoryFile();
        try (ParquetWriter<MigrationRecord> writer = new Builder(file)
                .withConf(new Configuration(false))
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .build()) {
            for (MigrationRecord r : records) {
                writer.write(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the Parquet log: " + e.getMessage(), e);
        }
        return file.bytes.toByteArray();
    }

    /** Microseconds since the epoch (UTC) of a log date, or null for a missing or blank one. */
    static Long micros(String date) {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            LocalDateTime t = LocalDateTime.parse(date, DATE);
            return t.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + t.getNano() / 1_000;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("log date '" + date + "' is not yyyy-MM-dd HH:mm:ss", e);
        }
    }

    private static final class Builder extends ParquetWriter.Builder<MigrationRecord, Builder> {
        Builder(OutputFile file) {
            super(file);
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<MigrationRecord> getWriteSupport(Configuration conf) {
            return new RecordWriteSupport();
        }
    }

    /** Writes each record's columns, skipping nulls (optional fields). */
    private static final class RecordWriteSupport extends WriteSupport<MigrationRecord> {
        private RecordConsumer out;

        @Override
        public WriteContext init(Configuration configuration) {
            HashMap<String, String> meta = new HashMap<>();
            meta.put("writer", "lakeshift");
            return new WriteContext(SCHEMA, meta);
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.out = recordConsumer;
        }

        @Override
        public void write(MigrationRecord record) {
            out.startMessage();
            List<LogSchema.Column> columns = LogSchema.columns();
            for (int i = 0; i < columns.size(); i++) {
                LogSchema.Column c = columns.get(i);
                Object value = c.valueOf(record);
                if (c.type() == LogSchema.Type.TIMESTAMP) {
                    value = micros((String) value);
                }
                if (value == null) {
                    continue;
                }
                out.startField(c.name(), i);
                switch (c.type()) {
                    case TEXT -> out.addBinary(Binary.fromString(value instanceof Status s ? s.label()
                            : value.toString()));
                    case INTEGER -> out.addInteger(((Number) value).intValue());
                    case BIGINT, TIMESTAMP -> out.addLong(((Number) value).longValue());
                    case DOUBLE -> out.addDouble(((Number) value).doubleValue());
                }
                out.endField(c.name(), i);
            }
            out.endMessage();
        }
    }

    /** An in-memory {@link OutputFile}: the whole file ends up in {@link #bytes}. */
    private static final class MemoryFile implements OutputFile {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);

        @Override
        public PositionOutputStream create(long blockSizeHint) {
            return createOrOverwrite(blockSizeHint);
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) {
            bytes.reset();
            return new PositionOutputStream() {
                @Override
                public long getPos() {
                    return bytes.size();
                }

                @Override
                public void write(int b) {
                    bytes.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    bytes.write(b, off, len);
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
