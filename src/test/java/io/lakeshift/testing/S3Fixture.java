package io.lakeshift.testing;

import com.amazonaws.services.s3.AmazonS3;
import com.amazonaws.services.s3.model.ObjectMetadata;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class's S3 server (s3proxy) with an AWS SDK client on it and the class's buckets, as a JUnit extension:
 * started before the class's first test, stopped after its last.
 * <pre>
 *   {@literal @}RegisterExtension
 *   static final S3Fixture s3 = S3Fixture.perClass("bucket");
 * </pre>
 */
public final class S3Fixture implements BeforeAllCallback, AfterAllCallback {
    private final List<String> buckets;
    private final String fileStoreHeap;
    private Path baseDir;
    private AutoCloseable server;
    private String endpoint;
    private AmazonS3 client;

    private S3Fixture(List<String> buckets, String fileStoreHeap) {
        this.buckets = buckets;
        this.fileStoreHeap = fileStoreHeap;
    }

    /** s3proxy on its in-memory store, with these buckets. */
    public static S3Fixture perClass(String... buckets) {
        return new S3Fixture(List.of(buckets), null);
    }

    /**
     * s3proxy on its file-system store in a temporary folder ({@link #baseDir()}), with a server heap of
     * {@code xmx}: a test can write files into a bucket's folder that the server then serves without an ETag.
     */
    public static S3Fixture onFolders(String xmx, String... buckets) {
        return new S3Fixture(List.of(buckets), xmx);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (fileStoreHeap == null) {
            S3ProxyServer s = S3ProxyServer.start();
            server = s;
            endpoint = s.endpoint();
        } else {
            baseDir = Files.createTempDirectory("s3proxy-data");
            S3ProxyFileServer s = S3ProxyFileServer.start(baseDir, fileStoreHeap);
            server = s;
            endpoint = s.endpoint();
        }
        client = S3ProxyServer.client(endpoint);
        buckets.forEach(client::createBucket);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (client != null) {
            client.shutdown();
        }
        if (server != null) {
            server.close();
        }
        if (baseDir != null) {
            try (Stream<Path> files = Files.walk(baseDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The test's own client on the server. */
    public AmazonS3 client() {
        if (client == null) {
            throw new IllegalStateException("the S3 server is not running: register the fixture as a static"
                    + " @RegisterExtension field");
        }
        return client;
    }

    public String endpoint() {
        client();
        return endpoint;
    }

    /** The folder whose sub-folders are the buckets ({@link #onFolders} only). */
    public Path baseDir() {
        if (baseDir == null) {
            throw new IllegalStateException("only an S3Fixture.onFolders server keeps its objects in a folder");
        }
        return baseDir;
    }

    /** PUTs one object with its length (so the SDK streams it). */
    public void put(String bucket, String key, byte[] body) {
        ObjectMetadata meta = new ObjectMetadata();
        meta.setContentLength(body.length);
        client().putObject(bucket, key, new ByteArrayInputStream(body), meta);
    }

    /** The lakeshift options that point an s3a:// source at this server with its keys. */
    public List<String> s3Args() {
        return List.of("--s3-endpoint", endpoint(), "--s3-path-style", "--s3-access-key",
                S3ProxyServer.ACCESS_KEY, "--s3-secret-key", S3ProxyServer.SECRET_KEY);
    }

    /** Hadoop properties that point S3A at this server with its keys, one try per request (errors show at once). */
    public Map<String, String> s3aProperties() {
        return Map.of("fs.s3a.endpoint", endpoint(), "fs.s3a.path.style.access", "true",
                "fs.s3a.connection.ssl.enabled", "false", "fs.s3a.access.key", S3ProxyServer.ACCESS_KEY,
                "fs.s3a.secret.key", S3ProxyServer.SECRET_KEY, "fs.s3a.endpoint.region", "us-east-1",
                "fs.s3a.attempts.maximum", "1", "fs.s3a.retry.limit", "1");
    }

    @Override
    public String toString() {
        return "s3proxy at " + endpoint;
    }
}
