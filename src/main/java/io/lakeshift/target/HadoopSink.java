package io.lakeshift.target;

import io.lakeshift.io.ChangedException;
import io.lakeshift.io.PermanentException;

import io.lakeshift.io.Streams;

import io.lakeshift.model.HadoopLocation;
import io.lakeshift.model.TargetObject;
import io.lakeshift.verify.Md5;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.apache.hadoop.fs.EtagSource;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Writes files into a folder of a Hadoop file system (S3A, ABFS, HDFS, local), streaming each straight to its
 * final path: no temporary file and no rename, which object stores cannot do atomically.
 *
 * <p>Verification: the size the store reports after the write, and the MD5 where the store's ETag is one (S3's
 * single-PUT objects); {@code --verify} reads every object back. A write that fails is aborted where the stream
 * can abort (S3A: nothing becomes visible and an older object stays), else the partial file is deleted. No user
 * metadata is stored: incremental runs rely on the migration log.
 */
public final class HadoopSink implements ObjectSink {
    static final int BUFFER = 1 << 20;

    private final FileSystem fs;
    private final FileSystem largeFs;
    private final long multipartThreshold;
    private final Path root;
    private final byte[] buffer = new byte[BUFFER];
    private final long memoryPerFile;

    /**
     * @param fs the file system for everything but writing large files
     * @param largeFs the file system that writes files of at least {@code multipartThreshold} bytes (the same, or
     *     one with other write buffers)
     * @param memoryPerFile bytes the file system's output stream holds per file beyond this sink's own buffer
     *     (S3A's memory buffer: a whole block)
     */
    public HadoopSink(FileSystem fs, FileSystem largeFs, long multipartThreshold, HadoopLocation location,
            long memoryPerFile) {
        this.fs = fs;
        this.largeFs = largeFs;
        this.multipartThreshold = multipartThreshold;
        this.root = new Path(location.root());
        this.memoryPerFile = memoryPerFile;
    }

    @Override
    public long memoryFor(long size) {
        return Math.min(size, BUFFER) + memoryPerFile;
    }

    /** The object's version tag: the store's ETag where it has one, else its length and modification time. */
    public static String etag(FileStatus status) {
        if (status instanceof EtagSource e && e.getEtag() != null && !e.getEtag().isEmpty()) {
            return e.getEtag();
        }
        return "len" + status.getLen() + "-mtime" + status.getModificationTime();
    }

    /** A file found below the folder, named relative to it. */
    public static TargetObject object(String name, FileStatus status) {
        return new TargetObject(name, status.getLen(), null, etag(status), status.getModificationTime());
    }

    /** The path of an object, any characters in its name taken literally. */
    public static Path path(Path root, String objectName) {
        try {
            return new Path(root, new Path(new URI(null, null, objectName, null)));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot make a path of '" + objectName + "': " + e.getMessage(), e);
        }
    }

    @Override
    public UploadResult upload(String objectName, InputStream in, long size, ObjectProperties properties,
            CommitCheck check) throws IOException {
        Path path = path(root, objectName);
        MessageDigest md5 = Md5.newDigest();
        FSDataOutputStream out = (size < multipartThreshold ? fs : largeFs).create(path, true);
        boolean committed = false;
        try {
            long total = 0;
            while (true) {
                int n = Streams.readFully(in, buffer, (int) Math.min(BUFFER, Math.max(0, size - total)));
                if (n == 0) {
                    break;
                }
                md5.update(buffer, 0, n);
                out.write(buffer, 0, n);
                total += n;
            }
            Streams.checkLength(objectName, size, total, in);
            check.beforeCommit();
            out.close(); // the commit: S3A completes its upload here
            committed = true;
        } finally {
            if (!committed) {
                abort(out, path);
            }
        }
        byte[] digest = md5.digest();
        FileStatus landed = fs.getFileStatus(path);
        String etag = etag(landed);
        if (landed.getLen() != size) {
            throw removed(path, etag, "landed with " + landed.getLen() + " bytes, " + size + " were sent");
        }
        String hex = HexFormat.of().formatHex(digest);
        String served = etag.replace("\"", "");
        if (served.matches("[0-9a-fA-F]{32}") && !served.equalsIgnoreCase(hex)) {
            throw removed(path, etag, "the store reports MD5 " + served + ", computed while reading " + hex);
        }
        return new UploadResult(size, Md5.base64(digest), etag, 1, 1);
    }

    private PermanentException removed(Path path, String etag, String why) {
        PermanentException e = new PermanentException("verification failed for " + path + ": " + why + "; the file was removed");
        try {
            delete(path, etag);
        } catch (IOException | RuntimeException d) {
            e.addSuppressed(d);
        }
        return e;
    }

    private void abort(FSDataOutputStream out, Path path) {
        try {
            out.abort();
            return;
        } catch (UnsupportedOperationException notAbortable) {
            // The file system writes in place: close what was written, then remove it below.
        } catch (RuntimeException ignored) {
            // Fall through: remove whatever was written.
        }
        try {
            out.close();
        } catch (IOException | RuntimeException ignored) {
            // The write already failed; the partial file is removed next.
        }
        try {
            fs.delete(path, false);
        } catch (IOException | RuntimeException ignored) {
            // Nothing more to do; the file was never recorded as copied.
        }
    }

    @Override
    public ObjectInfo head(String objectName) throws IOException {
        try {
            FileStatus s = fs.getFileStatus(path(root, objectName));
            return s.isDirectory() ? null : new ObjectInfo(s.getLen(), etag(s), null, Map.of());
        } catch (FileNotFoundException e) {
            return null;
        }
    }

    /** File systems have no conditional delete: the version is checked just before deleting. */
    @Override
    public void delete(String objectName, String etag) throws IOException {
        delete(path(root, objectName), etag);
    }

    private void delete(Path path, String etag) throws IOException {
        try {
            if (etag != null && !etag.equals(etag(fs.getFileStatus(path)))) {
                throw new ChangedException(path + " changed since it was listed; it was not deleted");
            }
            fs.delete(path, false);
        } catch (FileNotFoundException gone) {
            // Already gone.
        }
    }

    @Override
    public String readMd5(String objectName) throws IOException {
        try (InputStream in = fs.open(path(root, objectName))) {
            return Md5.base64(Md5.of(in));
        }
    }

    @Override
    public void close() {
        // The file system is shared by the JVM; nothing of this sink's is left open.
    }
}
