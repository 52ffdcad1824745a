package io.lakeshift.run;

import io.lakeshift.config.OciSettings;
import io.lakeshift.io.Retry;
import io.lakeshift.log.LogStore;
import io.lakeshift.log.LogStores;
import io.lakeshift.plan.CopyRecord;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The earlier runs' records, read where they are needed: the driver only chooses the part files (names, oldest
 * first, as {@link RunHistory} does); each executor reads its share of them. A record in a later part wins, and a
 * later line of the same part ({@link #order}).
 */
public final class HistoryReader implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String logRoot;
    private final OciSettings oci;
    private final HashMap<String, String> stores;
    private final int attempts;
    private final ArrayList<String> parts;

    HistoryReader(String logRoot, OciSettings oci, Map<String, String> stores, int attempts, List<String> parts) {
        this.logRoot = logRoot;
        this.oci = oci;
        this.stores = new HashMap<>(stores);
        this.attempts = attempts;
        this.parts = new ArrayList<>(parts);
    }

    /** How many part files hold the history. */
    public int parts() {
        return parts.size();
    }

    /** The records of the part at {@code index}, in its order. */
    public List<CopyRecord> read(int index) throws IOException {
        LogStore logs = LogStores.open(logRoot, oci, stores, Retry.attempts(attempts));
        return RunHistory.records(logs, parts.get(index));
    }

    /** Which of two records of one name wins: the larger order. */
    public static long order(int part, int line) {
        return ((long) part << 32) | line;
    }
}
