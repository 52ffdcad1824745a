package io.lakeshift.source;

import com.amazonaws.services.s3.AmazonS3;
import com.amazonaws.services.s3.model.ObjectMetadata;
import io.lakeshift.config.ConfigLoader;
import io.lakeshift.config.SourceSettings;
import io.lakeshift.testing.S3ProxyServer;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The source contract on a real S3 server (s3proxy on 127.0.0.1) through S3A, with the --s3-* settings. */
class S3SourceContractIT extends SourceContract {
    private static final String BUCKET = "contract";
    private static S3ProxyServer s3;
    private static AmazonS3 client;

    @BeforeAll
    static void start() throws Exception {
        s3 = S3ProxyServer.start();
        client = s3.client();
        client.createBucket(BUCKET);
    }

    @AfterAll
    static void stop() {
        client.shutdown();
        s3.close();
    }

    @Override
    String newRoot(String name) {
        return "s3a://" + BUCKET + "/" + name;
    }

    private static String key(String root, String relative) {
        return root.substring(("s3a://" + BUCKET + "/").length()) + "/" + relative;
    }

    @Override
    void put(String root, String relative, byte[] bytes) {
        ObjectMetadata meta = new ObjectMetadata();
        meta.setContentLength(bytes.length);
        client.putObject(BUCKET, key(root, relative), new ByteArrayInputStream(bytes), meta);
    }

    @Override
    void putDirectory(String root, String relative) {
        put(root, relative + "/", new byte[0]);
    }

    @Override
    Source source(String root, int pageSize) throws Exception {
        List<String> args = new ArrayList<>(List.of("--source", root, "--target", "oci://b@ns/"));
        args.addAll(s3.s3Args());
        SourceSettings settings = ConfigLoader.load(args).sources();
        return Sources.open(root, settings, Map.of("fs.s3a.paging.maximum", String.valueOf(pageSize)),
                new SecretResolver(Map.of(), ocid -> null), null);
    }

    @Override
    boolean listsEtags() {
        return true;
    }

    @Override
    List<String> secrets() {
        return List.of(S3ProxyServer.SECRET_KEY);
    }
}
