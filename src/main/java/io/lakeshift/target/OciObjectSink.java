package io.lakeshift.target;

import io.lakeshift.io.Errors;

import io.lakeshift.io.BufferPool;
import io.lakeshift.io.ChangedException;
import io.lakeshift.io.NotFoundException;
import io.lakeshift.io.PermanentException;
import io.lakeshift.oci.OciExceptions;
import io.lakeshift.io.Retry;
import io.lakeshift.io.Streams;

import com.oracle.bmc.objectstorage.ObjectStorage;
import com.oracle.bmc.objectstorage.model.CommitMultipartUploadDetails;
import com.oracle.bmc.objectstorage.model.CommitMultipartUploadPartDetails;
import com.oracle.bmc.objectstorage.model.CreateMultipartUploadDetails;
import com.oracle.bmc.objectstorage.requests.AbortMultipartUploadRequest;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Streams files into one OCI bucket and verifies each as it lands: a single PUT with Content-MD5 below the
 * multipart threshold, else a multipart upload whose parts go out in parallel.
 *
 * <p>Beyond {@link ObjectSink}'s contract: OCI's MD5 for the object matched the one computed while reading, its
 * metadata is set, and when an upload throws no object was created or replaced. Memory held is at most
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
    private BufferPool buffers;

    public OciObjectSink(ObjectStorage client, String namespace, String bucket, TransferSettings settings, Retry retry) {
        this(client, namespace, bucket, settings, retry, OciEncryption.NONE);
    }

    /** @param encryption the Vault key or SSE-C key every write (and, for SSE-C, every read) carries */
    public OciObjectSink(ObjectStorage client, String namespace, String bucket, TransferSettings settings, Retry retry,
            OciEncryption encryption) {
        this.encryption = encryption;
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
        return new UploadResult(size, md5, put.value().getETag(), 1, put.attempts());
    }

    private UploadResult putMultipart(String name, InputStream in, long size, ObjectProperties properties,
            CommitCheck check) throws IOException {
        ObjectHeaders h = properties.headers();
        long partSize = settings.partSizeFor(size);
        BufferPool pool = buffers(partSize);
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
        List<Future<Part>> sent = new ArrayList<>();
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
                sent.add(partSenders.submit(() -> sendPart(name, uploadId, partNum, buf, n, pool)));
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
            Retry.Outcome<CommitMultipartUploadResponse> commit = retry.call(() -> OciExceptions.call(
                    "commit of multipart upload of " + name + " (" + parts.size() + " parts)",
                    () -> client.commitMultipartUpload(CommitMultipartUploadRequest.builder()
                            .namespaceName(namespace).bucketName(bucket).objectName(name).uploadId(uploadId)
                            .commitMultipartUploadDetails(CommitMultipartUploadDetails.builder()
                                    .partsToCommit(parts.stream().map(p -> CommitMultipartUploadPartDetails.builder()
                                            .partNum(p.number()).etag(p.etag()).build()).toList())
                                    .build()).build())));
            String etag = commit.value().getETag();
            verifyLanded(name, "opc-multipart-md5", expected, commit.value().getOpcMultipartMd5(), etag);
            int attempts = Math.max(commit.attempts(), parts.stream().mapToInt(Part::attempts).max().orElse(1));
            return new UploadResult(total, Md5.base64(whole.digest()), etag, parts.size(), attempts);
        } catch (IOException | RuntimeException | Error e) {
            abort(name, uploadId, sent, e);
            throw e;
        }
    }

    private Part sendPart(String name, String uploadId, int number, byte[] buf, int length, BufferPool pool)
            throws IOException {
        try {
            byte[] digest = Md5.of(buf, 0, length);
            String md5 = Md5.base64(digest);
            Retry.Outcome<UploadPartResponse> r = retry.call(() -> OciExceptions.call(
                    "upload of part " + number + " of " + name, () -> client.uploadPart(UploadPartRequest.builder()
                            .namespaceName(namespace).bucketName(bucket).objectName(name)
                            .uploadId(uploadId).uploadPartNum(number)
                            .contentLength((long) length).contentMD5(md5)
                            .opcSseCustomerAlgorithm(encryption.algorithm()).opcSseCustomerKey(encryption.key())
                            .opcSseCustomerKeySha256(encryption.keySha256())
                            .uploadPartBody(new ByteArrayInputStream(buf, 0, length)).build())));
            expectSame(name + " part " + number, "opc-content-md5", md5, r.value().getOpcContentMd5());
            return new Part(number, r.value().getETag(), digest, r.attempts());
        } finally {
            pool.give(buf);
        }
    }

    private void abort(String name, String uploadId, List<Future<Part>> sent, Throwable cause) {
        buffers = null; // parts cancelled before they ran never give their buffers back
        for (Future<Part> f : sent) {
            f.cancel(true);
        }
        for (Future<Part> f : sent) {
            try {
                f.get();
            } catch (Exception ignored) {
                // Only waiting for the part to stop touching the upload.
            }
        }
        try {
            retry.call(() -> OciExceptions.call("abort of multipart upload of " + name,
                    () -> client.abortMultipartUpload(AbortMultipartUploadRequest.builder()
                            .namespaceName(namespace).bucketName(bucket).objectName(name).uploadId(uploadId)
                            .build())));
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(new IOException("could not abort multipart upload " + uploadId + " of " + name
                    + "; it is found and aborted by the next run: " + Errors.oneLine(e)));
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
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while sending parts");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(c);
        }
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

    @Override
    public void close() {
        partSenders.shutdownNow();
    }

    private record Part(int number, String etag, byte[] md5, int attempts) {}
}
