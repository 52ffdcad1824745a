package io.lakeshift.emulator.storage;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What the REST layer needs from a store. Errors are {@link io.lakeshift.emulator.OciException}s.
 * Bodies are first staged (no lock held while bytes flow) and then committed atomically.
 */
public interface Storage extends Closeable {

    BucketRecord createBucket(BucketRecord bucket);

    Optional<BucketRecord> bucket(String name);

    /** All buckets in name order. */
    List<BucketRecord> buckets();

    void deleteBucket(String name, String ifMatch);

    /**
     * Reads exactly {@code length} bytes (or to end of stream when {@code length < 0}) into an unreferenced blob,
     * computing MD5 (and SHA-256 when asked). A short body throws {@link IncompleteBodyException} and leaves nothing.
     */
    StagedBody stage(InputStream in, long length, boolean sha256) throws IOException;

    /** Throws away a staged body that will not be committed. */
    void discard(StagedBody body);

    ObjectRecord putObject(String bucket, ObjectWrite write, StagedBody body, Precondition precondition);

    Optional<ObjectRecord> object(String bucket, String name);

    /** The object's record and its opened body; the caller closes the blob. */
    OpenedObject open(String bucket, String name) throws IOException;

    /**
     * Replaces an object's record with {@code change(current)} in one atomic step (tier, restore state); the name
     * and body stay. {@code change} may throw an OciException to refuse. 404 when there is no such object.
     */
    ObjectRecord updateObject(String bucket, String name, UnaryOperator<ObjectRecord> change);

    ObjectRecord deleteObject(String bucket, String name, String ifMatch);

    ObjectRecord renameObject(String bucket, String source, String target, Precondition sourceCondition,
                              Precondition targetCondition);

    ObjectListing list(String bucket, ListQuery query);

    UploadRecord createUpload(String bucket, ObjectWrite write);

    UploadRecord upload(String bucket, String object, String uploadId);

    /**
     * Stores a part, replacing one with the same number; {@code precondition} (UploadPart's if-match and
     * if-none-match) is checked against the part already uploaded with that number, atomically with the replacement.
     */
    PartRecord putPart(String bucket, String object, String uploadId, int partNumber, StagedBody body,
                       Precondition precondition);

    /** Parts in part-number order. */
    List<PartRecord> parts(String bucket, String object, String uploadId);

    /** In-progress uploads ordered by object name then creation time. */
    List<UploadRecord> uploads(String bucket);

    ObjectRecord commitUpload(String bucket, String object, String uploadId, List<PartRef> partsToCommit,
                              List<Integer> partsToExclude, Precondition precondition) throws IOException;

    void abortUpload(String bucket, String object, String uploadId);

    /** A part named in a commit request. */
    record PartRef(int partNum, String etag) {
    }

    /** An object's record with its body opened. */
    record OpenedObject(ObjectRecord record, Blob blob) {
    }
}
