package io.lakeshift.config;

/** --planning: where the run lists the source and the target and plans (docs/architecture.md). */
public enum Planning {
    /** Locally below a few hundred thousand source files (the driver is faster there), on the cluster above. */
    AUTO,
    /** On the driver: the listing, the target's listing and the history are held in its memory. */
    LOCAL,
    /** On the executors: the driver holds only counts and totals. */
    DISTRIBUTED
}
