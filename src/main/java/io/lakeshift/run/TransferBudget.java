package io.lakeshift.run;

import io.lakeshift.plan.Action;
import io.lakeshift.plan.PlannedFile;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --max-transfer}, decided on the driver before any task starts, so no executor has to know what the others
 * sent: the files that fit the budget are kept, taken in turn from each partition so every task gets its share,
 * and each file that would go over it is held back for the next run (a smaller one after it may still fit). A
 * file's cost is its size if it may send bytes (a copy, or a check that may turn into one); retries are not
 * counted. Nothing is ever cut off in the middle of a file.
 */
final class TransferBudget {
    /** The partitions to run, and the files held back with their bytes. */
    record Selection(List<List<PlannedFile>> partitions, long heldBack, long heldBackBytes) {}

    private TransferBudget() {}

    static Selection select(List<List<PlannedFile>> partitions, long budget) {
        List<List<PlannedFile>> kept = new ArrayList<>();
        int longest = 0;
        for (List<PlannedFile> p : partitions) {
            kept.add(new ArrayList<>());
            longest = Math.max(longest, p.size());
        }
        long left = budget;
        long held = 0;
        long heldBytes = 0;
        for (int i = 0; i < longest; i++) {
            for (int p = 0; p < partitions.size(); p++) {
                if (i >= partitions.get(p).size()) {
                    continue;
                }
                PlannedFile f = partitions.get(p).get(i);
                long cost = cost(f);
                if (cost <= left) {
                    left -= cost;
                    kept.get(p).add(f);
                } else {
                    held++;
                    heldBytes += f.sourceSize();
                }
            }
        }
        kept.removeIf(List::isEmpty);
        return new Selection(kept, held, heldBytes);
    }

    static long cost(PlannedFile f) {
        return f.action().sendsBytes() || f.action() == Action.CHECK ? f.sourceSize() : 0;
    }
}
