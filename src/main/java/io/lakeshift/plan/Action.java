package io.lakeshift.plan;

/** What a run does with one file or object. */
public enum Action {
    /** Copy: the target does not exist. */
    COPY_NEW,
    /** Copy: the target exists and differs (or --overwrite always). */
    COPY_UPDATE,
    /** Nothing to send: the target holds this version (by the fingerprint recorded at its copy). */
    SKIP_EQUAL,
    /** The target exists with the same size but no recorded fingerprint to compare: the executor reads the
     * object's metadata (one HEAD), then copies or skips. */
    CHECK,
    /** sync: a target object with no source file. */
    DELETE,
    /** Left out by a filter or by --overwrite never. */
    EXCLUDE,
    /** Not attempted: the source file sits in an archive tier (S3 Glacier, Azure Archive) and must be restored
     * first; with --restore the run asks the source to restore it, and a later run copies it. */
    ARCHIVED;

    public boolean sendsBytes() {
        return this == COPY_NEW || this == COPY_UPDATE;
    }
}
