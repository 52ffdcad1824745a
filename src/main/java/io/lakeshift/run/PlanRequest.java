package io.lakeshift.run;

import io.lakeshift.plan.FileRules;
import io.lakeshift.source.Source;
import io.lakeshift.target.Target;
import java.io.Serializable;

/**
 * What a cluster needs to plan a run on its executors ({@link Cluster#plan}).
 *
 * @param rules the per-file rules, the same the driver's planner applies
 * @param source the source, listed in parts ({@link Source#listsInParts})
 * @param target the target, listed by key range where it can ({@link Target#listsByRange})
 * @param history the earlier runs' part files, read on the executors
 * @param partitions wanted partitions, or 0 to choose from the bytes and the cluster's parallelism
 * @param findTables whether a listing holding a Delta or Iceberg table is handed back to the driver's planning
 * @param emptyFolders whether the empty folders are listed too, as zero-byte markers ({@code --keep-markers} to
 *     OCI, {@link Source#listEmptyFolders(String, java.util.function.Consumer)})
 */
public record PlanRequest(FileRules rules, Source source, Target target, HistoryReader history, int partitions,
        boolean findTables, boolean emptyFolders) implements Serializable {}
