package io.lakeshift.config;

import io.lakeshift.model.OciLocation;
import java.io.Serializable;
import java.util.List;

/** Every setting of one run, read once from the command line and the {@code --conf} file, and validated. */
public record MigrationConfig(
        String source,
        OciLocation target,
        OciSettings oci,
        String log,
        String runId,
        int partitions,
        TransferSettings transfer,
        List<String> skip,
        int progressIntervalSeconds,
        String master,
        SourceSettings sources) implements Serializable {

    public MigrationConfig {
        skip = List.copyOf(skip);
        sources = sources == null ? SourceSettings.defaults() : sources;
    }

    /** Settings with the default source settings. */
    public MigrationConfig(String source, OciLocation target, OciSettings oci, String log, String runId,
            int partitions, TransferSettings transfer, List<String> skip, int progressIntervalSeconds, String master) {
        this(source, target, oci, log, runId, partitions, transfer, skip, progressIntervalSeconds, master, null);
    }
}
