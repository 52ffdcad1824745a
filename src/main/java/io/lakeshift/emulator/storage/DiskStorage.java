package io.lakeshift.emulator.storage;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Keeps bodies and metadata under a directory so a restarted emulator sees the same state.
 * <pre>
 *   tmp/                        bodies being received (cleared at start)
 *   blobs/ID                    bodies, written to tmp/ first and moved here when complete
 *   buckets/H/bucket.json       H = sha256(bucket name); file names never depend on user text
 *   buckets/H/objects/H2.json   H2 = sha256(object name)
 *   buckets/H/uploads/ID.json   an in-progress multipart upload with its parts
 * </pre>
 * Metadata files are replaced by write-then-rename. Blobs no metadata refers to are deleted at start.
 * Files are not fsync'ed: state survives a process restart, not necessarily a power cut.
 */
public final class DiskStorage extends IndexedStorage {
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path tmp;
    private final Path blobs;
    private final Path bucketsDir;

    public DiskStorage(Path dataDir) throws IOException {
        this.tmp = Files.createDirectories(dataDir.resolve("tmp"));
        this.blobs = Files.createDirectories(dataDir.resolve("blobs"));
        this.bucketsDir = Files.createDirectories(dataDir.resolve("buckets"));
        clear(tmp);
        load();
    }

    // ---- bodies

    @Override
    protected BlobSink newSink() throws IOException {
        String id = UUID.randomUUID().toString();
        Path staging = tmp.resolve(id);
        FileChannel channel = FileChannel.open(staging, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return new BlobSink() {
            @Override
            public void write(byte[] buf, int off, int len) throws IOException {
                ByteBuffer bb = ByteBuffer.wrap(buf, off, len);
                while (bb.hasRemaining()) {
                    channel.write(bb);
                }
            }

            @Override
            public String finish() throws IOException {
                channel.close();
                Files.move(staging, blobs.resolve(id), StandardCopyOption.ATOMIC_MOVE);
                return id;
            }

            @Override
            public void discard() {
                try {
                    channel.close();
                    Files.deleteIfExists(staging);
                } catch (IOException ignored) {
                    // a left-over temp file is removed at next start
                }
            }
        };
    }

    @Override
    protected Blob openBlob(String blobId) throws IOException {
        return new FileBlob(FileChannel.open(blobs.resolve(blobId), StandardOpenOption.READ));
    }

    @Override
    protected void deleteBlob(String blobId) {
        try {
            Files.deleteIfExists(blobs.resolve(blobId));
        } catch (IOException ignored) {
            // unreferenced; removed at next start
        }
    }

    @Override
    protected String concat(List<String> blobIds) throws IOException {
        String id = UUID.randomUUID().toString();
        Path staging = tmp.resolve(id);
        boolean done = false;
        // The kernel copies the part files into the object file (transferTo): bytes pass once, never through the heap.
        try (FileChannel out = FileChannel.open(staging, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (String part : blobIds) {
                try (FileChannel in = FileChannel.open(blobs.resolve(part), StandardOpenOption.READ)) {
                    long size = in.size();
                    long copied = 0;
                    while (copied < size) {
                        copied += in.transferTo(copied, size - copied, out);
                    }
                }
            }
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(staging);
            }
        }
        Files.move(staging, blobs.resolve(id), StandardCopyOption.ATOMIC_MOVE);
        return id;
    }

    // ---- metadata

    @Override
    protected void persistBucket(BucketRecord bucket) {
        Path dir = bucketDir(bucket.name());
        try {
            Files.createDirectories(dir.resolve("objects"));
            Files.createDirectories(dir.resolve("uploads"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        write(dir.resolve("bucket.json"), bucket);
    }

    @Override
    protected void unpersistBucket(String bucket) {
        Path dir = bucketDir(bucket);
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void persistObject(String bucket, ObjectRecord object) {
        write(objectFile(bucket, object.name()), object);
    }

    @Override
    protected void unpersistObject(String bucket, String name) {
        delete(objectFile(bucket, name));
    }

    @Override
    protected void persistUpload(String bucket, UploadRecord upload, Collection<PartRecord> parts) {
        write(uploadFile(bucket, upload.uploadId()), new UploadFile(upload, new ArrayList<>(parts)));
    }

    @Override
    protected void unpersistUpload(String bucket, String uploadId) {
        delete(uploadFile(bucket, uploadId));
    }

    /** The on-disk shape of an upload. */
    record UploadFile(UploadRecord upload, List<PartRecord> parts) {
    }

    private void load() throws IOException {
        Set<String> referenced = new HashSet<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(bucketsDir)) {
            for (Path dir : dirs) {
                Path bucketFile = dir.resolve("bucket.json");
                if (!Files.exists(bucketFile)) {
                    continue;
                }
                clearTempFiles(dir);
                BucketRecord bucket = json.readValue(bucketFile.toFile(), BucketRecord.class);
                List<ObjectRecord> objects = new ArrayList<>();
                for (Path f : jsonFiles(dir.resolve("objects"))) {
                    ObjectRecord o = json.readValue(f.toFile(), ObjectRecord.class);
                    objects.add(o);
                    referenced.add(o.blobId());
                }
                Map<UploadRecord, List<PartRecord>> uploads = new LinkedHashMap<>();
                for (Path f : jsonFiles(dir.resolve("uploads"))) {
                    UploadFile u = json.readValue(f.toFile(), UploadFile.class);
                    uploads.put(u.upload(), u.parts());
                    u.parts().forEach(p -> referenced.add(p.blobId()));
                }
                restore(bucket, objects, uploads);
            }
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(blobs)) {
            for (Path f : files) {
                if (!referenced.contains(f.getFileName().toString())) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    private static List<Path> jsonFiles(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
                files.forEach(out::add);
            }
        }
        return out;
    }

    private static void clearTempFiles(Path bucketDir) throws IOException {
        try (Stream<Path> files = Files.walk(bucketDir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    private static void clear(Path dir) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        }
    }

    private Path bucketDir(String bucket) {
        return bucketsDir.resolve(hash(bucket));
    }

    private Path objectFile(String bucket, String name) {
        return bucketDir(bucket).resolve("objects").resolve(hash(name) + ".json");
    }

    private Path uploadFile(String bucket, String uploadId) {
        return bucketDir(bucket).resolve("uploads").resolve(hash(uploadId) + ".json");
    }

    private static String hash(String text) {
        return HexFormat.of().formatHex(digest("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private void write(Path file, Object value) {
        Path temp = file.resolveSibling(file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            json.writeValue(temp.toFile(), value);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            delete(temp);
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (NoSuchFileException ignored) {
            // already gone
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
    }

    /** A body file; reads are positional so many ranges can stream from one channel at once. */
    private record FileBlob(FileChannel channel) implements Blob {
        @Override
        public long size() {
            try {
                return channel.size();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public InputStream stream(long offset, long length) {
            return new InputStream() {
                private long position = offset;
                private long remaining = length;

                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (remaining <= 0) {
                        return -1;
                    }
                    int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, remaining)), position);
                    if (n < 0) {
                        return -1;
                    }
                    position += n;
                    remaining -= n;
                    return n;
                }
            };
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
