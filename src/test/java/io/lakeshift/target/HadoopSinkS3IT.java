package io.lakeshift.target;

import io.lakeshift.target.HadoopTarget;
import io.lakeshift.target.ObjectSink;
import io.lakeshift.io.Retry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.s3.AmazonS3;
import io.lakeshift.model.HadoopLocation;
import io.lakeshift.testing.S3ProxyServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sink contract on a real S3 server (s3proxy) through S3A: aborts, ETag-as-MD5 check, conditional delete. */
class HadoopSinkS3IT extends ObjectSinkContract {
    private static S3ProxyServer s3;
    private static AmazonS3 client;

    @BeforeAll
    static void start() throws Exception {
        s3 = S3ProxyServer.start();
        client = s3.client();
        client.createBucket("sink");
    }

    @AfterAll
    static void stop() {
        client.shutdown();
        s3.close();
    }

    static Map<String, String> s3a(S3ProxyServer s3) {
        return Map.of("fs.s3a.endpoint", s3.endpoint(), "fs.s3a.path.style.access", "true",
                "fs.s3a.connection.ssl.enabled", "false", "fs.s3a.access.key", S3ProxyServer.ACCESS_KEY,
                "fs.s3a.secret.key", S3ProxyServer.SECRET_KEY, "fs.s3a.endpoint.region", "us-east-1",
                "fs.s3a.attempts.maximum", "1", "fs.s3a.retry.limit", "1");
    }

    @Override
    ObjectSink open() throws Exception {
        return HadoopTarget.of(new HadoopLocation("s3a://sink/"), s3a(s3), SETTINGS).openSink(SETTINGS,
                Retry.attempts(1));
    }

    @Test
    void s3aWritesBufferInMemoryNeverOnLocalDiskUnlessTheUserSaysSo() throws Exception {
        HadoopTarget ours = HadoopTarget.of(new HadoopLocation("s3a://sink/"), s3a(s3), SETTINGS);
        assertEquals("bytebuffer", ours.fileSystem().getConf().get("fs.s3a.fast.upload.buffer"), "small files");
        assertEquals("array", ours.largeFileSystem().getConf().get("fs.s3a.fast.upload.buffer"), "multipart files");
        assertEquals("keep", ours.fileSystem().getConf().get("fs.s3a.directory.marker.retention"));
        assertEquals(5L << 20, ours.fileSystem().getConf().getLongBytes("fs.s3a.multipart.size", 0),
                "S3's smallest part, as --part-size 1MiB is below it");
        assertEquals(1000 + (5L << 20), ours.openSink(SETTINGS, Retry.attempts(1)).memoryFor(1000),
                "a small file in flight holds a whole S3A block");

        Map<String, String> disk = new java.util.HashMap<>(s3a(s3));
        disk.put("fs.s3a.fast.upload.buffer", "disk");
        HadoopTarget theirs = HadoopTarget.of(new HadoopLocation("s3a://sink/"), disk, SETTINGS);
        assertEquals("disk", theirs.fileSystem().getConf().get("fs.s3a.fast.upload.buffer"), "the user's choice");
        assertEquals("disk", theirs.largeFileSystem().getConf().get("fs.s3a.fast.upload.buffer"));
    }

    @Override
    byte[] stored(String name) throws Exception {
        try (var in = client.getObject("sink", name).getObjectContent()) {
            return in.readAllBytes();
        }
    }
}
