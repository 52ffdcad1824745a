package io.lakeshift.target;

import io.lakeshift.io.Errors;

import io.lakeshift.io.BufferPool;
import io.lakeshift.io.ChangedException;
import io.lakeshift.io.NotFoundException;
import io.lakeshift.io.PermanentException;
import io.lakeshift.oci.OciExceptions;
import io.lakeshift.io.Futures;
import io.lakeshift.io.Retry;
import io.lakeshift.io.Streams;

import com.oracle.bmc.objectstorage.ObjectStorage;
import com.oracle.bmc.objectstorage.model.CommitMultipartUploadDetails;
import com.oracle.bmc.objectstorage.model.CommitMultipartUploadPartDetails;
import com.oracle.bmc.objectstorage.model.CreateMultipartUploadDetails;
import com.oracle.bmc.objectstorage.requests.CommitMultipartUploadRequest;
import com.oracle.bmc.objectstorage.requests.CreateMultipartUploadRequest;
import com.oracle.bmc.objectstorage.requests.DeleteObjectRequest;
import com.oracle.bmc.objectstorage.requests.GetObjectRequest;
import com.oracle.bmc.objectstorage.requests.HeadObjectRequest;
import com.oracle.bmc.objectstorage.requests.PutObjectRequest;
import com.oracle.bmc.objectstorage.requests.UploadPartRequest;
import com.oracle.bmc.objectstorage.responses.CommitMultipartUploadResponse;
import com.oracle.bmc.objectstorage.responses.GetObjectResponse;
import com.oracle.bmc.objectstorage.responses.HeadObjectResponse;
import com.oracle.bmc.objectstorage.responses.PutObjectResponse;
import com.oracle.bmc.objectstorage.responses.UploadPartResponse;
import io.lakeshift.config.TransferSettings;
import io.lakeshift.model.Fingerprint;
import io.lakeshift.model.ObjectHeaders;
import com.oracle.bmc.objectstorage.model.StorageTier;
import io.lakeshift.verify.Md5;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Streams files into one OCI bucket and verifies each as it lands: a single PUT with Content-MD5 below the
 * multipart threshold, else a multipart upload whose parts go out in parallel.
 *
 * <p>Beyond {@link ObjectSink}'s contract: OCI's MD5 for the object matched the one computed while reading, its
 * metadata is set, and when an upload throws no object was created or replaced. A multipart upload whose try failed
 * transiently is kept open and the next try of the same file continues it; one an earlier run left is continued too
 * (see {@link ResumeMarker}); either way only the parts OCI does not hold with the bytes read now are sent. Memory held is at most
 * {@code parallelParts} parts, or one file below the multipart threshold, whatever the file's size; nothing is
 * written to local disk.
 */
public final class OciObjectSink implements ObjectSink {
    private final ObjectStorage client;
    private final String namespace;
    private final String bucket;
    private final TransferSettings settings;
    private final Retry retry;
    private final OciEncryption encryption;
    private final ExecutorService partSenders;
    private final OciUploads uploads;
    /** Open uploads of a file started before this (epoch millis) by an earlier run may be resumed. */
    private final long resumeBefore;
    private BufferPool buffers;
    private Pending pending;

    /** A sink that resumes only the uploads it kept open itself (after a transient failure of a file's try). */
    public OciObjectSink(ObjectStorage client, String namespace, String bucket, TransferSettings settings, Retry retry) {
        this(client, namespace, bucket, settings, retry, OciEncryption.NONE, Long.MIN_VALUE);
    }

    /**
     * A sink that also resumes an open upload of a file that an earlier run, started before {@code resumeBefore},
     * left; {@code encryption} is the Vault key or SSE-C key every write (and, for SSE-C, every read) carries.
     */
    public OciObjectSink(ObjectStorage client, String namespace, String bucket, TransferSettings settings, Retry retry,
            OciEncryption encryption, long resumeBefore) {
        this.encryption = encryption;
        this.resumeBefore = resumeBefore;
        this.uploads = new OciUploads(client, namespace, bucket, retry);
        this.client = client;
        this.namespace = namespace;
        this.bucket = bucket;
        this.settings = settings;
        this.retry = retry;
        AtomicInteger n = new AtomicInteger();
        this.partSenders = Executors.newFixedThreadPool(settings.parallelParts(), r -> {
            Thread t = new Thread(r, "lakeshift-part-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Metadata keys go out with the {@code opc-meta-} prefix; the tier, headers and encryption with each write. */
    @Override
    public UploadResult upload(String objectName, InputStream in, long size, ObjectProperties properties,
            CommitCheck check) throws IOException {
        return size < settings.multipartThreshold()
                ? putSingle(objectName, in, (int) size, properties, check)
                : putMultipart(objectName, in, size, properties, check);
    }

    private UploadResult putSingle(String name, InputStream in, int size, ObjectProperties properties,
            CommitCheck check) throws IOException {
        Map<String, String> metadata = properties.metadata();
        ObjectHeaders h = properties.headers();
        byte[] body = new byte[size];
        int n = Streams.readFully(in, body, size);
        Streams.checkLength(name, size, n, in);
        check.beforeCommit();
        String md5 = Md5.base64(Md5.of(body, 0, size));
        Map<String, String> meta = new HashMap<>(metadata);
        meta.put(Fingerprint.META_MD5, md5);
        Retry.Outcome<PutObjectResponse> put = retry.call(() -> OciExceptions.call("upload of " + name,
                () -> client.putObject(PutObjectRequest.builder()
                        .namespaceName(namespace).bucketName(bucket).objectName(name)
                        .contentLength((long) size).contentMD5(md5).opcMeta(meta)
                        .contentType(h.contentType()).contentEncoding(h.contentEncoding())
                        .contentLanguage(h.contentLanguage()).contentDisposition(h.contentDisposition())
                        .cacheControl(h.cacheControl()).storageTier(tier(properties))
                        .opcSseKmsKeyId(encryption.kmsKeyId()).opcSseCustomerAlgorithm(encryption.algorithm())
                        .opcSseCustomerKey(encryption.key()).opcSseCustomerKeySha256(encryption.keySha256())
                        .putObjectBody(new ByteArrayInputStream(body)).build())));
        verifyLanded(name, "opc-content-md5", md5, put.value().getOpcContentMd5(), put.value().getETag());
        return new UploadResult(size, md5, put.value().getETag(), 1, put.attempts(), null);
    }

    private UploadResult putMultipart(String name, InputStream in, long size, ObjectProperties properties,
            CommitCheck check) throws IOException {
        ObjectHeaders h = properties.headers();
        long partSize = settings.partSizeFor(size);
        BufferPool pool = buffers(partSize);
        ResumeMarker marker = ResumeMarker.of(name, size, partSize, properties.metadata(), madeWith(properties));
        Opened opened = open(name, properties, marker);
        OpenUpload upload = opened.upload();
        String uploadId = upload.uploadId();
        List<Future<Part>> sent = new ArrayList<>();
        List<PartTask> tasks = new ArrayList<>();
        AtomicBoolean stopping = new AtomicBoolean();
        int reused = 0;
        try {
            MessageDigest whole = Md5.newDigest();
            long total = 0;
            while (true) {
                byte[] buf = pool.take();
                int n = Streams.readFully(in, buf, buf.length);
                if (n == 0) {
                    pool.give(buf);
                    break;
                }
                whole.update(buf, 0, n);
                total += n;
                if (total > size) {
                    pool.give(buf);
                    throw new ChangedException("source for " + name + " grew since it was listed (" + size + " bytes)");
                }
                int partNum = sent.size() + 1;
                if (partNum > TransferSettings.MAX_PARTS) {
                    pool.give(buf);
                    throw new PermanentException(name + " needs more than " + TransferSettings.MAX_PARTS + " parts");
                }
                Part held = upload.parts().containsKey(partNum) ? held(upload, partNum, buf, n) : null;
                if (held != null) {
                    pool.give(buf);
                    sent.add(CompletableFuture.completedFuture(held));
                    reused++;
                } else {
                    PartTask task = new PartTask(() -> sendPart(name, uploadId, partNum, buf, n, pool, stopping));
                    tasks.add(task);
                    sent.add(partSenders.submit(task));
                }
                failFast(sent);
                if (n < buf.length) {
                    break;
                }
            }
            Streams.checkLength(name, size, total, in);
            List<Part> parts = new ArrayList<>();
            for (Future<Part> f : sent) {
                parts.add(await(f));
            }
            parts.sort(Comparator.comparingInt(Part::number));
            check.beforeCommit();
            String expected = Md5.multipart(parts.stream().map(Part::md5).toList());
            // Every part OCI holds must be committed or excluded: the marker, and any a resumed upload held
            // beyond the file's parts.
            List<Integer> exclude = upload.parts().keySet().stream().filter(p -> p > parts.size()).sorted().toList();
            Retry.Outcome<CommitMultipartUploadResponse> commit = retry.call(() -> OciExceptions.call(
                    "commit of multipart upload of " + name + " (" + parts.size() + " parts)",
                    () -> client.commitMultipartUpload(CommitMultipartUploadRequest.builder()
                            .namespaceName(namespace).bucketName(bucket).objectName(name).uploadId(uploadId)
                            .commitMultipartUploadDetails(CommitMultipartUploadDetails.builder()
                                    .partsToCommit(parts.stream().map(p -> CommitMultipartUploadPartDetails.builder()
                                            .partNum(p.number()).etag(p.etag()).build()).toList())
                                    .partsToExclude(exclude.isEmpty() ? null : exclude)
                                    .build()).build())));
            String etag = commit.value().getETag();
            verifyLanded(name, "opc-multipart-md5", expected, commit.value().getOpcMultipartMd5(), etag);
            int attempts = Math.max(commit.attempts(), parts.stream().mapToInt(Part::attempts).max().orElse(1));
            return new UploadResult(total, Md5.base64(whole.digest()), etag, parts.size(), attempts,
                    note(opened, reused, parts.size()));
        } catch (IOException | RuntimeException | Error e) {
            stop(sent, tasks, stopping);
            if (marker != null && Retry.isTransient(e)) {
                pending = new Pending(name, uploadId, marker); // the next try of this file resumes it
            } else {
                abort(name, uploadId, e);
            }
            throw e;
        }
    }

    /**
     * What the upload is made with besides its metadata: a resumed upload must have been made with the same, so a
     * changed tier, header or key never lands through an upload made under the old ones. The SSE-C key by its
     * SHA-256 only: the marker is stored in OCI.
     */
    private Map<String, String> madeWith(ObjectProperties properties) {
        ObjectHeaders h = properties.headers();
        Map<String, String> made = new HashMap<>();
        made.put("tier", String.valueOf(tier(properties)));
        made.put("content-type", String.valueOf(h.contentType()));
        made.put("content-encoding", String.valueOf(h.contentEncoding()));
        made.put("content-language", String.valueOf(h.contentLanguage()));
        made.put("content-disposition", String.valueOf(h.contentDisposition()));
        made.put("cache-control", String.valueOf(h.cacheControl()));
        made.put("kms-key-id", String.valueOf(encryption.kmsKeyId()));
        made.put("sse-c-key-sha256", String.valueOf(encryption.keySha256()));
        return made;
    }

    /** What opening the upload did: the upload, and how many unresumable uploads of the name it aborted. */
    private record Opened(OpenUpload upload, int aborted) {}

    /** A multipart upload kept open after a transient failure, for the next try of the same file. */
    private record Pending(String name, String uploadId, ResumeMarker marker) {}

    /**
     * The upload to send {@code name} to: the one this sink kept open for it, else one an earlier run left with
     * this file's marker, else a new one, marked. Any other upload this sink kept open is aborted first.
     */
    private Opened open(String name, ObjectProperties properties, ResumeMarker marker) throws IOException {
        ObjectHeaders h = properties.headers();
        Pending p = pending;
        pending = null;
        if (p != null && p.name().equals(name) && p.marker().equals(marker)) {
            try {
                return new Opened(new OpenUpload(p.uploadId(), uploads.parts(name, p.uploadId()), true), 0);
            } catch (NotFoundException gone) {
                // committed by a try whose answer was lost, or aborted: start again
            } catch (IOException | RuntimeException e) {
                pending = p; // still worth resuming on the next try
                throw e;
            }
        } else if (p != null) {
            abortQuietly(p);
        }
        int aborted = 0;
        if (marker != null && resumeBefore != Long.MIN_VALUE) {
            OciUploads.Found found = uploads.resumable(name, marker, resumeBefore);
            if (found.upload() != null) {
                return new Opened(found.upload(), found.aborted());
            }
            aborted = found.aborted();
        }
        String uploadId = retry.call(() -> OciExceptions.call("start of multipart upload of " + name,
                () -> client.createMultipartUpload(CreateMultipartUploadRequest.builder()
                        .namespaceName(namespace).bucketName(bucket)
                        .opcSseKmsKeyId(encryption.kmsKeyId()).opcSseCustomerAlgorithm(encryption.algorithm())
                        .opcSseCustomerKey(encryption.key()).opcSseCustomerKeySha256(encryption.keySha256())
                        .createMultipartUploadDetails(CreateMultipartUploadDetails.builder()
                                .object(name).metadata(properties.metadata())
                                .contentType(h.contentType()).contentEncoding(h.contentEncoding())
                                .contentLanguage(h.contentLanguage()).contentDisposition(h.contentDisposition())
                                .cacheControl(h.cacheControl()).storageTier(tier(properties)).build()).build())))
                .value().getMultipartUpload().getUploadId();
        Map<Integer, OpenUpload.Held> parts = new HashMap<>();
        if (marker != null) {
            try {
                Part m = sendPart(name, uploadId, marker.partNumber(), marker.bytes(), marker.bytes().length, null,
                        new AtomicBoolean());
                parts.put(m.number(), new OpenUpload.Held(m.number(), marker.bytes().length, marker.md5(), m.etag()));
            } catch (IOException | RuntimeException | Error e) {
                abort(name, uploadId, e);
                throw e;
            }
        }
        return new Opened(new OpenUpload(uploadId, parts, false), aborted);
    }

    /** The part OCI already holds under this number, if it holds exactly these bytes (checked by their MD5). */
    private static Part held(OpenUpload upload, int number, byte[] buf, int length) {
        if (upload.parts().get(number).size() != length) {
            return null;
        }
        byte[] digest = Md5.of(buf, 0, length);
        OpenUpload.Held h = upload.reusable(number, length, Md5.base64(digest));
        return h == null ? null : new Part(number, h.etag(), digest, 1);
    }

    private static String note(Opened opened, int reused, int parts) {
        String aborted = opened.aborted() == 0 ? null : "aborted " + opened.aborted() + " open upload(s) of this object"
                + " that could not be resumed (another tool's, or made for another version of the source or part size)";
        String resumed = !opened.upload().resumed() ? null : "resumed an open upload: " + reused + " of " + parts
                + " parts were already in OCI (each checked against the source's bytes), " + (parts - reused) + " sent";
        return aborted == null ? resumed : resumed == null ? aborted : resumed + "; " + aborted;
    }

    /** {@code pool} null: the bytes are not a pooled buffer. Once {@code stopping} is set, no further try is made. */
    private Part sendPart(String name, String uploadId, int number, byte[] buf, int length, BufferPool pool,
            AtomicBoolean stopping) throws IOException {
        try {
            byte[] digest = Md5.of(buf, 0, length);
            String md5 = Md5.base64(digest);
            Retry.Outcome<UploadPartResponse> r = retry.call(() -> {
                if (stopping.get()) {
                    throw new InterruptedIOException("upload of part " + number + " of " + name + " stopped");
                }
                return OciExceptions.call("upload of part " + number + " of " + name,
                        () -> client.uploadPart(UploadPartRequest.builder()
                                .namespaceName(namespace).bucketName(bucket).objectName(name)
                                .uploadId(uploadId).uploadPartNum(number)
                                .contentLength((long) length).contentMD5(md5)
                                .opcSseCustomerAlgorithm(encryption.algorithm()).opcSseCustomerKey(encryption.key())
                                .opcSseCustomerKeySha256(encryption.keySha256())
                                .uploadPartBody(new ByteArrayInputStream(buf, 0, length)).build()));
            });
            expectSame(name + " part " + number, "opc-content-md5", md5, r.value().getOpcContentMd5());
            return new Part(number, r.value().getETag(), digest, r.attempts());
        } finally {
            if (pool != null) {
                pool.give(buf);
            }
        }
    }

    /**
     * Stops the parts still being sent and waits until none touches the upload: a part landing after the upload is
     * kept would race the next try's part of the same number. Not by interrupting: the SDK gives up waiting on an
     * interrupt but its request goes on, so a running part ends its request and makes no further try.
     */
    private void stop(List<Future<Part>> sent, List<PartTask> tasks, AtomicBoolean stopping) {
        buffers = null; // parts cancelled before they ran never give their buffers back
        stopping.set(true);
        for (Future<Part> f : sent) {
            f.cancel(false);
        }
        for (PartTask t : tasks) {
            t.awaitEnd();
        }
    }

    /** A part's send that can be told apart: never started (cancelled first), or started and then ended. */
    private static final class PartTask implements Callable<Part> {
        private final Callable<Part> send;
        private final AtomicInteger state = new AtomicInteger(); // 0 not started, 1 started, 2 will never start
        private final CountDownLatch ended = new CountDownLatch(1);

        PartTask(Callable<Part> send) {
            this.send = send;
        }

        @Override
        public Part call() throws Exception {
            if (!state.compareAndSet(0, 1)) {
                throw new CancellationException();
            }
            try {
                return send.call();
            } finally {
                ended.countDown();
            }
        }

        void awaitEnd() {
            if (state.compareAndSet(0, 2)) {
                return;
            }
            try {
                ended.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void abort(String name, String uploadId, Throwable cause) {
        try {
            uploads.abort(name, uploadId);
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(new IOException("could not abort multipart upload " + uploadId + " of " + name
                    + "; it is found and aborted at the end of the run: " + Errors.oneLine(e)));
        }
    }

    /** A kept upload no try will resume; if the abort fails, the end of the run aborts it. */
    private void abortQuietly(Pending p) {
        try {
            uploads.abort(p.name(), p.uploadId());
        } catch (IOException | RuntimeException ignored) {
            // left below the target prefix: the run's last step aborts it
        }
    }

    private static void failFast(List<Future<Part>> sent) throws IOException {
        for (Future<Part> f : sent) {
            if (f.isDone()) {
                await(f);
            }
        }
    }

    private static Part await(Future<Part> f) throws IOException {
        return Futures.get(f, "sending parts");
    }


    private static void expectSame(String what, String header, String expected, String actual) throws IOException {
        if (!expected.equals(actual)) {
            throw new PermanentException("verification failed for " + what + ": OCI reported " + header + " " + actual
                    + ", computed while reading " + expected);
        }
    }

    /** Checks a new object's MD5; one that does not match is deleted, so it is never taken for a copy. */
    private void verifyLanded(String name, String header, String expected, String actual, String etag)
            throws IOException {
        try {
            expectSame(name, header, expected, actual);
        } catch (PermanentException e) {
            try {
                delete(name, etag);
            } catch (IOException | RuntimeException d) {
                e.addSuppressed(d);
            }
            throw e;
        }
    }

    /** A single PUT holds the whole file, to send its Content-MD5 first. */
    @Override
    public long memoryFor(long size) {
        return size;
    }

    @Override
    public ObjectInfo head(String name) throws IOException {
        try {
            HeadObjectResponse h = retry.call(() -> OciExceptions.call("HEAD of " + name,
                    () -> client.headObject(HeadObjectRequest.builder()
                            .namespaceName(namespace).bucketName(bucket).objectName(name)
                            .opcSseCustomerAlgorithm(encryption.algorithm()).opcSseCustomerKey(encryption.key())
                            .opcSseCustomerKeySha256(encryption.keySha256()).build()))).value();
            return new ObjectInfo(h.getContentLength(), h.getETag(), h.getContentMd5(),
                    h.getOpcMeta() == null ? Map.of() : h.getOpcMeta());
        } catch (NotFoundException e) {
            return null;
        }
    }

    /** The condition is OCI's {@code if-match}, so a version replaced since it was listed is kept. */
    @Override
    public void delete(String name, String etag) throws IOException {
        try {
            retry.call(() -> OciExceptions.call("delete of " + name, () -> client.deleteObject(
                    DeleteObjectRequest.builder().namespaceName(namespace).bucketName(bucket).objectName(name)
                            .ifMatch(etag).build())));
        } catch (NotFoundException gone) {
            // already gone: the contract's outcome
        }
    }

    @Override
    public String readMd5(String name) throws IOException {
        GetObjectResponse r = retry.call(() -> OciExceptions.call("read-back of " + name,
                () -> client.getObject(GetObjectRequest.builder()
                        .namespaceName(namespace).bucketName(bucket).objectName(name)
                        .opcSseCustomerAlgorithm(encryption.algorithm()).opcSseCustomerKey(encryption.key())
                        .opcSseCustomerKeySha256(encryption.keySha256()).build()))).value();
        try (InputStream in = r.getInputStream()) {
            return Md5.base64(Md5.of(in));
        }
    }

    private static StorageTier tier(ObjectProperties properties) {
        return properties.storageTier() == null ? null : StorageTier.create(properties.storageTier());
    }

    private BufferPool buffers(long partSize) {
        if (buffers == null || buffers.size() != partSize) {
            buffers = new BufferPool((int) partSize, settings.parallelParts());
        }
        return buffers;
    }

    /** Aborts the upload kept open for a try that will not come. */
    @Override
    public void close() {
        Pending p = pending;
        pending = null;
        if (p != null) {
            abortQuietly(p);
        }
        partSenders.shutdownNow();
    }

    private record Part(int number, String etag, byte[] md5, int attempts) {}
}
