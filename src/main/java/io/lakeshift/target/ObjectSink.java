package io.lakeshift.target;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Stores files as objects of one target and verifies each as it lands. One upload at a time: each Spark task opens
 * its own sink.
 *
 * <p>Contract of {@link #upload}: when it returns, the object holds exactly the bytes read and what the store
 * reports about it (size, and MD5 where the store gives one) matched what was read. When it throws, no object was
 * created from the partial bytes: an upload in progress is aborted, or, after a transient failure, may be kept open
 * for the next upload of the same object to continue (the next upload of another object, or {@link #close}, aborts
 * it); it is never committed by {@link #close}.
 */
public interface ObjectSink extends AutoCloseable {
    /**
     * Uploads exactly {@code size} bytes from {@code in} to {@code objectName}.
     *
     * @param properties user metadata (keys without a store prefix), content headers and tier; a store without
     *     them ignores them
     * @param check runs once all bytes are read, before the object is created
     * @throws io.lakeshift.io.ChangedException naming the object, if the source ended early or ran long (it
     *     changed since it was listed)
     * @throws io.lakeshift.io.PermanentException if what landed did not verify (the object was removed again)
     * @throws IOException naming the object, if the check threw or the store refused: the store's answer as its
     *     backend's translator types it ({@link io.lakeshift.io.TransientException} where trying again may help)
     */
    UploadResult upload(String objectName, InputStream in, long size, ObjectProperties properties, CommitCheck check)
            throws IOException;

    /** An upload with user metadata alone (no content headers, the store's default tier). */
    default UploadResult upload(String objectName, InputStream in, long size, Map<String, String> metadata,
            CommitCheck check) throws IOException {
        return upload(objectName, in, size, ObjectProperties.of(metadata), check);
    }

    /** Bytes this sink holds in memory while it uploads a file of {@code size} bytes below the multipart threshold. */
    long memoryFor(long size);

    /** The object's size, ETag and metadata, or null if there is none. */
    ObjectInfo head(String objectName) throws IOException;

    /**
     * Deletes an object if it is still the version {@code etag} names (null: any version); an object already gone
     * is not an error.
     *
     * @throws io.lakeshift.io.ChangedException when the object is another version now (it is kept)
     */
    void delete(String objectName, String etag) throws IOException;

    /** Reads an object back and returns the base64 MD5 of what the store serves. */
    String readMd5(String objectName) throws IOException;

    /** Releases threads and buffers; never commits anything. */
    @Override
    void close();
}
