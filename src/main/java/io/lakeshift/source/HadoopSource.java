package io.lakeshift.source;

import io.lakeshift.io.Errors;
import io.lakeshift.secrets.Secrets;
import io.lakeshift.fs.HadoopFileSystems;
import io.lakeshift.model.ObjectHeaders;
import io.lakeshift.model.SourceFile;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.EtagSource;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Any Hadoop file system: file://, hdfs://, s3a:// (hadoop-aws), abfss:// through hadoop-azure. The ETag comes
 * from the listing where the file system lists one ({@link EtagSource}: S3A, ABFS).
 */
public final class HadoopSource implements Source {
    private static final int READ_BUFFER = 1 << 20;
    /** An S3 folder's entries past which it is listed by key range: ten pages of 1,000, one task's worth. */
    static final int LIST_SPLIT = 10_000;
    private static final Pattern S3_STATUS = Pattern.compile("Status Code: (\\d+); Error Code: ([^;)]+)");

    private final String root;
    private final HashMap<String, String> hadoopProperties;
    private final String credentialHint;
    private final int listSplit;
    private final int readThreads;

    /**
     * @param root the lake's root URI
     * @param hadoopProperties Hadoop settings to apply over the defaults (e.g. Spark's {@code spark.hadoop.*})
     */
    public HadoopSource(String root, Map<String, String> hadoopProperties) {
        this(root, hadoopProperties, LIST_SPLIT);
    }

    /**
     * @param listSplit an s3a:// folder's or key range's entries past which it is listed by key range
     *     (--s3-list-split)
     */
    public HadoopSource(String root, Map<String, String> hadoopProperties, int listSplit) {
        this(root, hadoopProperties, "the source's credentials (spark.hadoop.* settings)", listSplit, 1);
    }

    /**
     * @param credentialHint the settings to name when the store refuses the credentials
     * @param readThreads s3a:// only: ranged GETs in flight for one large file (--s3-read-threads); 1 = one GET
     */
    HadoopSource(String root, Map<String, String> hadoopProperties, String credentialHint, int listSplit,
            int readThreads) {
        if (listSplit < 1 || readThreads < 1) {
            throw new IllegalArgumentException("listSplit and readThreads must be at least 1: " + listSplit + ", "
                    + readThreads);
        }
        this.root = root;
        this.hadoopProperties = new HashMap<>(hadoopProperties);
        this.credentialHint = credentialHint;
        this.listSplit = listSplit;
        this.readThreads = readThreads;
    }

    @Override
    public String root() {
        return root;
    }

    /** The root's file system, built and initialised (S3A 3.3.4 sends no request in its initialisation). */
    @Override
    public void prepare() {
        try {
            fileSystem(new Path(root));
        } catch (IOException | RuntimeException e) {
            // The listing builds it again and says what is wrong, naming the source.
        }
    }

    @Override
    public void list(Consumer<SourceFile> sink) throws IOException {
        Path rootPath = new Path(root);
        try {
            FileSystem fs = fileSystem(rootPath);
            FileStatus rootStatus;
            try {
                rootStatus = fs.getFileStatus(rootPath);
            } catch (FileNotFoundException e) {
                throw new SourceException("source " + root + " does not exist; check --source");
            }
            String rootDir = fs.makeQualified(rootPath).toUri().getPath();
            if (rootStatus.isFile()) {
                // A single file: its name is the relative path.
                sink.accept(toSourceFile(rootStatus, rootStatus.getPath().getName()));
                return;
            }
            String prefix = rootDir.endsWith("/") ? rootDir : rootDir + "/";
            if ("s3a".equals(fs.getScheme())) {
                // With each object's storage class, which S3A's listing drops (archived objects).
                S3aListing.list(fs, rootPath, prefix.substring(1), sink);
                return;
            }
            walk(fs, rootStatus.getPath(), prefix, sink);
        } catch (SourceException e) {
            throw e;
        } catch (AccessDeniedException e) {
            throw new SourceException(denied(e), e);
        } catch (IOException | RuntimeException e) {
            throw new SourceException("cannot list source " + root + ": " + Errors.oneLine(e), e);
        }
    }

    /** Every file below {@code start}, recursively; {@code prefix} is the root's path ending in '/'. */
    private void walk(FileSystem fs, Path start, String prefix, Consumer<SourceFile> sink) throws IOException {
        RemoteIterator<? extends FileStatus> files = "file".equals(fs.getScheme())
                ? new LocalWalk(fs, start) : fs.listFiles(start, true);
        while (files.hasNext()) {
            FileStatus status = files.next();
            if (status.isFile()) {
                sink.accept(toSourceFile(status, relative(status, prefix)));
            }
        }
    }

    private String relative(FileStatus status, String prefix) throws SourceException {
        String path = status.getPath().toUri().getPath();
        if (!path.startsWith(prefix)) {
            throw new SourceException("listing of " + root + " returned " + status.getPath() + ", outside the root");
        }
        return path.substring(prefix.length());
    }

    /** In parts on every Hadoop file system; s3a:// through S3's own listing, by key range where a folder is big. */
    @Override
    public boolean listsInParts() {
        return true;
    }

    @Override
    public void listFolder(String folder, Consumer<SourceFile> files, Consumer<String> folders) throws IOException {
        listFolder(folder, files, folders, null);
    }

    /**
     * s3a:// folders of more than {@code listSplit} direct entries (objects and subfolders; --s3-list-split,
     * {@value #LIST_SPLIT} by default) hand out their key ranges instead
     * ({@link KeyRanges}); other file systems cannot list by key range and list every folder whole.
     */
    @Override
    public void listFolder(String folder, Consumer<SourceFile> files, Consumer<String> folders,
            Consumer<KeyRange> ranges) throws IOException {
        try {
            FileSystem fs = fileSystem(new Path(root));
            Path rootPath = fs.makeQualified(new Path(root));
            String rootDir = rootPath.toUri().getPath();
            String prefix = rootDir.endsWith("/") ? rootDir : rootDir + "/";
            boolean s3a = "s3a".equals(fs.getScheme());
            FileStatus status = null;
            if (!s3a || folder.isEmpty()) { // below the root S3 needs no HEAD: a folder gone lists as empty
                try {
                    status = fs.getFileStatus(at(rootPath, prefix, folder));
                } catch (FileNotFoundException e) {
                    if (folder.isEmpty()) {
                        throw new SourceException("source " + root + " does not exist; check --source");
                    }
                    return; // gone since its parent was listed
                }
                if (status.isFile()) {
                    files.accept(toSourceFile(status, folder.isEmpty() ? status.getPath().getName() : folder));
                    return;
                }
            }
            if (s3a) {
                S3aListing.listFolder(fs, rootPath, prefix.substring(1), folder,
                        ranges == null ? Integer.MAX_VALUE : listSplit, files, folders, ranges);
                return;
            }
            RemoteIterator<FileStatus> children = fs.listStatusIterator(status.getPath());
            while (children.hasNext()) {
                FileStatus child = children.next();
                if (child.isDirectory()) {
                    folders.accept(relative(child, prefix) + "/");
                } else if (child.isFile()) {
                    files.accept(toSourceFile(child, relative(child, prefix)));
                }
            }
        } catch (SourceException e) {
            throw e;
        } catch (AccessDeniedException e) {
            throw new SourceException(denied(e), e);
        } catch (IOException | RuntimeException e) {
            throw new SourceException("cannot list source " + root + (folder.isEmpty() ? "" : " at " + folder) + ": "
                    + Errors.oneLine(e), e);
        }
    }

    /** s3a:// only, but for whole folders ({@link #listBelow}). */
    @Override
    public void listRange(KeyRange range, Consumer<SourceFile> sink) throws IOException {
        if (range.whole() || !s3a()) {
            Source.super.listRange(range, sink);
            return;
        }
        listRange(range, sink, null);
    }

    /**
     * s3a:// ranges, whole folders too, past {@code listSplit} keys (--s3-list-split) hand out the rest of the
     * range ({@link KeyRanges#rest}), so a subtree or range bigger than one task's worth is never listed by one
     * task; on other file systems the range is listed whole.
     */
    @Override
    public void listRange(KeyRange range, Consumer<SourceFile> sink, Consumer<KeyRange> rest) throws IOException {
        if (!s3a()) {
            Source.super.listRange(range, sink);
            return;
        }
        try {
            FileSystem fs = fileSystem(new Path(root));
            Path rootPath = fs.makeQualified(new Path(root));
            String rootDir = rootPath.toUri().getPath();
            String prefix = rootDir.endsWith("/") ? rootDir : rootDir + "/";
            S3aListing.listRange(fs, rootPath, prefix.substring(1), range, listSplit, sink, rest);
        } catch (AccessDeniedException e) {
            throw new SourceException(denied(e), e);
        } catch (IOException | RuntimeException e) {
            throw new SourceException("cannot list source " + root + " at " + range.folder() + " after "
                    + range.after() + ": " + Errors.oneLine(e), e);
        }
    }

    @Override
    public SourceFile lookup(String relativePath) throws IOException {
        Path rootPath = new Path(root);
        try {
            FileSystem fs = fileSystem(rootPath);
            if ("s3a".equals(fs.getScheme())) {
                String rootDir = fs.makeQualified(rootPath).toUri().getPath();
                String prefix = rootDir.endsWith("/") ? rootDir : rootDir + "/";
                return S3aListing.head(fs, rootPath, prefix.substring(1) + relativePath, relativePath);
            }
            String rootUri = fs.makeQualified(rootPath).toUri().toString();
            Path path = new Path(URI.create((rootUri.endsWith("/") ? rootUri : rootUri + "/")
                    + new URI(null, null, relativePath, null).getRawPath()));
            FileStatus status;
            try {
                status = fs.getFileStatus(path);
            } catch (FileNotFoundException e) {
                return null;
            }
            return status.isFile() ? toSourceFile(status, relativePath) : null;
        } catch (AccessDeniedException e) {
            throw new SourceException(denied(e), e);
        } catch (java.net.URISyntaxException e) {
            throw new SourceException("--files-from names a path no URI can hold: " + relativePath, e);
        } catch (IOException | RuntimeException e) {
            throw new SourceException("cannot look up " + relativePath + " in source " + root + ": "
                    + Errors.oneLine(e), e);
        }
    }

    @Override
    public void listBelow(String folder, Consumer<SourceFile> sink) throws IOException {
        try {
            FileSystem fs = fileSystem(new Path(root));
            Path rootPath = fs.makeQualified(new Path(root));
            String rootDir = rootPath.toUri().getPath();
            String prefix = rootDir.endsWith("/") ? rootDir : rootDir + "/";
            if ("s3a".equals(fs.getScheme())) {
                S3aListing.listRange(fs, rootPath, prefix.substring(1), KeyRange.below(folder), sink);
                return;
            }
            walk(fs, at(rootPath, prefix, folder), prefix, sink);
        } catch (FileNotFoundException e) {
            // gone since its parent was listed: it holds nothing now
        } catch (SourceException e) {
            throw e;
        } catch (AccessDeniedException e) {
            throw new SourceException(denied(e), e);
        } catch (IOException | RuntimeException e) {
            throw new SourceException("cannot list source " + root + " at " + folder + ": " + Errors.oneLine(e), e);
        }
    }

    /** The path of a folder below the root, built from its parts so that no character needs escaping. */
    private static Path at(Path root, String prefix, String folder) {
        if (folder.isEmpty()) {
            return root;
        }
        URI uri = root.toUri();
        String path = prefix + folder;
        return new Path(uri.getScheme(), uri.getAuthority(), path.endsWith("/") ? path.substring(0, path.length() - 1)
                : path);
    }

    /**
     * A walk of the folders with plain listings (one per folder, so only when asked): a folder that lists nothing is
     * empty, whether it is an HDFS or local directory or an S3 zero-byte {@code folder/} marker S3A shows as one.
     * The driver walks from the root; on the cluster each executor walks from the folders it was given.
     */
    @Override
    public void listEmptyFolders(String folder, Consumer<SourceFile> sink) throws IOException {
        Path rootPath = new Path(root);
        try {
            FileSystem fs = fileSystem(rootPath);
            String rootDir = fs.makeQualified(rootPath).toUri().getPath();
            String prefix = rootDir.endsWith("/") ? rootDir : rootDir + "/";
            FileStatus start;
            try {
                start = fs.getFileStatus(folder.isEmpty() ? rootPath
                        : at(fs.makeQualified(rootPath), prefix, folder));
            } catch (FileNotFoundException e) {
                if (folder.isEmpty()) {
                    throw e;
                }
                return; // gone since its parent was listed: no folder, empty or not
            }
            if (start.isFile()) {
                return;
            }
            // S3A gives a folder the time it is asked about, so an S3 marker's time would change at every run and
            // the marker be sent again: a folder of an object store has no time of its own.
            boolean timeless = "s3a".equals(fs.getScheme());
            java.util.ArrayDeque<FileStatus> folders = new java.util.ArrayDeque<>();
            folders.push(start);
            while (!folders.isEmpty()) {
                FileStatus next = folders.pop();
                RemoteIterator<FileStatus> children = fs.listStatusIterator(next.getPath());
                boolean empty = true;
                while (children.hasNext()) {
                    FileStatus child = children.next();
                    empty = false;
                    if (child.isDirectory()) {
                        folders.push(child);
                    }
                }
                String path = next.getPath().toUri().getPath();
                if (empty && path.startsWith(prefix) && path.length() > prefix.length()) {
                    String relative = path.substring(prefix.length()) + "/";
                    sink.accept(new SourceFile(next.getPath().toUri().toString(), relative, 0,
                            timeless ? 0 : next.getModificationTime(), null, null));
                }
            }
        } catch (FileNotFoundException e) {
            throw new SourceException("source " + root + " does not exist; check --source");
        } catch (AccessDeniedException e) {
            throw new SourceException(denied(e), e);
        } catch (IOException | RuntimeException e) {
            throw new SourceException("cannot list the folders of source " + root
                    + (folder.isEmpty() ? "" : " at " + folder) + ": " + Errors.oneLine(e), e);
        }
    }

    /** One line naming the store and the settings to fix; S3A's message names the path, never a key. */
    private String denied(AccessDeniedException e) {
        URI uri = URI.create(root);
        String what = "s3a".equals(uri.getScheme()) ? "S3 bucket '" + uri.getAuthority() + "'" : "source " + root;
        Matcher m = S3_STATUS.matcher(String.valueOf(e.getMessage()));
        String answer = m.find() ? " (" + m.group(1) + " " + m.group(2).trim() + ")"
                : String.valueOf(e.getMessage()).contains("No AWS Credentials") ? " (no credentials found)" : "";
        return what + " refused access to " + root + answer + "; check " + credentialHint;
    }

    /**
     * s3a:// files above {@link ParallelRangeInputStream#PARALLEL_ABOVE} with --s3-read-threads above 1 are read
     * as parallel ranged GETs, each pinned to the listed ETag; everything else as one stream.
     */
    @Override
    public InputStream open(SourceFile file) throws IOException {
        if (Source.isFolderMarker(file)) {
            return InputStream.nullInputStream();
        }
        if (inRanges(file)) {
            Path path = new Path(URI.create(file.uri()));
            FileSystem fs = fileSystem(path);
            return new ParallelRangeInputStream((offset, length) -> S3aReads.range(fs, path, file, offset, length),
                    file.size(), readThreads, file.uri());
        }
        return openAt(file, 0);
    }

    /** s3a:// files read in ranges: one GET per range. */
    @Override
    public long readRequests(long size) {
        return ParallelRangeInputStream.requests(size, s3a() ? readThreads : 1);
    }

    private boolean inRanges(SourceFile file) {
        return s3a() && ParallelRangeInputStream.inRanges(file.size(), readThreads);
    }

    /** Whether the root is an s3a:// location (S3's own listing, ranges, headers). */
    private boolean s3a() {
        return "s3a".equals(URI.create(root).getScheme());
    }

    /**
     * s3a:// files through {@link S3aReads}: from the listing (no HEAD, one GET, pinned to the listed ETag), errors
     * that name the fix, no leaked connection. Other file systems as they always were.
     */
    private InputStream openAt(SourceFile file, long offset) throws IOException {
        Path path = new Path(URI.create(file.uri()));
        FileSystem fs = fileSystem(path);
        boolean s3a = "s3a".equals(fs.getScheme());
        FSDataInputStream in;
        try {
            in = s3a ? S3aReads.open(fs, path, file) : fs.open(path, READ_BUFFER);
        } catch (FileNotFoundException e) {
            throw new SourceChangedException("source file " + file.uri() + " has disappeared since it was listed", e);
        }
        InputStream read = s3a ? new S3aReads.Stream(in, file) : in;
        if (offset > 0) {
            try {
                in.seek(Math.min(offset, file.size()));
            } catch (IOException | RuntimeException e) {
                read.close();
                throw e;
            }
        }
        return read;
    }

    /**
     * s3a:// only: S3A serves an object's headers and user metadata as XAttrs ({@code header.Content-Type},
     * {@code header.<key>} for {@code x-amz-meta-<key>}; HeaderProcessing in hadoop-aws 3.3.4), one HEAD per
     * call. Other file systems keep none that lakeshift carries.
     */
    @Override
    public ObjectHeaders headers(SourceFile file) throws IOException {
        Path path = new Path(URI.create(file.uri()));
        FileSystem fs = fileSystem(path);
        if (!"s3a".equals(fs.getScheme())) {
            return ObjectHeaders.NONE;
        }
        try {
            return S3aHeaders.of(fs.getXAttrs(path));
        } catch (FileNotFoundException e) {
            throw new SourceChangedException("source file " + file.uri() + " has disappeared since it was listed", e);
        }
    }

    /**
     * s3a:// files: the headers come from the GET's own answer (S3 sends the same headers and user metadata with
     * a GET as with a HEAD), so a copy that carries them costs one request, not two. The first byte is read here
     * to make S3A send its GET; an empty file, which S3A reads without a request, and a file read in ranges ask
     * with a HEAD.
     */
    @Override
    public SourceStream openWithHeaders(SourceFile file) throws IOException {
        Path path = new Path(URI.create(file.uri()));
        FileSystem fs = fileSystem(path);
        if (Source.isFolderMarker(file) || file.size() == 0 || !"s3a".equals(fs.getScheme()) || inRanges(file)) {
            return Source.super.openWithHeaders(file);
        }
        S3aReads.Stream read;
        try {
            read = new S3aReads.Stream(S3aReads.open(fs, path, file), file);
        } catch (FileNotFoundException e) {
            throw new SourceChangedException("source file " + file.uri() + " has disappeared since it was listed", e);
        }
        try {
            PushbackInputStream in = new PushbackInputStream(read, 1);
            int first = in.read();
            if (first >= 0) {
                in.unread(first);
            }
            ObjectHeaders answered = read.answered();
            return new SourceStream(in, answered != null ? answered : headers(file));
        } catch (IOException | RuntimeException e) {
            read.close();
            throw e;
        }
    }

    @Override
    public void delete(SourceFile file) throws IOException {
        Path path = new Path(URI.create(file.uri()));
        if (!fileSystem(path).delete(path, false) && fileSystem(path).exists(path)) {
            throw new SourceException("cannot delete source file " + file.uri());
        }
    }

    /** s3a:// only: RestoreObject for an archived object (S3 Glacier). */
    @Override
    public void restore(SourceFile file, int days) throws IOException {
        Path path = new Path(URI.create(file.uri()));
        FileSystem fs = fileSystem(path);
        if ("s3a".equals(fs.getScheme())) {
            S3aListing.restore(fs, path, days);
        } else {
            Source.super.restore(file, days);
        }
    }

    /** The objects one listing request returns at most: 1,000 for S3, 5,000 for ABFS; 0 where requests are free. */
    @Override
    public int listPageSize() {
        String scheme = URI.create(root).getScheme();
        if (scheme == null) {
            return 0;
        }
        return switch (scheme) {
            case "s3a", "gs" -> 1000;
            case "abfs", "abfss", "wasb", "wasbs" -> 5000;
            default -> 0;
        };
    }

    @Override
    public InputStream open(SourceFile file, long offset, long length) throws IOException {
        if (Source.isFolderMarker(file)) {
            return InputStream.nullInputStream();
        }
        return new BoundedInputStream(openAt(file, offset), length);
    }

    /**
     * A depth-first walk of a local folder with plain listings. {@code listFiles} builds a LocatedFileStatus per
     * file, whose permissions the local file system reads by starting a shell command per file (about 150 files
     * a second); size and time need none of that.
     */
    private static final class LocalWalk implements RemoteIterator<FileStatus> {
        private final FileSystem fs;
        private final java.util.ArrayDeque<Path> folders = new java.util.ArrayDeque<>();
        private final java.util.ArrayDeque<FileStatus> files = new java.util.ArrayDeque<>();

        LocalWalk(FileSystem fs, Path root) {
            this.fs = fs;
            folders.push(root);
        }

        @Override
        public boolean hasNext() throws IOException {
            while (files.isEmpty() && !folders.isEmpty()) {
                RemoteIterator<FileStatus> children = fs.listStatusIterator(folders.pop());
                while (children.hasNext()) {
                    FileStatus child = children.next();
                    if (child.isDirectory()) {
                        folders.push(child.getPath());
                    } else {
                        files.add(child);
                    }
                }
            }
            return !files.isEmpty();
        }

        @Override
        public FileStatus next() throws IOException {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            return files.poll();
        }
    }

    private static SourceFile toSourceFile(FileStatus status, String relative) {
        String etag = status instanceof EtagSource e ? e.getEtag() : null;
        return new SourceFile(status.getPath().toUri().toString(), relative, status.getLen(),
                status.getModificationTime(), etag == null || etag.isEmpty() ? null : etag, null);
    }

    /** The file system of a path, with this source's settings (one instance per JVM; tests read its statistics). */
    FileSystem fileSystem(Path path) throws IOException {
        return HadoopFileSystems.get(path.toUri(), hadoopProperties);
    }

    @Override
    public String toString() {
        return "HadoopSource[" + root + "]";
    }
}
