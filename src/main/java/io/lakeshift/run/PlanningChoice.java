package io.lakeshift.run;

import io.lakeshift.config.MigrationConfig;
import io.lakeshift.config.Planning;
import io.lakeshift.model.OciLocation;
import io.lakeshift.model.SourceFile;
import io.lakeshift.model.TargetLocation;
import io.lakeshift.source.Source;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * --planning: whether this run plans on the driver or on the cluster. {@code auto} starts listing the source on
 * the driver and keeps what it listed: a source that ends below {@link #AUTO_LOCAL_FILES} files is planned there
 * from that listing (listed once); a larger one goes to the cluster, which lists it again in parallel.
 */
final class PlanningChoice {
    /**
     * Below this many source files the driver plans: its listing, maps and balancing cost about 19 µs and 390 B a
     * file (docs/benchmarks.md), so 200,000 files take about 4 s and 80 MB, while a distributed plan pays its Spark
     * jobs (levels, the join's shuffle, the sort; about a dozen) whatever the size. Measured on local[2] with 20,000
     * files (one dry run each way after a warm-up): 8.4 s on the driver, 47.7 s on the cluster, where the
     * "executors" share the driver's two cores; the crossover on a real cluster is still to be measured (the
     * standalone cluster fixture), so this is an estimate that keeps every run today's size on the driver.
     */
    static final int AUTO_LOCAL_FILES = 200_000;

    /**
     * @param distributed plan on the cluster
     * @param listed the source as {@code auto} listed it (all of it), for the driver's planning; null: list it
     */
    record Choice(boolean distributed, List<SourceFile> listed) {
        /** Lists the source for the driver's planner: what {@code auto} already listed, or the source itself. */
        void list(Source source, Consumer<SourceFile> sink) throws IOException {
            if (listed == null) {
                source.list(sink);
            } else {
                listed.forEach(sink);
            }
        }
    }

    private PlanningChoice() {}

    static Choice choose(MigrationConfig config, Cluster cluster, Source source, TargetLocation location,
            PrintStream out) throws IOException {
        Planning planning = config.plan().planning();
        if (planning == Planning.LOCAL || !cluster.plansDistributed()) {
            return new Choice(false, null);
        }
        String local = localOnly(config, cluster, source, location);
        if (local != null) {
            if (planning == Planning.DISTRIBUTED) {
                out.println("lakeshift: --planning distributed: planned on the driver, " + local);
            }
            return new Choice(false, null);
        }
        if (planning == Planning.DISTRIBUTED) {
            return new Choice(true, null);
        }
        List<SourceFile> listed = new ArrayList<>();
        try {
            source.list(f -> {
                if (listed.size() >= AUTO_LOCAL_FILES) {
                    throw new Enough();
                }
                listed.add(f);
            });
        } catch (IOException | RuntimeException e) {
            if (!stopped(e)) {
                throw e;
            }
            out.printf("lakeshift: --planning auto: over %,d source files, planned on the cluster%n", AUTO_LOCAL_FILES);
            return new Choice(true, null);
        }
        return new Choice(false, listed);
    }

    /** Why this run is planned on the driver whatever --planning says, or null. */
    private static String localOnly(MigrationConfig config, Cluster cluster, Source source,
            TargetLocation location) {
        if (!source.listsInParts() && !cluster.listsOnCluster(source)) {
            return "as source " + source.root() + " is listed whole";
        }
        if (config.keepMarkers() && location instanceof OciLocation) {
            return "as --keep-markers lists the empty folders";
        }
        if (config.limits().maxTransfer() != null) {
            return "as --max-transfer chooses the files that fit";
        }
        return null;
    }

    /** Whether the listing ended because {@code auto} stopped it (a source may wrap what its sink throws). */
    private static boolean stopped(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Enough) {
                return true;
            }
        }
        return false;
    }

    /** Stops the bounded listing of {@code auto}. */
    private static final class Enough extends RuntimeException {
        Enough() {
            super(null, null, false, false);
        }
    }
}
