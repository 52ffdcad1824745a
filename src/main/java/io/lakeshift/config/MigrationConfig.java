package io.lakeshift.config;

import io.lakeshift.secrets.Secrets;


import io.lakeshift.model.TargetLocation;
import java.io.Serializable;
import java.util.List;

/**
 * Every setting of one run, read once from the command line and the {@code --conf} file, and validated. Secrets
 * are never held here in clear: nothing in this record may be printed with harm.
 */
public record MigrationConfig(
        String source,
        TargetLocation target,
        OciSettings oci,
        String log,
        String runId,
        int partitions,
        TransferSettings transfer,
        List<String> skip,
        int progressIntervalSeconds,
        String master,
        Mode mode,
        Overwrite overwrite,
        long maxDelete,
        boolean dryRun,
        FilterSettings filters,
        long estimateRate,
        SourceSettings sources,
        LimitSettings limits,
        boolean keepMarkers,
        PlanSettings plan,
        ObjectSettings objects,
        TableSettings tables) implements Serializable {

    public MigrationConfig {
        skip = List.copyOf(skip);
        sources = sources == null ? SourceSettings.defaults() : sources;
        limits = limits == null ? LimitSettings.none() : limits;
        plan = plan == null ? PlanSettings.defaults() : plan;
        objects = objects == null ? ObjectSettings.defaults() : objects;
        tables = tables == null ? TableSettings.defaults() : tables;
    }

    /**
     * Tries per request and per file ({@code --max-attempts}): for every request of the run, the listings, the log
     * store and the target check included.
     */
    public int maxAttempts() {
        return transfer.maxAttempts();
    }
}
