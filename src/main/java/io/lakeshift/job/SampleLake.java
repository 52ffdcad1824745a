package io.lakeshift.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.year;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The sample lake of the demo, shaped like the original sample data set: a datetime index (one reading a minute
 * from 2021-01-01) and 22 float columns, written as Parquet in year/month partition folders, plus one single
 * large Parquet file for the multipart path.
 */
public final class SampleLake {
    public static final int FLOAT_COLUMNS = 22;

    private SampleLake() {}

    /**
     * Writes {@code rows} rows below {@code lake}/readings, and {@code largeFileRows} rows as one file,
     * {@code lake}/archive/readings-all.parquet.
     */
    public static void generate(SparkSession spark, Path lake, long rows, long largeFileRows) throws IOException {
        spark.sparkContext().setJobDescription("lakeshift demo: generate sample lake");
        readings(spark, rows, 1)
                .withColumn("year", year(col("datetime")))
                .withColumn("month", month(col("datetime")))
                .repartition(col("year"), col("month"))
                .write().mode(SaveMode.Overwrite).partitionBy("year", "month")
                .parquet(lake.resolve("readings").toUri().toString());

        Path staging = lake.resolveSibling(lake.getFileName() + "-staging");
        readings(spark, largeFileRows, 2).coalesce(1)
                .write().mode(SaveMode.Overwrite).parquet(staging.toUri().toString());
        Path large = lake.resolve("archive/readings-all.parquet");
        Files.createDirectories(large.getParent());
        try (Stream<Path> files = Files.list(staging)) {
            Path part = files.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst()
                    .orElseThrow(() -> new IOException("Spark wrote no Parquet file into " + staging));
            Files.move(part, large, StandardCopyOption.REPLACE_EXISTING);
        }
        deleteTree(staging);
        spark.sparkContext().setJobDescription(null);
    }

    private static Dataset<Row> readings(SparkSession spark, long rows, int seed) {
        List<Column> columns = new ArrayList<>();
        columns.add(expr("timestamp_seconds(1609459200 + id * 60)").as("datetime"));
        for (int i = 1; i <= FLOAT_COLUMNS; i++) {
            columns.add(expr("cast(rand(" + (seed * 100 + i) + ") * 100 as float)").as(String.format("value_%02d", i)));
        }
        return spark.range(rows).select(columns.toArray(Column[]::new));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
