package io.lakeshift.plan;

import io.lakeshift.config.Overwrite;
import io.lakeshift.model.Fingerprint;
import io.lakeshift.model.SourceFile;
import io.lakeshift.model.TargetObject;

/**
 * Compare, then act: what to do with a source file given the object at its name and what an earlier run
 * recorded about that object. Decided from listings alone; only an object with no usable record is left to a
 * {@link Action#CHECK} of its metadata.
 */
public final class Decision {
    private Decision() {}

    public static Action decide(SourceFile source, TargetObject target, CopyRecord recorded, Overwrite overwrite) {
        if (target == null) {
            return Action.COPY_NEW;
        }
        if (overwrite == Overwrite.ALWAYS) {
            return Action.COPY_UPDATE;
        }
        Action changed = overwrite == Overwrite.NEVER ? Action.EXCLUDE : Action.COPY_UPDATE;
        if (target.size() != source.size()) {
            return changed;
        }
        if (recorded != null && recorded.targetEtag() != null && recorded.targetEtag().equals(target.etag())) {
            return recorded.source().sameVersionAs(Fingerprint.of(source)) ? Action.SKIP_EQUAL : changed;
        }
        return Action.CHECK;
    }

    /** The decision once the object's metadata is read, for a {@link Action#CHECK}. */
    public static Action afterCheck(SourceFile source, Fingerprint recorded, Overwrite overwrite) {
        if (Fingerprint.of(source).sameVersionAs(recorded)) {
            return Action.SKIP_EQUAL;
        }
        return overwrite == Overwrite.NEVER ? Action.EXCLUDE : Action.COPY_UPDATE;
    }
}
