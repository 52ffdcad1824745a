package io.lakeshift.target;

import io.lakeshift.io.Errors;
import io.lakeshift.io.Retry;

import io.lakeshift.config.TransferSettings;
import io.lakeshift.fs.HadoopExceptions;
import io.lakeshift.fs.HadoopFileSystems;
import io.lakeshift.io.NotFoundException;
import io.lakeshift.io.PermanentException;
import io.lakeshift.model.HadoopLocation;
import io.lakeshift.model.TargetObject;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.fs.FileStatus;
import io.lakeshift.model.NameOrder;

/**
 * A folder of a Hadoop file system, with the run's Hadoop properties (--s3-* applied for s3a://).
 *
 * <p>S3A writes go through its block output stream, which by default buffers blocks on local disk. lakeshift
 * never puts a file on local disk, so unless the user set them, an s3a:// target buffers in memory, with blocks
 * of --part-size and at most --parallel-parts of them per file, and keeps directory markers instead of deleting
 * the parents' markers after every file ({@link #of}). Files below the multipart threshold are written through
 * pooled direct buffers (a block is reused by the next file, where a heap array would be allocated and zeroed
 * for every file, however small); larger ones through heap arrays, which S3A uploads without a copy.
 */
public record HadoopTarget(HadoopLocation location, HashMap<String, String> properties) implements Target {
    static final String BUFFER = "fs.s3a.fast.upload.buffer";
    static final String BLOCK_SIZE = "fs.s3a.multipart.size";
    static final String ACTIVE_BLOCKS = "fs.s3a.fast.upload.active.blocks";
    static final String MARKERS = "fs.s3a.directory.marker.retention";
    /** S3's smallest part (except the last). */
    static final long MIN_S3_PART = 5L << 20;

    public HadoopTarget(HadoopLocation location, Map<String, String> properties) {
        this(location, new HashMap<>(properties));
    }

    /** The target with lakeshift's write settings for S3A, where the user's properties leave them out. */
    public static HadoopTarget of(HadoopLocation location, Map<String, String> properties, TransferSettings t) {
        HashMap<String, String> p = new HashMap<>(properties);
        if (isS3a(location)) {
            p.putIfAbsent(BLOCK_SIZE, Long.toString(Math.max(MIN_S3_PART, t.partSize())));
            p.putIfAbsent(ACTIVE_BLOCKS, Integer.toString(t.parallelParts()));
            // lakeshift writes no directory markers, so none need deleting after each file: one request less.
            p.putIfAbsent(MARKERS, "keep");
        }
        return new HadoopTarget(location, p);
    }

    /** The location only: the settings may hold keys. */
    @Override
    public String toString() {
        return location.toString();
    }

    /** The file system for listings, heads and files below the multipart threshold. */
    public FileSystem fileSystem() throws IOException {
        return HadoopFileSystems.get(URI.create(location.root()), withBuffer("bytebuffer"));
    }

    /** The file system for files sent multipart. */
    public FileSystem largeFileSystem() throws IOException {
        return HadoopFileSystems.get(URI.create(location.root()), withBuffer("array"));
    }

    private Map<String, String> withBuffer(String kind) {
        if (!isS3a(location)) {
            return properties;
        }
        Map<String, String> p = new HashMap<>(properties);
        p.putIfAbsent(BUFFER, kind);
        return p;
    }

    private static boolean isS3a(HadoopLocation location) {
        return location.root().regionMatches(true, 0, "s3a:", 0, 4);
    }

    /** Files only; directories (and S3A's directory markers) are not objects. */
    @Override
    public Map<String, TargetObject> objects() throws IOException {
        Map<String, TargetObject> objects = new HashMap<>();
        FileSystem fs = fileSystem();
        Path root = fs.makeQualified(new Path(location.root()));
        String base = root.toUri().getPath();
        base = base.endsWith("/") ? base : base + "/";
        try {
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
            while (it.hasNext()) {
                LocatedFileStatus s = it.next();
                String path = s.getPath().toUri().getPath();
                if (s.isFile() && path.startsWith(base)) {
                    String name = path.substring(base.length());
                    objects.put(name, HadoopSink.object(name, s));
                }
            }
        } catch (IOException | RuntimeException e) {
            if (HadoopExceptions.isUnknownStore(e)) {
                throw new NotFoundException("target " + location + ": its bucket or container does not exist, or"
                        + " these credentials may not see it; create it or fix --target", e);
            }
            if (!(e instanceof FileNotFoundException)) { // a folder not made yet holds nothing
                String what = "cannot list target " + location;
                throw e instanceof IOException io ? HadoopExceptions.translate(what, io)
                        : new PermanentException(what + ": " + Errors.oneLine(e), e);
            }
        }
        return objects;
    }

    @Override
    public boolean listsByRange() {
        return !isS3a(location);
    }

    /**
     * A walk that lists only the folders whose names can lie in the range (S3A lists flat, so there this walks
     * the whole tree: {@link #listsByRange} is false for it).
     */
    @Override
    public void objects(String from, String to, java.util.function.Consumer<TargetObject> each) throws IOException {
        if (!listsByRange()) {
            Target.super.objects(from, to, each);
            return;
        }
        FileSystem fs = fileSystem();
        Path root = fs.makeQualified(new Path(location.root()));
        String base = root.toUri().getPath();
        base = base.endsWith("/") ? base : base + "/";
        java.util.ArrayDeque<Path> folders = new java.util.ArrayDeque<>();
        folders.push(root);
        try {
            while (!folders.isEmpty()) {
                RemoteIterator<FileStatus> children = fs.listStatusIterator(folders.pop());
                while (children.hasNext()) {
                    FileStatus s = children.next();
                    String path = s.getPath().toUri().getPath();
                    if (!path.startsWith(base)) {
                        continue;
                    }
                    String name = path.substring(base.length());
                    if (s.isDirectory() && NameOrder.mayHold(name + "/", from, to)) {
                        folders.push(s.getPath());
                    } else if (s.isFile() && NameOrder.inRange(name, from, to)) {
                        each.accept(HadoopSink.object(name, s));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            if (HadoopExceptions.isUnknownStore(e)) {
                throw new NotFoundException("target " + location + ": its bucket or container does not exist, or"
                        + " these credentials may not see it; create it or fix --target", e);
            }
            if (!(e instanceof FileNotFoundException)) { // a folder not made yet holds nothing
                String what = "cannot list target " + location;
                throw e instanceof IOException io ? HadoopExceptions.translate(what, io)
                        : new PermanentException(what + ": " + Errors.oneLine(e), e);
            }
        }
    }

    /** Unfinished writes of a Hadoop file system are the file system's own business; none are tracked. */
    @Override
    public int abortLeftovers(long before) {
        return 0;
    }

    @Override
    public ObjectSink openSink(TransferSettings settings, Retry retry) throws IOException {
        FileSystem fs = fileSystem();
        // S3A's memory buffer allocates a whole block as soon as a file is opened for writing.
        long perFile = isS3a(location) && !"disk".equals(fs.getConf().get(BUFFER, "disk"))
                ? fs.getConf().getLongBytes(BLOCK_SIZE, MIN_S3_PART) : 0;
        return new HadoopSink(fs, largeFileSystem(), settings.multipartThreshold(), location, perFile);
    }
}
