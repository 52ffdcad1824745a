package io.lakeshift.bench;

import com.amazonaws.services.s3.AmazonS3;
import com.amazonaws.services.s3.model.CompleteMultipartUploadRequest;
import com.amazonaws.services.s3.model.GetObjectRequest;
import com.amazonaws.services.s3.model.InitiateMultipartUploadRequest;
import com.amazonaws.services.s3.model.ListObjectsV2Request;
import com.amazonaws.services.s3.model.ListObjectsV2Result;
import com.amazonaws.services.s3.model.ObjectMetadata;
import com.amazonaws.services.s3.model.PartETag;
import com.amazonaws.services.s3.model.PutObjectRequest;
import com.amazonaws.services.s3.model.S3Object;
import com.amazonaws.services.s3.model.S3ObjectSummary;
import com.amazonaws.services.s3.model.UploadPartRequest;
import com.oracle.bmc.auth.ConfigFileAuthenticationDetailsProvider;
import com.oracle.bmc.objectstorage.ObjectStorageClient;
import com.oracle.bmc.objectstorage.model.CommitMultipartUploadDetails;
import com.oracle.bmc.objectstorage.model.CommitMultipartUploadPartDetails;
import com.oracle.bmc.objectstorage.model.CreateMultipartUploadDetails;
import com.oracle.bmc.objectstorage.requests.CommitMultipartUploadRequest;
import com.oracle.bmc.objectstorage.requests.CreateMultipartUploadRequest;
import io.lakeshift.emulator.RawClient;
import io.lakeshift.emulator.auth.Pem;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The raw ceiling: the same bytes moved with no framework, N plain GETs from the S3 server (AWS SDK v1, SigV4)
 * each followed by a PUT into the target: the OCI emulator (run 1, signed by the emulator tests'
 * {@link RawClient}) or a second bucket of the same S3 server (run 2, AWS SDK v1). Files up to the threshold go
 * as one GET and one PUT; larger ones as ranged GETs of part size, each PUT as an upload part, then a commit. No
 * checksums beyond what HTTP and SigV4 do, no retries, no log: the most these servers allow here.
 *
 * <p>Into OCI the ceiling PUTs the way a plain OCI Java SDK user would ({@code oci-sdk}): an
 * {@code ObjectStorageClient} built with the SDK's defaults from the emulator's config file, PutObject per file,
 * CreateMultipartUpload / UploadPart / CommitMultipartUpload for large ones. {@code oci-http} instead signs plain
 * java.net.http requests with the emulator tests' {@link RawClient} (no SDK, no Jersey: the server's own limit).
 *
 * <p>Args: {@code s3Endpoint s3Bucket prefix threads partMiB thresholdMiB} then one of
 * {@code oci-sdk ociEndpoint configFile profile namespace ociBucket},
 * {@code oci-http ociEndpoint keyId keyFile namespace ociBucket} or {@code s3 destBucket}. Object names are kept.
 */
public final class RawCeiling {
    private static final Pattern UPLOAD_ID = Pattern.compile("\"uploadId\"\\s*:\\s*\"([^\"]+)\"");

    /** Where the bytes go. */
    interface Sink extends AutoCloseable {
        @Override
        default void close() {
        }

        void put(String key, byte[] body) throws Exception;

        String startUpload(String key) throws Exception;

        /** Answers the part's ETag. */
        String putPart(String key, String uploadId, int num, byte[] body) throws Exception;

        void commit(String key, String uploadId, List<String> etags) throws Exception;
    }

    public static void main(String[] a) throws Exception {
        // No client-side MD5s on the SDK's PUTs and GETs: the ceiling does no checksums of its own.
        System.setProperty("com.amazonaws.services.s3.disablePutObjectMD5Validation", "true");
        System.setProperty("com.amazonaws.services.s3.disableGetObjectMD5Validation", "true");
        String s3Endpoint = a[0], s3Bucket = a[1], prefix = a[2];
        int threads = Integer.parseInt(a[3]);
        long part = Long.parseLong(a[4]) << 20, threshold = Long.parseLong(a[5]) << 20;
        AmazonS3 s3 = BenchS3.client(s3Endpoint, threads + 4);
        Sink sink = switch (a[6]) {
            case "oci-sdk" -> OciSdkSink.of(a[7], a[8], a[9], a[10], a[11]);
            case "oci-http" -> new OciSink(new RawClient(a[7], a[8], Pem.readPrivateKey(Path.of(a[9]))), a[10], a[11]);
            case "s3" -> new S3Sink(s3, a[7]);
            default -> throw new IllegalArgumentException("target oci-sdk|oci-http|s3, not " + a[6]);
        };
        ExecutorService pool = Executors.newFixedThreadPool(threads);

        List<S3ObjectSummary> objects = new ArrayList<>();
        ListObjectsV2Request list = new ListObjectsV2Request().withBucketName(s3Bucket).withPrefix(prefix);
        ListObjectsV2Result page;
        do {
            page = s3.listObjectsV2(list);
            objects.addAll(page.getObjectSummaries());
            list.setContinuationToken(page.getNextContinuationToken());
        } while (page.isTruncated());

        List<Future<?>> small = new ArrayList<>();
        List<S3ObjectSummary> large = new ArrayList<>();
        long bytes = 0;
        for (S3ObjectSummary o : objects) {
            bytes += o.getSize();
            if (o.getSize() <= threshold) {
                small.add(pool.submit(() -> {
                    sink.put(o.getKey(), get(s3, s3Bucket, o.getKey(), -1, -1));
                    return null;
                }));
            } else {
                large.add(o);
            }
        }
        // Large files: all parts of all files share the same pool; commits as each file's parts finish.
        List<Object[]> uploads = new ArrayList<>();
        for (S3ObjectSummary o : large) {
            String uploadId = sink.startUpload(o.getKey());
            List<Future<String>> parts = new ArrayList<>();
            for (long off = 0, n = 1; off < o.getSize(); off += part, n++) {
                long from = off, to = Math.min(o.getSize(), off + part) - 1;
                int num = (int) n;
                parts.add(pool.submit(() -> sink.putPart(o.getKey(), uploadId, num,
                        get(s3, s3Bucket, o.getKey(), from, to))));
            }
            uploads.add(new Object[] {o.getKey(), uploadId, parts});
        }
        for (Future<?> f : small) {
            f.get();
        }
        for (Object[] u : uploads) {
            @SuppressWarnings("unchecked")
            List<Future<String>> parts = (List<Future<String>>) u[2];
            List<String> etags = new ArrayList<>();
            for (Future<String> f : parts) {
                etags.add(f.get());
            }
            sink.commit((String) u[0], (String) u[1], etags);
        }
        pool.shutdown();
        sink.close();
        System.out.println("raw: " + objects.size() + " objects, " + bytes + " bytes");
        s3.shutdown();
    }

    private static byte[] get(AmazonS3 s3, String bucket, String key, long from, long to) throws IOException {
        GetObjectRequest req = new GetObjectRequest(bucket, key);
        if (from >= 0) {
            req.setRange(from, to);
        }
        try (S3Object o = s3.getObject(req); InputStream in = o.getObjectContent()) {
            return in.readAllBytes();
        }
    }

    /** PUTs into the OCI emulator with plain signed requests. */
    private record OciSink(RawClient oci, String namespace, String bucket) implements Sink {
        private String base() {
            return "/n/" + namespace + "/b/" + bucket;
        }

        @Override
        public void put(String key, byte[] body) throws Exception {
            check(oci.send("PUT", base() + "/o/" + enc(key), body, Map.of()), "PUT " + key);
        }

        @Override
        public String startUpload(String key) throws Exception {
            HttpResponse<byte[]> r = oci.send("POST", base() + "/u",
                    ("{\"object\":\"" + key + "\"}").getBytes(StandardCharsets.UTF_8), Map.of());
            check(r, "create upload " + key);
            Matcher m = UPLOAD_ID.matcher(new String(r.body(), StandardCharsets.UTF_8));
            if (!m.find()) {
                throw new IOException("no uploadId in " + new String(r.body(), StandardCharsets.UTF_8));
            }
            return m.group(1);
        }

        @Override
        public String putPart(String key, String uploadId, int num, byte[] body) throws Exception {
            HttpResponse<byte[]> r = oci.send("PUT", base() + "/u/" + enc(key) + "?uploadId=" + enc(uploadId)
                    + "&uploadPartNum=" + num, body, Map.of());
            check(r, "part " + num + " of " + key);
            return r.headers().firstValue("etag").orElseThrow();
        }

        @Override
        public void commit(String key, String uploadId, List<String> etags) throws Exception {
            StringBuilder json = new StringBuilder("{\"partsToCommit\":[");
            for (int i = 0; i < etags.size(); i++) {
                json.append(i == 0 ? "" : ",").append("{\"partNum\":").append(i + 1).append(",\"etag\":\"")
                        .append(etags.get(i)).append("\"}");
            }
            json.append("]}");
            check(oci.send("POST", base() + "/u/" + enc(key) + "?uploadId=" + enc(uploadId),
                    json.toString().getBytes(StandardCharsets.UTF_8), Map.of()), "commit " + key);
        }

        private static void check(HttpResponse<byte[]> r, String what) throws IOException {
            if (r.statusCode() / 100 != 2) {
                throw new IOException(what + ": HTTP " + r.statusCode() + " "
                        + new String(r.body(), StandardCharsets.UTF_8));
            }
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }

    /** PUTs into the OCI emulator with the OCI Java SDK's ObjectStorageClient, as its defaults come. */
    private record OciSdkSink(ObjectStorageClient oci, String namespace, String bucket) implements Sink {
        static OciSdkSink of(String endpoint, String configFile, String profile, String namespace, String bucket)
                throws IOException {
            return new OciSdkSink(ObjectStorageClient.builder().endpoint(endpoint)
                    .build(new ConfigFileAuthenticationDetailsProvider(configFile, profile)), namespace, bucket);
        }

        @Override
        public void close() {
            oci.close();
        }

        @Override
        public void put(String key, byte[] body) {
            oci.putObject(com.oracle.bmc.objectstorage.requests.PutObjectRequest.builder().namespaceName(namespace).bucketName(bucket).objectName(key)
                    .contentLength((long) body.length).putObjectBody(new ByteArrayInputStream(body)).build());
        }

        @Override
        public String startUpload(String key) {
            return oci.createMultipartUpload(CreateMultipartUploadRequest.builder().namespaceName(namespace)
                    .bucketName(bucket).createMultipartUploadDetails(CreateMultipartUploadDetails.builder()
                            .object(key).build()).build()).getMultipartUpload().getUploadId();
        }

        @Override
        public String putPart(String key, String uploadId, int num, byte[] body) {
            return oci.uploadPart(com.oracle.bmc.objectstorage.requests.UploadPartRequest.builder().namespaceName(namespace).bucketName(bucket)
                    .objectName(key).uploadId(uploadId).uploadPartNum(num).contentLength((long) body.length)
                    .uploadPartBody(new ByteArrayInputStream(body)).build()).getETag();
        }

        @Override
        public void commit(String key, String uploadId, List<String> etags) {
            List<CommitMultipartUploadPartDetails> parts = new ArrayList<>();
            for (int i = 0; i < etags.size(); i++) {
                parts.add(CommitMultipartUploadPartDetails.builder().partNum(i + 1).etag(etags.get(i)).build());
            }
            oci.commitMultipartUpload(CommitMultipartUploadRequest.builder().namespaceName(namespace)
                    .bucketName(bucket).objectName(key).uploadId(uploadId).commitMultipartUploadDetails(
                            CommitMultipartUploadDetails.builder().partsToCommit(parts).build()).build());
        }
    }

    /** PUTs into another bucket of the S3 server with the same SDK client. */
    private record S3Sink(AmazonS3 s3, String bucket) implements Sink {
        @Override
        public void put(String key, byte[] body) {
            s3.putObject(new PutObjectRequest(bucket, key, new ByteArrayInputStream(body), length(body.length)));
        }

        @Override
        public String startUpload(String key) {
            return s3.initiateMultipartUpload(new InitiateMultipartUploadRequest(bucket, key)).getUploadId();
        }

        @Override
        public String putPart(String key, String uploadId, int num, byte[] body) {
            return s3.uploadPart(new UploadPartRequest().withBucketName(bucket).withKey(key).withUploadId(uploadId)
                    .withPartNumber(num).withPartSize(body.length).withInputStream(new ByteArrayInputStream(body)))
                    .getETag();
        }

        @Override
        public void commit(String key, String uploadId, List<String> etags) {
            List<PartETag> parts = new ArrayList<>();
            for (int i = 0; i < etags.size(); i++) {
                parts.add(new PartETag(i + 1, etags.get(i)));
            }
            s3.completeMultipartUpload(new CompleteMultipartUploadRequest(bucket, key, uploadId, parts));
        }

        private static ObjectMetadata length(long n) {
            ObjectMetadata m = new ObjectMetadata();
            m.setContentLength(n);
            return m;
        }
    }
}
