package io.lakeshift.testing;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.LocalFileSystem;

/**
 * The local file system (installed for file:// in the tests' Spark session), except for files named for a fault:
 * <ul>
 *   <li>{@code broken}, or a name given to {@link #breakFile}: reading fails with an I/O error half-way through (a disk or network giving out);</li>
 *   <li>{@code unreadable}: opening fails with "Permission denied";</li>
 *   <li>{@code crash-once}: the first read past half-way in this JVM kills the Spark task outright (an
 *       {@link Error}, as when an executor is lost mid-file); Spark runs the task again.</li>
 * </ul>
 */
public class FaultyFileSystem extends LocalFileSystem {
    private static final Set<String> CRASHED = ConcurrentHashMap.newKeySet();
    private static final Set<String> BROKEN = ConcurrentHashMap.newKeySet();

    /** What a lost executor looks like from inside a task. */
    public static final class InjectedCrash extends Error {
        InjectedCrash(String message) {
            super(message);
        }
    }

    /** Listing calls (listStatus, listStatusIterator, listFiles, listLocatedStatus) per watched folder. */
    private static final Map<String, AtomicInteger> LISTINGS = new ConcurrentHashMap<>();

    /** Lets the crash-once files crash again (each test starts clean). */
    public static void reset() {
        CRASHED.clear();
        BROKEN.clear();
    }

    /**
     * Counts from now on every listing of {@code folder} or a folder below it (a source that is listed, which an
     * inventory run must never do), and every per-file call below it; read with {@link #listings} and {@link #lookups}.
     */
    public static void watchListings(java.nio.file.Path folder) {
        LISTINGS.put(folder.toAbsolutePath().toString(), new AtomicInteger());
        LOOKUPS.put(folder.toAbsolutePath().toString(), new AtomicInteger());
    }

    /** Listings of a watched folder (or below) since {@link #watchListings}. */
    public static int listings(java.nio.file.Path folder) {
        return LISTINGS.get(folder.toAbsolutePath().toString()).get();
    }

    /** Per-file calls (getFileStatus, open) below a watched folder since {@link #watchListings}. */
    private static final Map<String, AtomicInteger> LOOKUPS = new ConcurrentHashMap<>();

    /** Per-file calls (getFileStatus, open) on a watched folder or below since {@link #watchListings}. */
    public static int lookups(java.nio.file.Path folder) {
        return LOOKUPS.get(folder.toAbsolutePath().toString()).get();
    }

    private static void looked(Path f) {
        count(LOOKUPS, f);
    }

    @Override
    public FileStatus getFileStatus(Path f) throws IOException {
        looked(f);
        return super.getFileStatus(f);
    }

    private static void listed(Path f) {
        count(LISTINGS, f);
    }

    private static void count(Map<String, AtomicInteger> counts, Path f) {
        String path = f.toUri().getPath();
        counts.forEach((root, count) -> {
            if (path != null && (path.equals(root) || path.startsWith(root + "/"))) {
                count.incrementAndGet();
            }
        });
    }

    @Override
    public FileStatus[] listStatus(Path f) throws IOException {
        listed(f);
        return super.listStatus(f);
    }

    @Override
    public RemoteIterator<FileStatus> listStatusIterator(Path f) throws IOException {
        listed(f);
        return super.listStatusIterator(f);
    }

    @Override
    public RemoteIterator<LocatedFileStatus> listFiles(Path f, boolean recursive) throws IOException {
        listed(f);
        return super.listFiles(f, recursive);
    }

    @Override
    public RemoteIterator<LocatedFileStatus> listLocatedStatus(Path f) throws IOException {
        listed(f);
        return super.listLocatedStatus(f);
    }

    /** Files with this name break half-way through every read, as {@code broken} ones do, until {@link #reset}. */
    public static void breakFile(String name) {
        BROKEN.add(name);
    }

    @Override
    public FSDataInputStream open(Path f, int bufferSize) throws IOException {
        looked(f);
        if (f.getName().contains("unreadable")) {
            throw new AccessDeniedException(f.toString(), null, "Permission denied");
        }
        FSDataInputStream in = super.open(f, bufferSize);
        boolean crash = f.getName().contains("crash-once") && CRASHED.add(f.toString());
        if (!f.getName().contains("broken") && !BROKEN.contains(f.getName()) && !crash) {
            return in;
        }
        long failAt = getFileStatus(f).getLen() / 2;
        return new FSDataInputStream(new FailingStream(in, failAt, crash, getConf().get("fs.s3a.secret.key", "none")));
    }

    private static final class FailingStream extends FSInputStream {
        private final FSDataInputStream in;
        private final long failAt;
        private final boolean crash;
        private long pos;

        private final String leaked;

        FailingStream(FSDataInputStream in, long failAt, boolean crash, String leaked) {
            this.leaked = leaked;
            this.in = in;
            this.failAt = failAt;
            this.crash = crash;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (pos >= failAt && crash) {
                throw new InjectedCrash("injected executor loss after " + pos + " bytes");
            }
            if (pos >= failAt) {
                // Like real libraries, the error carries a request URL with a credential in it.
                throw new IOException("simulated disk error after " + pos + " bytes (GET https://store.example/x?sig="
                        + leaked + ")");
            }
            int n = in.read(b, off, (int) Math.min(len, failAt - pos));
            if (n > 0) {
                pos += n;
            }
            return n;
        }

        @Override
        public void seek(long p) throws IOException {
            in.seek(p);
            pos = p;
        }

        @Override
        public long getPos() {
            return pos;
        }

        @Override
        public boolean seekToNewSource(long targetPos) {
            return false;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
