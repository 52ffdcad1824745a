package io.lakeshift.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.cli.Main;
import io.lakeshift.secrets.Secrets;
import io.lakeshift.testing.EmulatorFixture;
import io.lakeshift.testing.JobRuns;
import io.lakeshift.testing.Lakes;
import io.lakeshift.testing.SparkTestSession;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.util.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.Tuple2;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/** Known secret strings go in; every output is searched for them. */
class SecretsIT {
    @TempDir
    Path dir;

    @Test
    void noSecretReachesStdoutStderrOrAnyLogFile() throws Exception {
        String secret = SparkTestSession.HADOOP_SECRET;
        SparkTestSession.get();
        try (EmulatorFixture oci = new EmulatorFixture()) {
            oci.createBucket("secrets");
            Path lake = dir.resolve("lake");
            Lakes.write(lake, "ok.bin", 1000, 1);
            Lakes.write(lake, "broken-with-url.bin", 50_000, 2);
            JobRuns.Outcome o = new JobRuns(oci).main("migrate", "--source", lake.toUri().toString(), "--target",
                    "oci://secrets@" + oci.namespace() + "/", "--run-id", "s1", "--max-attempts", "1");
            assertEquals(Main.FILES_FAILED, o.code(), o.err());

            List<String> outputs = new ArrayList<>(List.of(o.out(), o.err()));
            for (String name : oci.list("secrets", "_lakeshift/")) {
                outputs.add(new String(oci.get("secrets", name), StandardCharsets.UTF_8));
            }
            assertTrue(outputs.size() >= 5, "stdout, stderr, started.json, a log part and summary.json");
            for (String text : outputs) {
                assertFalse(text.contains(secret), "a secret leaked into: " + text);
            }
            String failedLine = outputs.stream().filter(t -> t.contains("broken-with-url.bin") && t.contains("sig="))
                    .findFirst().orElseThrow(() -> new AssertionError("the failure's URL is logged, masked"));
            assertTrue(failedLine.contains("sig=" + Secrets.MASK), failedLine);
        }
    }

    @Test
    void sparksOwnConfigurationDumpsMaskCloudCredentialsWithTheRegexLakeshiftSets() {
        SparkConf conf = new SparkConf().set("spark.redaction.regex", Secrets.SECRET_NAME.pattern());
        List<Tuple2<String, String>> kvs = List.of(
                new Tuple2<>("spark.hadoop.fs.s3a.secret.key", "s3-secret-value"),
                new Tuple2<>("spark.hadoop.fs.azure.account.key.acct.dfs.core.windows.net", "azure-key-value"),
                new Tuple2<>("spark.hadoop.fs.azure.sas.fixed.token.acct.dfs.core.windows.net", "sas-value"),
                new Tuple2<>("spark.hadoop.fs.azure.account.oauth2.client.secret", "client-secret-value"),
                new Tuple2<>("spark.hadoop.fs.s3a.endpoint", "http://127.0.0.1:9000"));
        Seq<Tuple2<String, String>> seq = JavaConverters.asScalaBuffer(new ArrayList<>(kvs)).toSeq();
        String dump = Utils.redact(conf, seq).toString();
        for (String value : List.of("s3-secret-value", "azure-key-value", "sas-value", "client-secret-value")) {
            assertFalse(dump.contains(value), dump);
        }
        assertTrue(dump.contains("http://127.0.0.1:9000"), "plain settings stay readable: " + dump);
    }

    @Test
    void theDataFlowDefinitionHoldsNoSecretOnlyVaultReferences() throws Exception {
        for (String file : List.of("packaging/dataflow/application.json", "packaging/dataflow/application.tf")) {
            String text = java.nio.file.Files.readString(java.nio.file.Path.of(file));
            assertEquals(text, Secrets.redact(text), file + " holds something shaped like a credential");
            for (String option : List.of("--s3-secret-key", "--azure-account-key", "--azure-client-secret",
                    "--azure-sas-token", "--s3-session-token")) {
                int at = text.indexOf(option);
                assertTrue(at < 0 || text.substring(at).matches("(?s)" + java.util.regex.Pattern.quote(option)
                        + "\\W+(oci-vault:|env:|\\$\\{).*"), file + ": " + option + " must name a vault secret");
            }
        }
    }

    @Test
    void shapedCredentialsAndKeysAreMaskedInAnyText() {
        Secrets.register("a-registered-secret-42");
        String text = "GET https://a.blob.core.windows.net/c/x?sv=2021&sig=abc%2Fdef&se=2030 failed; "
                + "AccountKey=Zm9vYmFy; password=hunter2; a-registered-secret-42 in a message; "
                + "-----BEGIN RSA " + "PRIVATE KEY-----\nMIIB\n-----END RSA " + "PRIVATE KEY-----; year=2024/part=1";
        String masked = Secrets.redact(text);
        for (String s : List.of("abc%2Fdef", "Zm9vYmFy", "hunter2", "a-registered-secret-42", "MIIB")) {
            assertFalse(masked.contains(s), masked);
        }
        assertTrue(masked.contains("year=2024/part=1"), "partition folders are not secrets: " + masked);
    }
}
