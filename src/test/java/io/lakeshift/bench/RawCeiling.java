package io.lakeshift.bench;

import com.amazonaws.ClientConfiguration;
import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.client.builder.AwsClientBuilder;
import com.amazonaws.services.s3.AmazonS3;
import com.amazonaws.services.s3.AmazonS3ClientBuilder;
import com.amazonaws.services.s3.model.GetObjectRequest;
import com.amazonaws.services.s3.model.ListObjectsV2Request;
import com.amazonaws.services.s3.model.ListObjectsV2Result;
import com.amazonaws.services.s3.model.S3Object;
import com.amazonaws.services.s3.model.S3ObjectSummary;
import io.lakeshift.emulator.RawClient;
import io.lakeshift.emulator.auth.Pem;
import io.lakeshift.testing.S3ProxyServer;

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
 * each followed by a PUT into the OCI emulator (signed by the emulator tests' {@link RawClient}). Files up to the
 * threshold go as one GET and one PUT; larger ones as ranged GETs of part size, each PUT as an upload part, then
 * a commit. No checksums beyond what HTTP does, no retries, no log: the most these servers allow here.
 *
 * <p>Args: s3Endpoint s3Bucket prefix ociEndpoint keyId keyFile namespace ociBucket threads partMiB thresholdMiB
 */
public final class RawCeiling {
    private static final Pattern UPLOAD_ID = Pattern.compile("\"uploadId\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] a) throws Exception {
        String s3Endpoint = a[0], s3Bucket = a[1], prefix = a[2], ociEndpoint = a[3], keyId = a[4];
        Path keyFile = Path.of(a[5]);
        String ns = a[6], ociBucket = a[7];
        int threads = Integer.parseInt(a[8]);
        long part = Long.parseLong(a[9]) << 20, threshold = Long.parseLong(a[10]) << 20;

        AmazonS3 s3 = AmazonS3ClientBuilder.standard()
                .withEndpointConfiguration(new AwsClientBuilder.EndpointConfiguration(s3Endpoint, "us-east-1"))
                .withPathStyleAccessEnabled(true)
                .withClientConfiguration(new ClientConfiguration().withMaxConnections(threads + 4))
                .withCredentials(new AWSStaticCredentialsProvider(
                        new BasicAWSCredentials(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY)))
                .build();
        RawClient oci = new RawClient(ociEndpoint, keyId, Pem.readPrivateKey(keyFile));
        ExecutorService pool = Executors.newFixedThreadPool(threads);

        List<S3ObjectSummary> objects = new ArrayList<>();
        ListObjectsV2Request list = new ListObjectsV2Request().withBucketName(s3Bucket).withPrefix(prefix);
        ListObjectsV2Result page;
        do {
            page = s3.listObjectsV2(list);
            objects.addAll(page.getObjectSummaries());
            list.setContinuationToken(page.getNextContinuationToken());
        } while (page.isTruncated());

        String base = "/n/" + ns + "/b/" + ociBucket;
        List<Future<?>> small = new ArrayList<>();
        List<S3ObjectSummary> large = new ArrayList<>();
        long bytes = 0;
        for (S3ObjectSummary o : objects) {
            bytes += o.getSize();
            if (o.getSize() <= threshold) {
                small.add(pool.submit(() -> {
                    byte[] body = get(s3, s3Bucket, o.getKey(), -1, -1);
                    check(oci.send("PUT", base + "/o/" + enc(o.getKey()), body, Map.of()), "PUT " + o.getKey());
                    return null;
                }));
            } else {
                large.add(o);
            }
        }
        // Large files: all parts of all files share the same pool; commits as each file's parts finish.
        List<Object[]> uploads = new ArrayList<>();
        for (S3ObjectSummary o : large) {
            String name = enc(o.getKey());
            HttpResponse<byte[]> r = oci.send("POST", base + "/u",
                    ("{\"object\":\"" + o.getKey() + "\"}").getBytes(StandardCharsets.UTF_8), Map.of());
            check(r, "create upload " + o.getKey());
            Matcher m = UPLOAD_ID.matcher(new String(r.body(), StandardCharsets.UTF_8));
            if (!m.find()) {
                throw new IOException("no uploadId in " + new String(r.body(), StandardCharsets.UTF_8));
            }
            String uploadId = m.group(1);
            List<Future<String>> parts = new ArrayList<>();
            for (long off = 0, n = 1; off < o.getSize(); off += part, n++) {
                long from = off, to = Math.min(o.getSize(), off + part) - 1, num = n;
                parts.add(pool.submit(() -> {
                    byte[] body = get(s3, s3Bucket, o.getKey(), from, to);
                    HttpResponse<byte[]> pr = oci.send("PUT", base + "/u/" + name + "?uploadId="
                            + enc(uploadId) + "&uploadPartNum=" + num, body, Map.of());
                    check(pr, "part " + num + " of " + o.getKey());
                    return pr.headers().firstValue("etag").orElseThrow();
                }));
            }
            uploads.add(new Object[] {o, name, uploadId, parts});
        }
        for (Future<?> f : small) {
            f.get();
        }
        for (Object[] u : uploads) {
            @SuppressWarnings("unchecked")
            List<Future<String>> parts = (List<Future<String>>) u[3];
            StringBuilder json = new StringBuilder("{\"partsToCommit\":[");
            for (int i = 0; i < parts.size(); i++) {
                json.append(i == 0 ? "" : ",").append("{\"partNum\":").append(i + 1).append(",\"etag\":\"")
                        .append(parts.get(i).get()).append("\"}");
            }
            json.append("]}");
            check(oci.send("POST", base + "/u/" + u[1] + "?uploadId=" + enc((String) u[2]),
                    json.toString().getBytes(StandardCharsets.UTF_8), Map.of()), "commit " + u[1]);
        }
        pool.shutdown();
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

    private static void check(HttpResponse<byte[]> r, String what) throws IOException {
        if (r.statusCode() / 100 != 2) {
            throw new IOException(what + ": HTTP " + r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8));
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
