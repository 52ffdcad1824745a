package io.lakeshift.log;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns of the migration log, read from {@link MigrationRecord}'s components: one list that the JSON lines,
 * the Parquet files and the ADW table ({@code docs/adw/log_table.sql}, checked by a test) all follow, so a field
 * added to the record reaches all three or fails the build.
 *
 * <p>Names are the JSON names (snake_case). Types: {@code String} and enums are {@link Type#TEXT}, except the
 * dates ({@code *_date}, {@code *_modified}, written as {@code yyyy-MM-dd HH:mm:ss} UTC in JSON), which are
 * {@link Type#TIMESTAMP}; {@code int}/{@code Integer} are {@link Type#INTEGER}; {@code long}/{@code Long} are
 * {@link Type#BIGINT}; {@code double}/{@code Double} are {@link Type#DOUBLE}. A primitive component is required
 * (never null); any other type is an error naming the field.
 */
public final class LogSchema {
    /** A column's type, independent of the format. */
    public enum Type {
        TEXT, INTEGER, BIGINT, DOUBLE, TIMESTAMP
    }

    /**
     * @param name snake_case name, as in the JSON lines
     * @param type its type
     * @param required true when it is never null
     * @param component the record component it is read from
     */
    public record Column(String name, Type type, boolean required, RecordComponent component) {
        /** This column's value in a record (for TIMESTAMP columns, the date string as in JSON). */
        public Object valueOf(MigrationRecord record) {
            try {
                return component.getAccessor().invoke(record);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + name + " of a log record", e);
            }
        }
    }

    private static final List<Column> COLUMNS = read();

    private LogSchema() {}

    /** Every column, in the record's (and the JSON's) order. */
    public static List<Column> columns() {
        return COLUMNS;
    }

    private static List<Column> read() {
        PropertyNamingStrategies.SnakeCaseStrategy snake = new PropertyNamingStrategies.SnakeCaseStrategy();
        List<Column> columns = new ArrayList<>();
        for (RecordComponent c : MigrationRecord.class.getRecordComponents()) {
            String name = snake.translate(c.getName());
            columns.add(new Column(name, typeOf(name, c.getType()), c.getType().isPrimitive(), c));
        }
        return List.copyOf(columns);
    }

    private static Type typeOf(String name, Class<?> javaType) {
        if (javaType == String.class) {
            return name.endsWith("_date") || name.endsWith("_modified") ? Type.TIMESTAMP : Type.TEXT;
        }
        if (javaType.isEnum()) {
            return Type.TEXT;
        }
        if (javaType == int.class || javaType == Integer.class) {
            return Type.INTEGER;
        }
        if (javaType == long.class || javaType == Long.class) {
            return Type.BIGINT;
        }
        if (javaType == double.class || javaType == Double.class) {
            return Type.DOUBLE;
        }
        throw new IllegalStateException("log field " + name + " has type " + javaType.getName()
                + ", which LogSchema does not map to a column type; add it there and to docs/adw/log_table.sql");
    }
}
