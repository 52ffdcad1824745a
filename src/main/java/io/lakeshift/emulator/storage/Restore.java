package io.lakeshift.emulator.storage;

/**
 * A RestoreObjects request on an Archive object: readable from {@code readyAt} until {@code until} (epoch
 * milliseconds), after which it is archived again.
 */
public record Restore(long readyAt, long until) {
    /** OCI's archival states (ArchivalState, OCI Java SDK 3.77.2): Archived, Restoring, Restored. */
    public String state(long now) {
        return now < readyAt ? "Restoring" : now < until ? "Restored" : "Archived";
    }
}
