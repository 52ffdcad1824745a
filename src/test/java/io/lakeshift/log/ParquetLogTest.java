package io.lakeshift.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetLogTest {
    @TempDir
    Path dir;

    static final MigrationRecord COPIED = new MigrationRecord("dir/ADA-BKRW-01.parquet", 576195L,
            "raw/dir/ADA-BKRW-01.parquet", 576195L, "2021-09-30 11:12:13", "2021-09-30 11:12:15", "0:00:02",
            "2021-09-30 11:12:00", "20210930111200000000", Status.NEW, "1B2M2Y8AsgTpgAmY7PhCfg==", "\"0x8D9\"",
            "2021-09-01 00:00:00", "etag-1", 1, 2, 288097, 2000, 1_000_000L, 23, null, null, null, null, null, null, null, null, null, null);
    static final MigrationRecord FAILED = new MigrationRecord("dir/é 日本.bin", 10L, "raw/dir/é 日本.bin", null,
            "2021-09-30 11:12:14", "2021-09-30 11:12:14", "0:00:00", "2021-09-30 11:12:00", "20210930111200000000",
            Status.FAILED, null, null, "", null, 0, 5, 0, 3, null, null, null, "read 9 of 10 bytes", null, null, null, null, null, null, null, null);

    @Test
    void fileSchemaIsTheLogSchemaWithTimestampsAsMicros() throws Exception {
        MessageType schema = ParquetFiles.schema(ParquetLog.write(List.of(COPIED)), dir);
        List<LogSchema.Column> columns = LogSchema.columns();
        assertEquals(columns.size(), schema.getFieldCount());
        for (int i = 0; i < columns.size(); i++) {
            LogSchema.Column c = columns.get(i);
            PrimitiveType f = schema.getType(i).asPrimitiveType();
            assertEquals(c.name(), f.getName());
            assertEquals(c.required() ? Type.Repetition.REQUIRED : Type.Repetition.OPTIONAL, f.getRepetition(),
                    c.name());
            switch (c.type()) {
                case TEXT -> {
                    assertEquals(PrimitiveTypeName.BINARY, f.getPrimitiveTypeName(), c.name());
                    assertEquals(LogicalTypeAnnotation.stringType(), f.getLogicalTypeAnnotation(), c.name());
                }
                case INTEGER -> assertEquals(PrimitiveTypeName.INT32, f.getPrimitiveTypeName(), c.name());
                case BIGINT -> assertEquals(PrimitiveTypeName.INT64, f.getPrimitiveTypeName(), c.name());
                case DOUBLE -> assertEquals(PrimitiveTypeName.DOUBLE, f.getPrimitiveTypeName(), c.name());
                case TIMESTAMP -> {
                    assertEquals(PrimitiveTypeName.INT64, f.getPrimitiveTypeName(), c.name());
                    TimestampLogicalTypeAnnotation t = (TimestampLogicalTypeAnnotation) f.getLogicalTypeAnnotation();
                    assertEquals(LogicalTypeAnnotation.TimeUnit.MICROS, t.getUnit(), c.name());
                    assertTrue(t.isAdjustedToUTC(), c.name());
                }
            }
        }
    }

    @Test
    void rowsHoldTheRecordsValues() throws Exception {
        List<Group> rows = ParquetFiles.rows(ParquetLog.write(List.of(COPIED, FAILED)), dir);
        assertEquals(2, rows.size());
        Group a = rows.get(0);
        assertEquals("dir/ADA-BKRW-01.parquet", a.getString("source_name", 0));
        assertEquals(576195L, a.getLong("source_size", 0));
        assertEquals(576195L, a.getLong("target_size", 0));
        assertEquals(micros("2021-09-30T11:12:13Z"), a.getLong("start_date", 0));
        assertEquals(micros("2021-09-01T00:00:00Z"), a.getLong("source_modified", 0));
        assertEquals("new", a.getString("status", 0));
        assertEquals("0:00:02", a.getString("run_time", 0));
        assertEquals(2, a.getInteger("attempts", 0));
        assertEquals(1_000_000L, a.getLong("row_count", 0));
        assertEquals(23, a.getInteger("columns", 0));
        assertEquals(0, a.getFieldRepetitionCount("error"));

        Group b = rows.get(1);
        assertEquals("dir/é 日本.bin", b.getString("source_name", 0));
        assertEquals("failed", b.getString("status", 0));
        assertEquals("read 9 of 10 bytes", b.getString("error", 0));
        assertEquals(0, b.getFieldRepetitionCount("target_size"), "no target size for a failed file");
        assertEquals(0, b.getFieldRepetitionCount("source_modified"), "a blank date is null");
        assertEquals(0, b.getFieldRepetitionCount("md5"));
    }

    @Test
    void anEmptyPartitionStillWritesAReadableFile() throws Exception {
        byte[] file = ParquetLog.write(List.of());
        assertTrue(ParquetFiles.rows(file, dir).isEmpty());
        assertEquals("part-00007.parquet", ParquetLog.partFile(7));
    }

    @Test
    void aDateInAnotherFormatIsRefusedNotGuessed() {
        assertEquals(0L, ParquetLog.micros("1970-01-01 00:00:00"));
        assertEquals(null, ParquetLog.micros(" "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParquetLog.micros("2021-09-30T11:12:13Z"));
        assertTrue(e.getMessage().contains("yyyy-MM-dd HH:mm:ss"), e.getMessage());
    }

    @Test
    void schemaNamesAreTheJsonNames() throws Exception {
        List<String> json = new java.util.ArrayList<>(MigrationRecordTest.FIELDS);
        json.addAll(MigrationRecordTest.TABLE_FIELDS);
        assertEquals(json, LogSchema.columns().stream().map(LogSchema.Column::name).toList());
        assertFalse(json.isEmpty());
    }

    private static long micros(String instant) {
        return Instant.parse(instant).toEpochMilli() * 1000;
    }
}
