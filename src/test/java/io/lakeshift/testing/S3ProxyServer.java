package io.lakeshift.testing;

import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.client.builder.AwsClientBuilder;
import com.amazonaws.services.s3.AmazonS3;
import com.amazonaws.services.s3.AmazonS3ClientBuilder;
import com.amazonaws.services.s3.model.ObjectMetadata;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real S3 server on 127.0.0.1: s3proxy (jclouds' in-memory "transient" store, AWS v2/v4 signatures) run as a
 * child process from target/tools/s3proxy.jar, which the build copies there (pre-integration-test) or this class
 * fetches with Maven. Stopped by its process id.
 */
public final class S3ProxyServer implements AutoCloseable {
    public static final String ACCESS_KEY = "lakeshift-test";
    public static final String SECRET_KEY = "lakeshift-test-secret-0123456789";
    private static final String VERSION = "4.1.0";

    private final ChildProcess process;

    private S3ProxyServer(ChildProcess process) {
        this.process = process;
    }

    public static S3ProxyServer start() throws IOException, InterruptedException {
        Path jar = jar();
        Path dir = Files.createTempDirectory("s3proxy");
        Path props = dir.resolve("s3proxy.properties");
        int port = ChildProcess.freePort();
        Files.writeString(props, String.join("\n",
                "s3proxy.endpoint=http://127.0.0.1:" + port,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + ACCESS_KEY,
                "s3proxy.credential=" + SECRET_KEY,
                "jclouds.provider=transient",
                "jclouds.identity=" + ACCESS_KEY,
                "jclouds.credential=" + SECRET_KEY, ""));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ChildProcess p = ChildProcess.start("s3proxy", port, List.of(java, "-Xmx1g", "-jar", jar.toString(),
                "--properties", props.toString()), dir);
        return new S3ProxyServer(p);
    }

    static Path jar() throws IOException, InterruptedException {
        Path jar = ChildProcess.projectDir().resolve("target/tools/s3proxy.jar");
        if (Files.exists(jar)) {
            return jar;
        }
        Process mvn = new ProcessBuilder(PeerClasspath.mavenCommand(), "-B", "-q", "dependency:copy",
                "-Dartifact=org.gaul:s3proxy:" + VERSION + ":jar:jar-with-dependencies",
                "-DoutputDirectory=" + jar.getParent()).directory(ChildProcess.projectDir().toFile())
                .inheritIO().start();
        if (!mvn.waitFor(10, TimeUnit.MINUTES) || mvn.exitValue() != 0) {
            mvn.destroyForcibly();
            throw new IOException("could not fetch org.gaul:s3proxy:" + VERSION + " with Maven");
        }
        Files.move(jar.resolveSibling("s3proxy-" + VERSION + "-jar-with-dependencies.jar"), jar);
        return jar;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + process.port;
    }

    public long pid() {
        return process.pid;
    }

    /** An AWS SDK client on this server, path-style, with the server's keys. */
    public AmazonS3 client() {
        return client(endpoint());
    }

    /** An AWS SDK client on an s3proxy at {@code endpoint}, path-style, with the servers' keys. */
    static AmazonS3 client(String endpoint) {
        return AmazonS3ClientBuilder.standard()
                .withEndpointConfiguration(new AwsClientBuilder.EndpointConfiguration(endpoint, "us-east-1"))
                .withPathStyleAccessEnabled(true)
                .withCredentials(new AWSStaticCredentialsProvider(new BasicAWSCredentials(ACCESS_KEY, SECRET_KEY)))
                .build();
    }

    /** Creates {@code bucket} and puts every file below {@code prefix}, through {@code client}. */
    public static void upload(AmazonS3 client, String bucket, String prefix, Map<String, byte[]> files) {
        client.createBucket(bucket);
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            ObjectMetadata meta = new ObjectMetadata();
            meta.setContentLength(f.getValue().length);
            client.putObject(bucket, prefix + f.getKey(), new ByteArrayInputStream(f.getValue()), meta);
        }
    }

    /** The lakeshift options that point an s3a:// source at this server with its keys. */
    public List<String> s3Args() {
        return List.of("--s3-endpoint", endpoint(), "--s3-path-style", "--s3-access-key", ACCESS_KEY,
                "--s3-secret-key", SECRET_KEY);
    }

    @Override
    public void close() {
        process.close();
    }
}
