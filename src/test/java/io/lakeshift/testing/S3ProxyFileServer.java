package io.lakeshift.testing;

import com.amazonaws.services.s3.AmazonS3;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * s3proxy on jclouds' "filesystem" store: every bucket is a folder below {@code baseDir}, every object a file,
 * so a benchmark can write its data set straight into the folder. Same keys, signatures and fetching of the jar
 * as {@link S3ProxyServer} (whose in-memory store the tests rely on and which this class leaves unchanged).
 */
public final class S3ProxyFileServer implements AutoCloseable {
    private final ChildProcess process;
    private final Path baseDir;

    private S3ProxyFileServer(ChildProcess process, Path baseDir) {
        this.process = process;
        this.baseDir = baseDir;
    }

    /** Starts s3proxy serving the folders below {@code baseDir} as buckets, with a JVM heap of {@code xmx}. */
    public static S3ProxyFileServer start(Path baseDir, String xmx) throws IOException, InterruptedException {
        Path jar = S3ProxyServer.jar();
        Files.createDirectories(baseDir);
        Path dir = Files.createTempDirectory("s3proxy-fs");
        Path props = dir.resolve("s3proxy.properties");
        int port = ChildProcess.freePort();
        Files.writeString(props, String.join("\n",
                "s3proxy.endpoint=http://127.0.0.1:" + port,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + S3ProxyServer.ACCESS_KEY,
                "s3proxy.credential=" + S3ProxyServer.SECRET_KEY,
                "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + baseDir.toAbsolutePath(),
                "jclouds.identity=" + S3ProxyServer.ACCESS_KEY,
                "jclouds.credential=" + S3ProxyServer.SECRET_KEY, ""));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ChildProcess p = ChildProcess.start("s3proxy-fs", port, List.of(java, "-Xmx" + xmx, "-jar", jar.toString(),
                "--properties", props.toString()), dir);
        return new S3ProxyFileServer(p, baseDir);
    }

    public String endpoint() {
        return "http://127.0.0.1:" + process.port;
    }

    public long pid() {
        return process.pid;
    }

    public Path baseDir() {
        return baseDir;
    }

    /**
     * An AWS SDK client on this server. Objects it PUTs have an ETag (jclouds keeps their MD5 in an extended
     * attribute); files written straight into {@link #baseDir()} have none.
     */
    public AmazonS3 client() {
        return S3ProxyServer.client(endpoint());
    }

    /** The lakeshift options that point an s3a:// source at this server with its keys. */
    public List<String> s3Args() {
        return List.of("--s3-endpoint", endpoint(), "--s3-path-style", "--s3-access-key",
                S3ProxyServer.ACCESS_KEY, "--s3-secret-key", S3ProxyServer.SECRET_KEY);
    }

    @Override
    public void close() {
        process.close();
    }
}
