package io.lakeshift.testing;

import java.io.IOException;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.LocalFileSystem;

/**
 * The local file system (installed for file:// in the tests' Spark session), except that reading a file whose
 * name contains {@code broken} fails with an I/O error half-way through: a disk or network that gives out
 * mid-file.
 */
public class FaultyFileSystem extends LocalFileSystem {

    @Override
    public FSDataInputStream open(Path f, int bufferSize) throws IOException {
        FSDataInputStream in = super.open(f, bufferSize);
        if (!f.getName().contains("broken")) {
            return in;
        }
        long failAt = getFileStatus(f).getLen() / 2;
        return new FSDataInputStream(new FailingStream(in, failAt));
    }

    private static final class FailingStream extends FSInputStream {
        private final FSDataInputStream in;
        private final long failAt;
        private long pos;

        FailingStream(FSDataInputStream in, long failAt) {
            this.in = in;
            this.failAt = failAt;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (pos >= failAt) {
                throw new IOException("simulated disk error after " + pos + " bytes");
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
