package io.lakeshift.emulator.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps everything in the heap; bodies as lists of byte-array chunks so no single array must hold an object. */
public final class MemoryStorage extends IndexedStorage {
    // Below G1's humongous-object threshold (half a region, at least 512 KiB), which made 1 MiB chunks slow.
    private static final int CHUNK = 256 * 1024;

    private final ConcurrentHashMap<String, Chunks> blobs = new ConcurrentHashMap<>();

    @Override
    protected BlobSink newSink() {
        return new BlobSink() {
            private final List<byte[]> chunks = new ArrayList<>();
            private byte[] current = new byte[0];
            private int used;
            private long size;

            @Override
            public void write(byte[] buf, int off, int len) {
                while (len > 0) {
                    if (used == current.length) {
                        seal();
                        // grow chunk sizes with the body so small objects stay small
                        current = new byte[(int) Math.min(CHUNK, Math.max(8192, size))];
                        used = 0;
                    }
                    int n = Math.min(len, current.length - used);
                    System.arraycopy(buf, off, current, used, n);
                    used += n;
                    off += n;
                    len -= n;
                    size += n;
                }
            }

            private void seal() {
                if (used > 0) {
                    chunks.add(used == current.length ? current : Arrays.copyOf(current, used));
                }
            }

            @Override
            public String finish() {
                seal();
                String id = UUID.randomUUID().toString();
                blobs.put(id, new Chunks(chunks, size));
                return id;
            }

            @Override
            public void discard() {
                chunks.clear();
            }
        };
    }

    @Override
    protected Blob openBlob(String blobId) throws IOException {
        Chunks chunks = blobs.get(blobId);
        if (chunks == null) {
            throw new IOException("blob " + blobId + " is gone");
        }
        return chunks;
    }

    @Override
    protected void deleteBlob(String blobId) {
        blobs.remove(blobId);
    }

    @Override
    protected String concat(List<String> blobIds) throws IOException {
        // Parts are immutable, so the object can share their arrays: no byte is copied.
        List<byte[]> all = new ArrayList<>();
        long size = 0;
        for (String id : blobIds) {
            Chunks c = (Chunks) openBlob(id);
            all.addAll(c.chunks);
            size += c.size;
        }
        String id = UUID.randomUUID().toString();
        blobs.put(id, new Chunks(all, size));
        return id;
    }

    @Override
    public void close() {
        blobs.clear();
    }

    /** An immutable list of byte arrays. */
    private record Chunks(List<byte[]> chunks, long size) implements Blob {
        @Override
        public InputStream stream(long offset, long length) {
            return new ChunkStream(chunks, offset, length);
        }
    }

    private static final class ChunkStream extends InputStream {
        private final List<byte[]> chunks;
        private int index;
        private int pos;
        private long remaining;

        ChunkStream(List<byte[]> chunks, long offset, long length) {
            this.chunks = chunks;
            this.remaining = length;
            while (index < chunks.size() && offset >= chunks.get(index).length) {
                offset -= chunks.get(index).length;
                index++;
            }
            pos = (int) offset;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (remaining <= 0 || index >= chunks.size()) {
                return -1;
            }
            byte[] chunk = chunks.get(index);
            int n = (int) Math.min(Math.min(len, chunk.length - pos), remaining);
            System.arraycopy(chunk, pos, b, off, n);
            pos += n;
            remaining -= n;
            if (pos == chunk.length) {
                index++;
                pos = 0;
            }
            return n;
        }
    }
}
