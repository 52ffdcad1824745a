package io.lakeshift.source;

import io.lakeshift.model.ObjectHeaders;
import io.lakeshift.model.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.function.Consumer;

/**
 * A lake to read. Implementations are serializable settings: they are built on the driver, shipped to executors,
 * and create their clients lazily where they run. They never print a credential: not in {@code toString}, not in
 * an error.
 */
public interface Source extends Serializable {
    /** The root this source lists, as the user gave it. */
    String root();

    /**
     * Builds the client the first request will need, without sending one (for s3a:// the S3A file system: the
     * AWS SDK's first use, some 1,500 classes to load), so that it can be done while Spark starts. A failure is
     * not reported here: the first request reports it as it always would.
     */
    default void prepare() {}

    /**
     * Lists every file below the root, recursively, in no particular order, handing each to {@code sink} as it
     * is found (the listing is never held whole). Directories and directory markers are not files. Each file has
     * its size and modification time, and its ETag and MD5 where the store lists them (null otherwise). A root
     * that is itself a file lists as that one file.
     *
     * @throws SourceException naming the root (and the bucket or account) when it does not exist, cannot be
     *     listed, or the credentials are refused, with the setting to fix
     */
    void list(Consumer<SourceFile> sink) throws IOException;

    /**
     * Whether the listing can be split into folders listed apart ({@link #listFolder}, {@link #listBelow}), so
     * that executors list the subtrees in parallel; a source that cannot (this default) is listed whole by
     * {@link #list}.
     */
    default boolean listsInParts() {
        return false;
    }

    /**
     * Lists one folder's direct children: its files to {@code files}, its subfolders to {@code folders} as paths
     * below the root ending in '/'. The root is {@code ""}; a root that is itself a file lists as that one file.
     * Only where {@link #listsInParts}.
     *
     * @param folder "" or a path below the root ending in '/', as {@code folders} handed it
     * @throws SourceException as {@link #list} throws it
     */
    default void listFolder(String folder, Consumer<SourceFile> files, Consumer<String> folders) throws IOException {
        throw new UnsupportedOperationException("source " + root() + " is listed whole");
    }

    /**
     * Lists every file below a folder, recursively, as {@link #list} does below the root (relative paths stay
     * relative to the root). Only where {@link #listsInParts}.
     *
     * @param folder a path below the root ending in '/', as {@link #listFolder} handed it
     */
    default void listBelow(String folder, Consumer<SourceFile> sink) throws IOException {
        throw new UnsupportedOperationException("source " + root() + " is listed whole");
    }

    /**
     * As {@link #listFolder(String, Consumer, Consumer)}, but a folder with more entries than one listing task
     * should take is not listed here where the store can list by key range: its {@link KeyRange}s go to
     * {@code ranges} instead (and none of its files or subfolders elsewhere), each to be listed apart by
     * {@link #listRange}. This default lists every folder whole.
     */
    default void listFolder(String folder, Consumer<SourceFile> files, Consumer<String> folders,
            Consumer<KeyRange> ranges) throws IOException {
        listFolder(folder, files, folders);
    }

    /**
     * Lists every file of a key range, recursively, as {@link #listBelow} lists a folder: a {@link KeyRange#whole}
     * range is {@link #listBelow}; others only come from the store's own {@link #listFolder(String, Consumer,
     * Consumer, Consumer)}.
     */
    default void listRange(KeyRange range, Consumer<SourceFile> sink) throws IOException {
        if (!range.whole()) {
            throw new UnsupportedOperationException("source " + root() + " is not listed by key range");
        }
        listBelow(range.folder(), sink);
    }

    /**
     * As {@link #listRange(KeyRange, Consumer)}, but a range that proves bigger than one listing task should take
     * is listed only in part where the store can list by key range: its first files go to {@code sink} and the
     * rest of the range, split into key ranges, to {@code rest}, each to be listed apart (and split again) the
     * same way. Together they list every file of the range once. With a null {@code rest}, and in this default,
     * the range is listed whole.
     */
    default void listRange(KeyRange range, Consumer<SourceFile> sink, Consumer<KeyRange> rest) throws IOException {
        listRange(range, sink);
    }

    /**
     * Looks one file up by its path below the root, without listing ({@code --files-from-lookup}): one metadata
     * request (HEAD, getFileStatus). Returns null when no such file exists (a folder is not a file). A store that
     * cannot look files up refuses (this default).
     *
     * @throws IOException naming the file when the store refuses or fails
     */
    default SourceFile lookup(String relativePath) throws IOException {
        throw new SourceException("source " + root() + " cannot look files up one by one; leave out"
                + " --files-from-lookup");
    }

    /**
     * Lists the empty folders below the root ({@code --keep-markers}), each as a zero-byte {@link SourceFile} whose
     * relative path ends in '/' ({@link #isFolderMarker}); it reads as no bytes. The root itself is never one. This
     * default is {@link #listEmptyFolders(String, Consumer)} from the root.
     */
    default void listEmptyFolders(Consumer<SourceFile> sink) throws IOException {
        listEmptyFolders("", sink);
    }

    /**
     * Lists the empty folders at or below one folder, as {@link #listEmptyFolders(Consumer)} lists them below the
     * root (relative paths stay relative to the root): the folder itself when it holds nothing. Executors call it
     * for the folders they list on the cluster. A store without folders, or that cannot tell, lists none (this
     * default); a folder gone since it was listed holds none.
     *
     * @param folder "" (the root) or a path below the root ending in '/', as {@link #listFolder} handed it
     */
    default void listEmptyFolders(String folder, Consumer<SourceFile> sink) throws IOException {
    }

    /** Whether a listed file stands for an empty folder ({@link #listEmptyFolders}). */
    static boolean isFolderMarker(SourceFile file) {
        return file.relativePath().endsWith("/");
    }

    /** Opens a listed file's content from its first byte. */
    InputStream open(SourceFile file) throws IOException;

    /**
     * A listed file's content headers and user metadata as the store keeps them ({@link ObjectHeaders#NONE} for a
     * store without them, such as a file system). May cost a request per file.
     *
     * @throws IOException naming the file, typed as {@link #open} types its errors
     */
    default ObjectHeaders headers(SourceFile file) throws IOException {
        return ObjectHeaders.NONE;
    }

    /**
     * Opens a listed file from its first byte together with its {@link #headers}, for a copy that carries them.
     * This default asks for the headers first, then opens; a store whose read answers with the headers overrides
     * it to save that request per file.
     *
     * @throws IOException typed as {@link #open} and {@link #headers} type theirs
     */
    default SourceStream openWithHeaders(SourceFile file) throws IOException {
        ObjectHeaders headers = headers(file);
        return new SourceStream(open(file), headers);
    }

    /**
     * Deletes the file (move mode, once its target is verified).
     *
     * @throws IOException naming the file if it cannot be deleted
     */
    default void delete(SourceFile file) throws IOException {
        throw new SourceException("source " + root() + " cannot delete files; use --mode copy");
    }

    /**
     * Asks the store to restore an archived file ({@link SourceFile#archived()}) so that a later run can read it:
     * for {@code days} where the store restores a temporary copy (S3), for good where it changes the tier (Azure).
     * The request returns at once; the restore takes hours.
     *
     * @throws IOException naming the file if the store refuses, or cannot restore at all
     */
    default void restore(SourceFile file, int days) throws IOException {
        throw new SourceException("source " + root() + " cannot restore archived files (" + file.uri() + ")");
    }

    /**
     * Objects a listing request returns at most, for the plan's request count; 0 for a store whose requests are
     * not billed (a local or HDFS folder).
     */
    default int listPageSize() {
        return 0;
    }

    /** GET requests the copy of a file of {@code size} bytes makes (one, unless the source reads in ranges). */
    default long readRequests(long size) {
        return size == 0 ? 0 : 1;
    }

    /**
     * Opens {@code length} bytes of a listed file from {@code offset} (a ranged read). The stream ends after
     * those bytes, or at the end of the file if it comes first. This default reads and drops the bytes before
     * {@code offset}; stores with ranged reads do better.
     */
    default InputStream open(SourceFile file, long offset, long length) throws IOException {
        InputStream in = open(file);
        try {
            in.skipNBytes(offset);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
        return new BoundedInputStream(in, length);
    }
}
