package io.lakeshift.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.s3.model.ObjectMetadata;
import com.oracle.bmc.objectstorage.responses.HeadObjectResponse;
import io.lakeshift.testing.EmulatorFixture;
import io.lakeshift.testing.S3Fixture;
import io.lakeshift.testing.S3ProxyServer;
import io.lakeshift.testing.SparkTestSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Spark job (local[2]) migrates an S3 lake (s3proxy on 127.0.0.1, through S3A) into the OCI emulator. */
class S3MigrationIT {
    @RegisterExtension
    static final S3Fixture s3 = S3Fixture.perClass();
    @RegisterExtension
    static final EmulatorFixture oci = EmulatorFixture.perClass();
    private static final Map<String, byte[]> LAKE = StoreMigration.sampleLake();

    @BeforeAll
    static void start() {
        S3ProxyServer.upload(s3.client(), "old-lake", "tables/", LAKE);
        s3.client().putObject("old-lake", "tables/year=2024/", "");
        s3.client().putObject("old-lake", "tables/_SUCCESS", "");
        SparkTestSession.get();
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
        assertEquals(s3.client().getObjectMetadata("old-lake", "tables/with space/a b.txt").getETag(),
                etag.replace("\"", ""));
        StoreMigration.assertLogsHoldNo(oci, "from-s3", S3ProxyServer.SECRET_KEY);
    }

    /** S3's headers and x-amz-meta-* (set through the AWS SDK on s3proxy) land on the OCI object as OCI keeps them. */
    @Test
    void carriesTheContentHeadersAndUserMetadataOnBothUploadPathsAndASecondRunCopiesNothing() throws Exception {
        for (String name : List.of("small.csv", "big.csv")) {
            byte[] body = StoreMigration.bytes(name.startsWith("big") ? (3 << 19) : 900, name.length());
            ObjectMetadata m = new ObjectMetadata();
            m.setContentLength(body.length);
            m.setContentType("text/csv; charset=utf-8");
            m.setCacheControl("max-age=3600");
            m.setContentDisposition("attachment; filename=\"" + name + "\"");
            m.setContentLanguage("de");
            m.setContentEncoding("identity");
            m.addUserMetadata("Owner", "data-team");
            m.addUserMetadata("lakeshift-source-size", "1");
            s3.client().putObject("old-lake", "headers/" + name, new java.io.ByteArrayInputStream(body), m);
        }
        oci.createBucket("s3-headers");
        List<String> args = new ArrayList<>(s3.s3Args());
        args.addAll(List.of("--multipart-threshold", "1MiB", "--part-size", "1MiB"));
        String target = "oci://s3-headers@" + oci.namespace() + "/";
        StoreMigration.Result r = StoreMigration.migrate(oci, "s3a://old-lake/headers", target, args);
        assertEquals(0, r.code(), r.err() + r.out());

        for (String name : List.of("small.csv", "big.csv")) {
            HeadObjectResponse h = oci.head("s3-headers", name);
            assertEquals("text/csv;charset=utf-8", h.getContentType().replace(" ", ""), name);
            assertEquals("max-age=3600", h.getCacheControl(), name);
            assertEquals("attachment; filename=\"" + name + "\"", h.getContentDisposition(), name);
            assertEquals("de", h.getContentLanguage(), name);
            assertEquals("identity", h.getContentEncoding(), name);
            assertEquals("data-team", h.getOpcMeta().get("owner"), name + ": " + h.getOpcMeta());
            assertEquals(Long.toString(oci.get("s3-headers", name).length),
                    h.getOpcMeta().get("lakeshift-source-size"), "lakeshift's own key wins");
        }
        Map<String, String> etags = oci.etags("s3-headers", "");
        StoreMigration.Result again = StoreMigration.migrate(oci, "s3a://old-lake/headers", target, args);
        assertEquals(0, again.code(), again.err() + again.out());
        assertTrue(again.out().contains(": 2 equal"), again.out());
        Map<String, String> after = oci.etags("s3-headers", "");
        after.keySet().retainAll(Set.of("small.csv", "big.csv"));
        etags.keySet().retainAll(Set.of("small.csv", "big.csv"));
        assertEquals(etags, after, "nothing was written again");
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
