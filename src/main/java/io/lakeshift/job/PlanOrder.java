package io.lakeshift.job;

import io.lakeshift.plan.FileRules;
import io.lakeshift.plan.PlannedFile;
import java.io.Serializable;
import java.util.Comparator;

/** The orders a distributed plan sorts or picks rows by; serializable, as Spark ships them. */
final class PlanOrder {
    private PlanOrder() {}

    /** Heaviest first (the balancing order), then by name, so that the order is total. */
    static final class Heaviest implements Comparator<PlannedFile>, Serializable {
        @Override
        public int compare(PlannedFile a, PlannedFile b) {
            int c = Long.compare(FileRules.cost(b), FileRules.cost(a));
            return c != 0 ? c : a.objectName().compareTo(b.objectName());
        }
    }

    /** Largest source file first, then by name. */
    static final class Largest implements Comparator<PlannedFile>, Serializable {
        @Override
        public int compare(PlannedFile a, PlannedFile b) {
            int c = Long.compare(b.sourceSize(), a.sourceSize());
            return c != 0 ? c : a.objectName().compareTo(b.objectName());
        }
    }

    /** Smallest source file first, then by path (the source read check's order). */
    static final class Smallest implements Comparator<PlannedFile>, Serializable {
        @Override
        public int compare(PlannedFile a, PlannedFile b) {
            int c = Long.compare(a.sourceSize(), b.sourceSize());
            return c != 0 ? c : a.relativePath().compareTo(b.relativePath());
        }
    }

    /** A sort key for the balancing order: heaviest first, then by name. */
    record Weight(long cost, String name) implements Comparable<Weight>, Serializable {
        @Override
        public int compareTo(Weight o) {
            int c = Long.compare(o.cost, cost);
            return c != 0 ? c : name.compareTo(o.name);
        }
    }
}
