package io.lakeshift.target;

import io.lakeshift.io.Retry;

import io.lakeshift.config.TransferSettings;
import io.lakeshift.model.TargetLocation;
import io.lakeshift.model.TargetObject;
import java.io.IOException;
import java.io.Serializable;
import java.util.Map;
import java.util.function.Consumer;
import io.lakeshift.model.NameOrder;

/**
 * A run's target: what the driver needs to plan (its listing, its leftovers) and what each executor needs to
 * write (a sink). Built on the driver from serializable settings; clients are made where they are used.
 */
public interface Target extends Serializable {
    TargetLocation location();

    /**
     * Every object below the location, by name, from paged listings (no per-object request); a folder not made
     * yet holds nothing.
     *
     * @throws io.lakeshift.io.NotFoundException naming the target, when its bucket or container does not exist
     * @throws IOException naming the target, for any other failure of the listing (typed by the backend)
     */
    Map<String, TargetObject> objects() throws IOException;

    /**
     * Whether {@link #objects(String, String, Consumer)} lists its range alone (paged listings bounded by the
     * range, or a walk that leaves out folders outside it), so that a cluster can split the listing by key range.
     */
    default boolean listsByRange() {
        return false;
    }

    /**
     * Whether a range's listing is bounded inside a folder too (a flat listing by name, as OCI's {@code start} and
     * {@code end}), so that ranges may cut one folder: a walk that lists each folder whole (a Hadoop file system)
     * would list a folder cut into k ranges k times.
     */
    default boolean splitsFolders() {
        return false;
    }

    /**
     * The objects below the location whose names lie in {@code [from, to)} in {@link NameOrder} (a null bound is
     * open), handed to {@code each} as listed. This default lists everything and keeps the range.
     *
     * @throws IOException as {@link #objects()} throws it
     */
    default void objects(String from, String to, Consumer<TargetObject> each) throws IOException {
        for (TargetObject o : objects().values()) {
            if (NameOrder.inRange(o.name(), from, to)) {
                each.accept(o);
            }
        }
    }

    /** Aborts unfinished uploads below the location started before {@code before} (epoch millis); how many. */
    int abortLeftovers(long before) throws IOException;

    /** A sink for one task. */
    ObjectSink openSink(TransferSettings settings, Retry retry) throws IOException;

    /**
     * A sink for one task of a run started at {@code runStart} (epoch millis); where the target can, it continues
     * the unfinished uploads earlier runs left of the files it is given, instead of sending them whole again.
     */
    default ObjectSink openSink(TransferSettings settings, Retry retry, long runStart) throws IOException {
        return openSink(settings, retry);
    }
}
