package io.lakeshift.job;

import io.lakeshift.io.Errors;
import io.lakeshift.model.SourceFile;
import io.lakeshift.source.Source;
import io.lakeshift.source.SourceException;
import java.io.PrintStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;

/**
 * {@code --files-from} with {@code --files-from-lookup}: the manifest read as a Dataset, each named path looked up
 * in the source on the executors ({@link Source#lookup}: one HEAD or getFileStatus), never the source listed.
 */
public final class PathLookup {
    /** Missing paths named on the driver's line; the rest are counted. */
    static final int NAMED_MISSING = 10;

    private PathLookup() {}

    /** One named path and the file it names, or null when the source holds no such file. */
    public record Looked(String path, SourceFile file) implements Serializable {}

    /** Every path the manifest names (once), looked up on the cluster. */
    public static JavaRDD<Looked> lookups(SparkSession spark, Source source, String manifest,
            Map<String, String> hadoopProperties) {
        return paths(spark, manifest, hadoopProperties).mapPartitions(paths -> lookUp(source, paths));
    }

    /** How many distinct paths the manifest names, counted on the executors, none looked up. */
    static long count(SparkSession spark, Source source, String manifest, Map<String, String> hadoopProperties)
            throws SourceException {
        try {
            return paths(spark, manifest, hadoopProperties).count();
        } catch (RuntimeException e) {
            throw failed(source, manifest, e);
        }
    }

    /** The distinct paths the manifest names (blank lines and '#' comments left out, no leading '/'). */
    static JavaRDD<String> paths(SparkSession spark, String manifest, Map<String, String> hadoopProperties) {
        int partitions = Math.max(1, spark.sparkContext().defaultParallelism() * 4);
        return spark.read().options(hadoopProperties).textFile(manifest).javaRDD()
                .map(String::strip)
                .filter(p -> !p.isEmpty() && !p.startsWith("#"))
                .map(p -> p.startsWith("/") ? p.substring(1) : p)
                .distinct(partitions);
    }

    /**
     * The files found handed to {@code sink} on the driver, a partition at a time; the paths that name no file are
     * reported on {@code out}.
     */
    public static void forEach(SparkSession spark, Source source, String manifest, Map<String, String> hadoopProperties,
            Consumer<SourceFile> sink, PrintStream out) throws SourceException {
        long missing = 0;
        List<String> named = new ArrayList<>();
        try {
            Iterator<Looked> it = lookups(spark, source, manifest, hadoopProperties).toLocalIterator();
            while (it.hasNext()) {
                Looked l = it.next();
                if (l.file() != null) {
                    sink.accept(l.file());
                } else {
                    missing++;
                    if (named.size() < NAMED_MISSING) {
                        named.add(l.path());
                    }
                }
            }
        } catch (RuntimeException e) {
            throw failed(source, manifest, e);
        }
        reportMissing(out, source, missing, named);
    }

    /**
     * The files found, for planning on the cluster: the lookups are kept ({@code keeper}, released with the plan)
     * so that counting the paths that name no file, reported on {@code out} here, does not look every path up
     * twice.
     */
    static JavaRDD<SourceFile> files(SparkSession spark, Source source, String manifest,
            Map<String, String> hadoopProperties, PrintStream out, DistributedPlanner.Keeper keeper)
            throws SourceException {
        JavaRDD<Looked> looked = keeper.keep(lookups(spark, source, manifest, hadoopProperties));
        try {
            JavaRDD<Looked> gone = looked.filter(l -> l.file() == null);
            long missing = gone.count();
            reportMissing(out, source, missing, missing == 0 ? List.of() : gone.map(Looked::path).take(NAMED_MISSING));
        } catch (RuntimeException e) {
            throw failed(source, manifest, e);
        }
        return looked.filter(l -> l.file() != null).map(Looked::file);
    }

    private static void reportMissing(PrintStream out, Source source, long missing, List<String> named) {
        if (missing > 0) {
            out.printf("lakeshift: --files-from: %,d named path(s) are no file in %s: %s%s%n", missing, source.root(),
                    String.join(", ", named), missing > named.size() ? ", ..." : "");
        }
    }

    private static SourceException failed(Source source, String manifest, RuntimeException e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return new SourceException("cannot look up the paths of --files-from " + manifest + " in " + source.root()
                + ": " + Errors.oneLine(t), e);
    }

    private static Iterator<Looked> lookUp(Source source, Iterator<String> paths) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return paths.hasNext();
            }

            @Override
            public Looked next() {
                String path = paths.next();
                try {
                    return new Looked(path, source.lookup(path));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e.getMessage(), e);
                }
            }
        };
    }
}
