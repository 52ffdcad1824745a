package io.lakeshift.source;

import io.lakeshift.io.Errors;
import io.lakeshift.io.Retry;

import com.amazonaws.services.s3.model.ObjectMetadata;
import com.amazonaws.services.s3.model.S3Object;
import io.lakeshift.model.ObjectHeaders;
import io.lakeshift.model.SourceFile;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.s3a.NoVersionAttributeException;
import org.apache.hadoop.fs.s3a.RemoteFileChangedException;
import org.apache.hadoop.fs.s3a.S3AFileStatus;
import org.apache.hadoop.fs.s3a.S3AInputStream;
import org.apache.hadoop.util.functional.FutureIO;

/**
 * Reads of s3a:// files through S3A (hadoop-aws 3.3.4). Only s3a:// files load this class, so other file systems
 * run without hadoop-aws on the classpath.
 *
 * <ul>
 *   <li><b>No HEAD per file.</b> {@code FileSystem.open} makes S3A send a HEAD before the GET, although the
 *       listing knows the length and the ETag. The file is opened with {@code openFile().withFileStatus(...)}
 *       and an {@link S3AFileStatus} built from the listing (S3A 3.3.4 skips its HEAD only for its own status
 *       classes; the {@code fs.option.openfile.length} option came with 3.3.5), with the sequential read policy:
 *       one GET per whole-file read. The listed ETag pins the read (S3A sends it as {@code If-Match} and checks
 *       the answer): a file rewritten since the listing fails instead of being copied as the new version under
 *       the old version's fingerprint.</li>
 *   <li><b>Errors that name the fix.</b> S3A's change detection refuses an object the server sent without an
 *       ETag, or one that changed since the listing; both become a {@link SourceException} naming the file and
 *       what to do (the S3A exception is its cause, so {@code Retry} sees it and does not try again).</li>
 *   <li><b>No leaked connection.</b> S3A 3.3.4's {@code S3AInputStream.reopen} keeps the GET's answer in its
 *       {@code object} field and only then checks it; when the check throws, the answer's pooled HTTP connection
 *       is never released, not even by {@code close()}, and after {@code fs.s3a.connection.maximum} such files
 *       every read waits for the pool. {@link Stream#close()} aborts such an orphaned answer.</li>
 * </ul>
 */
final class S3aReads {
    /** S3A 3.3.4's read policy option (the standard {@code fs.option.openfile.read.policy} came with 3.3.5). */
    static final String READ_POLICY = "fs.s3a.experimental.input.fadvise";
    /** The S3A setting that lets S3A read objects served without an ETag. */
    static final String VERSION_REQUIRED = "fs.s3a.change.detection.version.required";

    /** S3AInputStream's GET answer, and the stream it hands out once the answer passed the checks. */
    private static final Field OBJECT = field("object");
    private static final Field WRAPPED = field("wrappedStream");

    private S3aReads() {}

    /** Opens a listed file with the listing's length and ETag: no HEAD, one GET per whole-file read. */
    static FSDataInputStream open(FileSystem fs, Path path, SourceFile file) throws IOException {
        return open(fs, path, file, "sequential");
    }

    /**
     * Reads {@code length} bytes of a listed file from {@code offset}: one ranged GET (the random policy asks for
     * exactly the bytes read, at least the readahead), no HEAD, pinned to the listed ETag. A file now shorter than
     * listed, rewritten or gone is a {@link SourceChangedException}.
     */
    static byte[] range(FileSystem fs, Path path, SourceFile file, long offset, int length) throws IOException {
        byte[] bytes = new byte[length];
        FSDataInputStream in = null;
        try {
            in = open(fs, path, file, "random");
            in.readFully(offset, bytes);
            return bytes;
        } catch (EOFException e) {
            throw new SourceChangedException("source file " + file.uri() + " is shorter than the " + file.size()
                    + " bytes listed: it changed since it was listed; it was not copied", e);
        } catch (IOException e) {
            throw explain(file, e);
        } finally {
            if (in != null) {
                try {
                    in.close();
                } finally {
                    releaseOrphan(in);
                }
            }
        }
    }

    private static FSDataInputStream open(FileSystem fs, Path path, SourceFile file, String policy)
            throws IOException {
        Path qualified = fs.makeQualified(path);
        S3AFileStatus listed = new S3AFileStatus(file.size(), file.modified(), qualified,
                fs.getDefaultBlockSize(qualified), null, file.etag(), null);
        return FutureIO.awaitFuture(fs.openFile(qualified).withFileStatus(listed).opt(READ_POLICY, policy).build());
    }

    /** A read of one file: S3A's refusals turned into messages that name the fix, nothing leaked on close. */
    static final class Stream extends FilterInputStream {
        private final FSDataInputStream s3a;
        private final SourceFile file;

        Stream(FSDataInputStream in, SourceFile file) {
            super(in);
            this.s3a = in;
            this.file = file;
        }

        @Override
        public int read() throws IOException {
            try {
                return in.read();
            } catch (IOException e) {
                throw explain(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return in.read(b, off, len);
            } catch (IOException e) {
                throw explain(e);
            }
        }

        @Override
        public long skip(long n) throws IOException {
            try {
                return in.skip(n);
            } catch (IOException e) {
                throw explain(e);
            }
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        @Override
        public void close() throws IOException {
            try {
                in.close();
            } finally {
                releaseOrphan(s3a);
            }
        }

        /**
         * The content headers and user metadata of the GET answer this stream reads (S3 sends with a GET the
         * headers it sends with a HEAD); null before the first read has sent the GET, or on an S3A without the
         * field that holds the answer.
         */
        ObjectHeaders answered() {
            if (OBJECT == null || !(s3a.getWrappedStream() instanceof S3AInputStream stream)) {
                return null;
            }
            ObjectMetadata m;
            try {
                synchronized (stream) {
                    m = OBJECT.get(stream) instanceof S3Object answer ? answer.getObjectMetadata() : null;
                }
            } catch (IllegalAccessException | RuntimeException e) {
                return null;
            }
            return m == null ? null : new ObjectHeaders(m.getContentType(), m.getContentEncoding(),
                    m.getContentLanguage(), m.getContentDisposition(), m.getCacheControl(), m.getUserMetadata());
        }

        private IOException explain(IOException e) {
            return S3aReads.explain(file, e);
        }
    }

    /** The one-line message for S3A's refusals of a read; other errors as they are. */
    static IOException explain(SourceFile file, IOException e) {
        if (e instanceof NoVersionAttributeException) {
            boolean versionId = String.valueOf(e.getMessage()).contains("VersionId");
            String missing = versionId ? "a version ID" : "an ETag";
            return new SourceException("cannot read source file " + file.uri() + ": the S3 server sent it without "
                    + missing + ", and S3A's change detection requires one (" + VERSION_REQUIRED + " is true by"
                    + " default). If this store never sends " + (versionId ? "version IDs" : "ETags") + ", run"
                    + " with spark.hadoop." + VERSION_REQUIRED + "=false (spark-submit --conf, or"
                    + " LAKESHIFT_JAVA_OPTS=-Dspark.hadoop." + VERSION_REQUIRED + "=false for bin/lakeshift)", e);
        }
        if (e instanceof RemoteFileChangedException) {
            return new SourceChangedException("source file " + file.uri() + " changed since it was listed (S3A: "
                    + Errors.oneLine(e) + "); it was not copied, the next run copies the new version", e);
        }
        if (e instanceof FileNotFoundException) {
            return new SourceChangedException("source file " + file.uri() + " has disappeared since it was listed", e);
        }
        return e;
    }

    /**
     * Aborts the GET answer S3A 3.3.4 left behind when its checks refused it (kept, not yet handed out as the
     * stream), which frees its pooled connection. Nothing to do after a normal close, which clears both fields,
     * or on an S3A without these fields.
     */
    static void releaseOrphan(FSDataInputStream in) {
        if (OBJECT == null || WRAPPED == null || !(in.getWrappedStream() instanceof S3AInputStream s3a)) {
            return;
        }
        try {
            synchronized (s3a) {
                if (OBJECT.get(s3a) instanceof S3Object orphan && WRAPPED.get(s3a) == null) {
                    OBJECT.set(s3a, null);
                    orphan.getObjectContent().abort();
                }
            }
        } catch (IllegalAccessException | RuntimeException e) {
            // Best effort: the read has failed already and says why.
        }
    }

    private static Field field(String name) {
        try {
            Field f = S3AInputStream.class.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException | RuntimeException e) {
            return null;
        }
    }
}
