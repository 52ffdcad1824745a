package io.lakeshift.job;

import io.lakeshift.plan.Action;
import io.lakeshift.plan.FileRules;
import io.lakeshift.plan.PlannedFile;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.Map;

/** A distributed plan's counts, added up on the executors: all the driver learns of the rows. */
final class PlanTotals implements Serializable {
    private static final long serialVersionUID = 1L;
    final long[] counts = new long[Action.values().length];
    final long[] bytes = new long[Action.values().length];
    long sourceFiles;
    long sourceBytes;
    long cost;
    long rows;

    PlanTotals add(PlannedFile f) {
        int a = f.action().ordinal();
        counts[a]++;
        bytes[a] += f.action() == Action.DELETE ? f.target().size() : f.sourceSize();
        if (f.source() != null) {
            sourceFiles++;
            sourceBytes += f.sourceSize();
        }
        cost += FileRules.cost(f);
        rows++;
        return this;
    }

    PlanTotals merge(PlanTotals o) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += o.counts[i];
            bytes[i] += o.bytes[i];
        }
        sourceFiles += o.sourceFiles;
        sourceBytes += o.sourceBytes;
        cost += o.cost;
        rows += o.rows;
        return this;
    }

    /** Files and bytes per action, as the driver's plan gives them: actions with none are left out. */
    Map<Action, long[]> byAction() {
        Map<Action, long[]> m = new EnumMap<>(Action.class);
        for (Action a : Action.values()) {
            if (counts[a.ordinal()] > 0) {
                m.put(a, new long[] {counts[a.ordinal()], bytes[a.ordinal()]});
            }
        }
        return m;
    }
}
