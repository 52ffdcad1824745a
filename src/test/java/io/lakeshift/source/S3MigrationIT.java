package io.lakeshift.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.s3.AmazonS3;
import io.lakeshift.testing.EmulatorFixture;
import io.lakeshift.testing.S3ProxyServer;
import io.lakeshift.testing.SparkTestSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Spark job (local[2]) migrates an S3 lake (s3proxy on 127.0.0.1, through S3A) into the OCI emulator. */
class S3MigrationIT {
    private static S3ProxyServer s3;
    private static AmazonS3 client;
    private static EmulatorFixture oci;
    private static final Map<String, byte[]> LAKE = StoreMigration.sampleLake();

    @BeforeAll
    static void start() throws Exception {
        s3 = S3ProxyServer.start();
        client = s3.client();
        S3ProxyServer.upload(client, "old-lake", "tables/", LAKE);
        client.putObject("old-lake", "tables/year=2024/", "");
        client.putObject("old-lake", "tables/_SUCCESS", "");
        oci = new EmulatorFixture();
        SparkTestSession.get();
    }

    @AfterAll
    static void stop() {
        oci.close();
        client.shutdown();
        s3.close();
    }

    @Test
    void migratesTheLakeByteForByteKeepingTheListedEtags() throws Exception {
        oci.createBucket("from-s3");
        List<String> args = new ArrayList<>(s3.s3Args());
        args.addAll(List.of("--run-id", "s3-1"));
        StoreMigration.Result r = StoreMigration.migrate(oci, "s3a://old-lake/tables",
                "oci://from-s3@" + oci.namespace() + "/raw/", args);

        assertEquals(0, r.code(), r.err() + r.out());
        StoreMigration.assertLanded(oci, "from-s3", "raw/", LAKE);
        String etag = oci.head("from-s3", "raw/with space/a b.txt").getOpcMeta().get("lakeshift-source-etag");
        assertNotNull(etag, "the listing's ETag is kept");
        assertEquals(client.getObjectMetadata("old-lake", "tables/with space/a b.txt").getETag(),
                etag.replace("\"", ""));
        StoreMigration.assertLogsHoldNo(oci, "from-s3", S3ProxyServer.SECRET_KEY);
    }

    @Test
    void aWrongSecretKeyIsOneLineNamingTheBucketAndTheSetting() {
        oci.createBucket("s3-denied");
        String wrong = "not-the-secret-key-4242";
        StoreMigration.Result r = StoreMigration.migrate(oci, "s3a://old-lake/tables",
                "oci://s3-denied@" + oci.namespace() + "/", List.of("--s3-endpoint", s3.endpoint(),
                        "--s3-path-style", "--s3-access-key", S3ProxyServer.ACCESS_KEY,
                        "--s3-secret-key", wrong));
        String line = StoreMigration.assertRefusedInOneLine(r, wrong);
        assertTrue(line.contains("S3 bucket 'old-lake' refused access"), line);
        assertTrue(line.contains("403"), line);
        assertTrue(line.contains("--s3-secret-key"), line);
        assertTrue(oci.list("s3-denied", "").isEmpty(), "nothing ran");
    }

    @Test
    void aMissingEnvironmentVariableNamesTheSetting() {
        StoreMigration.Result r = StoreMigration.migrate(oci, "s3a://old-lake/tables",
                "oci://from-s3@" + oci.namespace() + "/", List.of("--s3-endpoint", s3.endpoint(),
                        "--s3-access-key", S3ProxyServer.ACCESS_KEY,
                        "--s3-secret-key", "env:LAKESHIFT_TEST_UNSET_VARIABLE"));
        assertEquals(io.lakeshift.cli.Main.USAGE, r.code(), r.err());
        assertEquals("lakeshift: --s3-secret-key: environment variable LAKESHIFT_TEST_UNSET_VARIABLE is not set",
                r.err().strip());
    }
}
