package io.lakeshift.emulator.storage;

import io.lakeshift.emulator.OciException;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.UnaryOperator;

/**
 * The bucket/object/upload index both stores share. Reads are lock-free (concurrent maps); a write to a bucket
 * takes that bucket's write lock only for the metadata step, never while body bytes are moving. Subclasses keep
 * the bytes and, if durable, mirror every metadata change through the {@code persist*} hooks.
 */
public abstract class IndexedStorage implements Storage {
    static final int BUFFER = 256 * 1024;

    private final ConcurrentSkipListMap<String, BucketState> buckets = new ConcurrentSkipListMap<>(Names.ORDER);
    private final Object bucketSetLock = new Object();

    // ---- what a subclass provides

    protected abstract BlobSink newSink() throws IOException;

    protected abstract Blob openBlob(String blobId) throws IOException;

    protected abstract void deleteBlob(String blobId);

    /** A new blob holding the given blobs' bytes one after another. */
    protected abstract String concat(List<String> blobIds) throws IOException;

    protected void persistBucket(BucketRecord bucket) {
    }

    protected void unpersistBucket(String bucket) {
    }

    protected void persistObject(String bucket, ObjectRecord object) {
    }

    protected void unpersistObject(String bucket, String name) {
    }

    protected void persistUpload(String bucket, UploadRecord upload, Collection<PartRecord> parts) {
    }

    protected void unpersistUpload(String bucket, String uploadId) {
    }

    /** Used by a durable store at start-up to re-create its index. */
    protected final void restore(BucketRecord bucket, List<ObjectRecord> objects,
                                 Map<UploadRecord, List<PartRecord>> uploads) {
        BucketState state = new BucketState(bucket);
        objects.forEach(o -> state.objects.put(o.name(), o));
        uploads.forEach((u, parts) -> {
            UploadState us = new UploadState(u);
            parts.forEach(p -> us.parts.put(p.partNumber(), p));
            state.uploads.put(u.uploadId(), us);
        });
        buckets.put(bucket.name(), state);
    }

    // ---- buckets

    @Override
    public BucketRecord createBucket(BucketRecord bucket) {
        synchronized (bucketSetLock) {
            if (buckets.containsKey(bucket.name())) {
                throw new OciException(409, "BucketAlreadyExists",
                        "Either the bucket '" + bucket.name() + "' in namespace '" + bucket.namespace()
                                + "' already exists or you are not authorized to create it");
            }
            persistBucket(bucket);
            buckets.put(bucket.name(), new BucketState(bucket));
            return bucket;
        }
    }

    @Override
    public Optional<BucketRecord> bucket(String name) {
        BucketState state = buckets.get(name);
        return state == null ? Optional.empty() : Optional.of(state.record);
    }

    @Override
    public List<BucketRecord> buckets() {
        List<BucketRecord> all = new ArrayList<>();
        buckets.values().forEach(s -> all.add(s.record));
        return all;
    }

    @Override
    public void deleteBucket(String name, String ifMatch) {
        synchronized (bucketSetLock) {
            BucketState state = state(name);
            state.lock.writeLock().lock();
            try {
                if (ifMatch != null && !Precondition.etagMatches(ifMatch, state.record.etag())) {
                    throw OciException.ifMatchFailed(ifMatch);
                }
                if (!state.objects.isEmpty() || !state.uploads.isEmpty()) {
                    throw new OciException(409, "BucketNotEmpty", "Bucket named '" + name
                            + "' is not empty. Delete all objects and uncommitted multipart uploads first.");
                }
                state.deleted = true;
                buckets.remove(name);
                unpersistBucket(name);
            } finally {
                state.lock.writeLock().unlock();
            }
        }
    }

    // ---- bodies

    @Override
    public StagedBody stage(InputStream in, long length, boolean sha256) throws IOException {
        MessageDigest md5 = digest("MD5");
        MessageDigest sha = sha256 ? digest("SHA-256") : null;
        BlobSink sink = newSink();
        boolean done = false;
        try {
            byte[] buf = new byte[BUFFER];
            long total = 0;
            while (length < 0 || total < length) {
                int want = length < 0 ? buf.length : (int) Math.min(buf.length, length - total);
                int n = in.read(buf, 0, want);
                if (n < 0) {
                    if (length >= 0) {
                        throw new IncompleteBodyException("body ended after " + total + " of " + length + " bytes");
                    }
                    break;
                }
                md5.update(buf, 0, n);
                if (sha != null) {
                    sha.update(buf, 0, n);
                }
                sink.write(buf, 0, n);
                total += n;
            }
            String id = sink.finish();
            done = true;
            return new StagedBody(id, total, md5.digest(), sha == null ? null : sha.digest());
        } finally {
            if (!done) {
                sink.discard();
            }
        }
    }

    @Override
    public void discard(StagedBody body) {
        deleteBlob(body.blobId());
    }

    // ---- objects

    @Override
    public ObjectRecord putObject(String bucket, ObjectWrite write, StagedBody body, Precondition precondition) {
        BucketState state = state(bucket);
        long now = System.currentTimeMillis();
        String md5 = Base64.getEncoder().encodeToString(body.md5());
        ObjectRecord created;
        ObjectRecord previous;
        state.lock.writeLock().lock();
        try {
            checkAlive(state);
            previous = state.objects.get(write.name());
            precondition.check(previous);
            created = new ObjectRecord(write.name(), body.size(), md5, null, newEtag(), now, now,
                    tier(write.storageTier(), state), write.content(), write.metadata(), body.blobId(),
                    Encryption.of(write.encryption()), null, body.checksum());
            persistObject(bucket, created);
            state.objects.put(write.name(), created);
        } catch (RuntimeException e) {
            deleteBlob(body.blobId());
            throw e;
        } finally {
            state.lock.writeLock().unlock();
        }
        if (previous != null) {
            deleteBlob(previous.blobId());
        }
        return created;
    }

    @Override
    public Optional<ObjectRecord> object(String bucket, String name) {
        return Optional.ofNullable(state(bucket).objects.get(name));
    }

    @Override
    public OpenedObject open(String bucket, String name) throws IOException {
        BucketState state = state(bucket);
        state.lock.readLock().lock();
        try {
            ObjectRecord record = state.objects.get(name);
            if (record == null) {
                throw OciException.objectNotFound(bucket, name);
            }
            return new OpenedObject(record, openBlob(record.blobId()));
        } finally {
            state.lock.readLock().unlock();
        }
    }

    @Override
    public ObjectRecord updateObject(String bucket, String name, UnaryOperator<ObjectRecord> change) {
        BucketState state = state(bucket);
        state.lock.writeLock().lock();
        try {
            checkAlive(state);
            ObjectRecord current = state.objects.get(name);
            if (current == null) {
                throw OciException.objectNotFound(bucket, name);
            }
            ObjectRecord changed = change.apply(current);
            if (!changed.name().equals(name) || !changed.blobId().equals(current.blobId())) {
                throw new IllegalArgumentException("an update keeps the object's name and body");
            }
            persistObject(bucket, changed);
            state.objects.put(name, changed);
            return changed;
        } finally {
            state.lock.writeLock().unlock();
        }
    }

    @Override
    public ObjectRecord deleteObject(String bucket, String name, String ifMatch) {
        BucketState state = state(bucket);
        ObjectRecord removed;
        state.lock.writeLock().lock();
        try {
            removed = state.objects.get(name);
            if (removed == null) {
                throw OciException.objectNotFound(bucket, name);
            }
            new Precondition(ifMatch, null).check(removed);
            unpersistObject(bucket, name);
            state.objects.remove(name);
        } finally {
            state.lock.writeLock().unlock();
        }
        deleteBlob(removed.blobId());
        return removed;
    }

    @Override
    public ObjectRecord renameObject(String bucket, String source, String target, Precondition sourceCondition,
                                     Precondition targetCondition) {
        BucketState state = state(bucket);
        ObjectRecord renamed;
        ObjectRecord replaced;
        state.lock.writeLock().lock();
        try {
            ObjectRecord src = state.objects.get(source);
            if (src == null) {
                throw OciException.objectNotFound(bucket, source);
            }
            sourceCondition.check(src);
            if (source.equals(target)) {
                throw OciException.badRequest("SourceNameSameAsNewName", "The source name and the new name are the same");
            }
            replaced = state.objects.get(target);
            targetCondition.check(replaced);
            renamed = src.renamed(target, newEtag(), System.currentTimeMillis());
            persistObject(bucket, renamed);
            unpersistObject(bucket, source);
            state.objects.put(target, renamed);
            state.objects.remove(source);
        } finally {
            state.lock.writeLock().unlock();
        }
        if (replaced != null) {
            deleteBlob(replaced.blobId());
        }
        return renamed;
    }

    @Override
    public ObjectListing list(String bucket, ListQuery q) {
        BucketState state = state(bucket);
        String prefix = q.prefix() == null ? "" : q.prefix();
        String from = prefix;
        boolean inclusive = true;
        if (q.start() != null && Names.compare(q.start(), from) > 0) {
            from = q.start();
        }
        if (q.startAfter() != null && Names.compare(q.startAfter(), from) >= 0) {
            from = q.startAfter();
            inclusive = false;
        }
        List<ObjectRecord> objects = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        NavigableMap<String, ObjectRecord> view = state.objects.tailMap(from, inclusive);
        while (true) {
            Map.Entry<String, ObjectRecord> entry = view.firstEntry();
            if (entry == null) {
                return new ObjectListing(objects, prefixes, null);
            }
            String name = entry.getKey();
            if (!name.startsWith(prefix) || (q.end() != null && Names.compare(name, q.end()) >= 0)) {
                return new ObjectListing(objects, prefixes, null);
            }
            if (objects.size() + prefixes.size() >= q.limit()) {
                return new ObjectListing(objects, prefixes, name);
            }
            int cut = q.delimiter() == null ? -1 : name.indexOf(q.delimiter(), prefix.length());
            if (cut >= 0) {
                String common = name.substring(0, cut + q.delimiter().length());
                prefixes.add(common);
                view = state.objects.tailMap(Names.successor(common), true); // skip the whole group
            } else {
                objects.add(entry.getValue());
                view = state.objects.tailMap(name, false);
            }
        }
    }

    // ---- multipart

    @Override
    public UploadRecord createUpload(String bucket, ObjectWrite write) {
        BucketState state = state(bucket);
        state.lock.writeLock().lock();
        try {
            checkAlive(state);
            UploadRecord upload = new UploadRecord(UUID.randomUUID().toString(), state.record.namespace(), bucket,
                    write.name(), System.currentTimeMillis(), tier(write.storageTier(), state), write.content(),
                    write.metadata(), Encryption.of(write.encryption()), write.checksumAlgorithm());
            UploadState us = new UploadState(upload);
            persistUpload(bucket, upload, us.parts.values());
            state.uploads.put(upload.uploadId(), us);
            return upload;
        } finally {
            state.lock.writeLock().unlock();
        }
    }

    @Override
    public UploadRecord upload(String bucket, String object, String uploadId) {
        return uploadState(state(bucket), bucket, object, uploadId).record;
    }

    @Override
    public PartRecord putPart(String bucket, String object, String uploadId, int partNumber, StagedBody body,
                              Precondition precondition) {
        BucketState state = state(bucket);
        PartRecord previous;
        PartRecord part;
        try {
            UploadState us = uploadState(state, bucket, object, uploadId);
            synchronized (us) {
                if (us.closed) {
                    throw OciException.noSuchUpload(uploadId);
                }
                PartRecord existing = us.parts.get(partNumber);
                precondition.checkEtag(existing == null ? null : existing.etag());
                part = new PartRecord(partNumber, body.size(), Base64.getEncoder().encodeToString(body.md5()),
                        newEtag(), body.blobId(), body.checksum());
                previous = us.parts.put(partNumber, part);
                persistUpload(bucket, us.record, us.parts.values());
            }
        } catch (RuntimeException e) {
            deleteBlob(body.blobId());
            throw e;
        }
        if (previous != null) {
            deleteBlob(previous.blobId());
        }
        return part;
    }

    @Override
    public List<PartRecord> parts(String bucket, String object, String uploadId) {
        UploadState us = uploadState(state(bucket), bucket, object, uploadId);
        synchronized (us) {
            return new ArrayList<>(us.parts.values());
        }
    }

    @Override
    public List<UploadRecord> uploads(String bucket) {
        List<UploadRecord> all = new ArrayList<>();
        state(bucket).uploads.values().forEach(u -> all.add(u.record));
        all.sort(Comparator.comparing(UploadRecord::object, Names.ORDER)
                .thenComparingLong(UploadRecord::timeCreated).thenComparing(UploadRecord::uploadId));
        return all;
    }

    @Override
    public ObjectRecord commitUpload(String bucket, String object, String uploadId, List<PartRef> partsToCommit,
                                     List<Integer> partsToExclude, Precondition precondition) throws IOException {
        BucketState state = state(bucket);
        UploadState us = uploadState(state, bucket, object, uploadId);
        List<PartRecord> chosen;
        synchronized (us) {
            chosen = choose(us, partsToCommit, partsToExclude);
        }
        String multipartMd5 = multipartMd5(chosen);
        long size = chosen.stream().mapToLong(PartRecord::size).sum();
        List<String> ids = chosen.stream().map(PartRecord::blobId).toList();
        String blobId = concat(ids);
        ObjectRecord created;
        ObjectRecord previous;
        Collection<PartRecord> allParts;
        state.lock.writeLock().lock();
        try {
            checkAlive(state);
            synchronized (us) {
                if (us.closed || !state.uploads.containsKey(uploadId)) {
                    throw OciException.noSuchUpload(uploadId);
                }
                if (!sameParts(us, chosen)) {
                    throw OciException.badRequest("InvalidUploadPart", "A part was re-uploaded while committing");
                }
                previous = state.objects.get(object);
                precondition.check(previous);
                long now = System.currentTimeMillis();
                UploadRecord u = us.record;
                Checksum checksum = u.checksumAlgorithm() == null ? null
                        : Checksum.composite(u.checksumAlgorithm(), chosen.stream().map(PartRecord::checksum).toList());
                created = new ObjectRecord(object, size, null, multipartMd5, newEtag(), now, now, u.storageTier(),
                        u.content(), u.metadata(), blobId, Encryption.of(u.encryption()), null, checksum);
                persistObject(bucket, created);
                unpersistUpload(bucket, uploadId);
                state.objects.put(object, created);
                state.uploads.remove(uploadId);
                us.closed = true;
                allParts = new ArrayList<>(us.parts.values());
            }
        } catch (RuntimeException e) {
            deleteBlob(blobId);
            throw e;
        } finally {
            state.lock.writeLock().unlock();
        }
        allParts.forEach(p -> deleteBlob(p.blobId()));
        if (previous != null) {
            deleteBlob(previous.blobId());
        }
        return created;
    }

    @Override
    public void abortUpload(String bucket, String object, String uploadId) {
        BucketState state = state(bucket);
        Collection<PartRecord> parts;
        state.lock.writeLock().lock();
        try {
            UploadState us = uploadState(state, bucket, object, uploadId);
            synchronized (us) {
                unpersistUpload(bucket, uploadId);
                state.uploads.remove(uploadId);
                us.closed = true;
                parts = new ArrayList<>(us.parts.values());
            }
        } finally {
            state.lock.writeLock().unlock();
        }
        parts.forEach(p -> deleteBlob(p.blobId()));
    }

    /** Checks a commit request against the uploaded parts; returns the parts to join in part-number order. */
    private static List<PartRecord> choose(UploadState us, List<PartRef> commit, List<Integer> exclude) {
        if (commit == null || commit.isEmpty()) {
            throw OciException.badRequest("InvalidParameter", "partsToCommit must name at least one part");
        }
        TreeMap<Integer, PartRecord> chosen = new TreeMap<>();
        for (PartRef ref : commit) {
            PartRecord part = us.parts.get(ref.partNum());
            if (part == null || ref.etag() == null || !Precondition.etagMatches(ref.etag(), part.etag())) {
                throw OciException.badRequest("InvalidUploadPart", "Part " + ref.partNum()
                        + (part == null ? " was not uploaded" : " has a different ETag than '" + ref.etag() + "'"));
            }
            if (chosen.put(ref.partNum(), part) != null) {
                throw OciException.badRequest("InvalidUploadPart", "Part " + ref.partNum() + " is listed twice");
            }
        }
        for (Integer excluded : exclude == null ? List.<Integer>of() : exclude) {
            if (chosen.containsKey(excluded)) {
                throw OciException.badRequest("InvalidUploadPart",
                        "Part " + excluded + " is in both partsToCommit and partsToExclude");
            }
        }
        for (Integer uploaded : us.parts.keySet()) {
            if (!chosen.containsKey(uploaded) && (exclude == null || !exclude.contains(uploaded))) {
                throw OciException.badRequest("InvalidUploadPart",
                        "Part " + uploaded + " must be in either partsToCommit or partsToExclude");
            }
        }
        return new ArrayList<>(chosen.values());
    }

    private static boolean sameParts(UploadState us, List<PartRecord> chosen) {
        for (PartRecord p : chosen) {
            PartRecord now = us.parts.get(p.partNumber());
            if (now == null || !now.etag().equals(p.etag())) {
                return false;
            }
        }
        return true;
    }

    /** base64(MD5(md5(part1) || md5(part2) || ...)) + "-" + count, as OCI computes opc-multipart-md5. */
    static String multipartMd5(List<PartRecord> parts) {
        MessageDigest md5 = digest("MD5");
        parts.forEach(p -> md5.update(Base64.getDecoder().decode(p.md5())));
        return Base64.getEncoder().encodeToString(md5.digest()) + "-" + parts.size();
    }

    // ---- helpers

    private BucketState state(String bucket) {
        BucketState state = buckets.get(bucket);
        if (state == null) {
            throw OciException.bucketNotFound(bucket);
        }
        return state;
    }

    private static void checkAlive(BucketState state) {
        if (state.deleted) {
            throw OciException.bucketNotFound(state.record.name());
        }
    }

    private static UploadState uploadState(BucketState state, String bucket, String object, String uploadId) {
        UploadState us = state.uploads.get(uploadId);
        if (us == null || !us.record.object().equals(object)) {
            throw OciException.noSuchUpload(uploadId);
        }
        return us;
    }

    private static String tier(String requested, BucketState state) {
        if (requested != null) {
            return requested;
        }
        return state.record.storageTier() == null ? "Standard" : state.record.storageTier();
    }

    static String newEtag() {
        return UUID.randomUUID().toString();
    }

    static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class BucketState {
        final BucketRecord record;
        final ConcurrentSkipListMap<String, ObjectRecord> objects = new ConcurrentSkipListMap<>(Names.ORDER);
        final ConcurrentHashMap<String, UploadState> uploads = new ConcurrentHashMap<>();
        final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        volatile boolean deleted;

        BucketState(BucketRecord record) {
            this.record = record;
        }
    }

    private static final class UploadState {
        final UploadRecord record;
        final TreeMap<Integer, PartRecord> parts = new TreeMap<>();
        boolean closed;

        UploadState(UploadRecord record) {
            this.record = record;
        }
    }
}
