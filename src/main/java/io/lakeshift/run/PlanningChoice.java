package io.lakeshift.run;

import io.lakeshift.config.MigrationConfig;
import io.lakeshift.config.Planning;
import io.lakeshift.model.SourceFile;
import io.lakeshift.source.Source;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * --planning: whether this run plans on the driver or on the cluster. {@code auto} starts listing the source on
 * the driver and keeps what it listed: a source that ends below {@link #AUTO_LOCAL_FILES} files is planned there
 * from that listing (listed once); a larger one goes to the cluster, which lists it again in parallel. A
 * --files-from-lookup source is chosen by the count of its named paths instead ({@link Cluster#namedFiles}), so
 * that no path is looked up twice.
 */
final class PlanningChoice {
    /**
     * Below this many source files the driver plans. Measured (docs/benchmarks.md, "Planning at scale", 2026-12-02,
     * local[2] on a shared 2-core machine, dry runs at -Xmx1g): 10,000 files planned in 3.7 s on the driver and 50.4
     * s on the cluster (28.2 vs 47.9 CPU s for the whole run); 1,000,000 inventory rows in 278 s on the driver and
     * 1,377 s on the cluster (178 vs 358 CPU s) under load 16-28; 50,000 and 200,000 files in 9.3 and 28.2 s on
     * the driver against 39.8 and 58.9 s on the cluster (load 8-12), the driver's heap 30 MiB fuller at 200,000
     * (113.8 vs 83.3 MiB live at the plan). In local[N] the cluster path never wins on time
     * (its executors share the driver's cores and it pays a dozen Spark jobs and three shuffles); what it saves is
     * driver heap: the driver's path held 494 B a file (1M files: 471 MiB, half a 1g heap), the cluster's about
     * 12 B a file over a fixed ~60 MiB. So the threshold is set by memory, not time: 200,000 files cost the driver
     * about 100 MB, a fifth of a 1g driver's heap, and under a minute of planning even at that load; above it the
     * cluster plans.
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

    static Choice choose(MigrationConfig config, Cluster cluster, Source source, PrintStream out)
            throws IOException {
        Planning planning = config.plan().planning();
        if (planning == Planning.LOCAL || !cluster.plansDistributed()) {
            return new Choice(false, null);
        }
        String local = localOnly(config, cluster, source);
        if (local != null) {
            if (planning == Planning.DISTRIBUTED) {
                out.println("lakeshift: --planning distributed: planned on the driver, " + local);
            }
            return new Choice(false, null);
        }
        if (planning == Planning.DISTRIBUTED) {
            return new Choice(true, null);
        }
        long named = cluster.listsOnCluster(source) ? cluster.namedFiles(source) : -1;
        if (named > AUTO_LOCAL_FILES) {
            out.printf("lakeshift: --planning auto: %,d paths named, over %,d, planned on the cluster%n", named,
                    AUTO_LOCAL_FILES);
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
    private static String localOnly(MigrationConfig config, Cluster cluster, Source source) {
        if (!source.listsInParts() && !cluster.listsOnCluster(source)) {
            return "as source " + source.root() + " is listed whole";
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
