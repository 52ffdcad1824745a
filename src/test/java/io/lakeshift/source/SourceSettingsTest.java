package io.lakeshift.source;

import io.lakeshift.secrets.Secret;
import io.lakeshift.secrets.SecretException;
import io.lakeshift.secrets.SecretResolver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.config.ConfigException;
import io.lakeshift.config.ConfigLoader;
import io.lakeshift.config.MigrationConfig;
import io.lakeshift.config.Option;
import io.lakeshift.config.SecretRef;
import io.lakeshift.config.SourceSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Source settings: secrets syntax and resolution, reader choice, S3A mapping, redaction. No server needed. */
class SourceSettingsTest {
    private static final String VAULT_OCID = "ocid1.vaultsecret.oc1.eu-frankfurt-1.amaaaaaexample";

    @TempDir
    Path dir;

    private static MigrationConfig config(String source, String... more) {
        List<String> args = new ArrayList<>(List.of("--source", source, "--target", "oci://b@ns/"));
        args.addAll(Arrays.asList(more));
        return ConfigLoader.load(args);
    }

    private static SecretResolver resolver(Map<String, String> env, Map<String, String> vault) {
        return new SecretResolver(env, ocid -> {
            if (!vault.containsKey(ocid)) {
                throw new SecretException("cannot read OCI Vault secret " + ocid + ": OCI answered 404");
            }
            return vault.get(ocid);
        });
    }

    @Test
    void secretsAreLiteralsEnvironmentVariablesOrVaultOcids() throws Exception {
        SecretResolver r = resolver(Map.of("MY_KEY", "from-env"), Map.of(VAULT_OCID, "from-vault\n"));
        assertEquals("literal", r.resolve(SecretRef.parse("literal", Option.S3_SECRET_KEY)).value());
        assertEquals("from-env", r.resolve(SecretRef.parse("env:MY_KEY", Option.S3_SECRET_KEY)).value());
        assertEquals("from-vault",
                r.resolve(SecretRef.parse("oci-vault:" + VAULT_OCID, Option.S3_SECRET_KEY)).value());
        assertNull(r.resolve(SecretRef.parse("  ", Option.S3_SECRET_KEY)));
        ConfigException unset = assertThrows(ConfigException.class,
                () -> r.resolve(SecretRef.parse("env:NOT_SET", Option.AZURE_ACCOUNT_KEY)));
        assertEquals("--azure-account-key: environment variable NOT_SET is not set", unset.getMessage());
        SecretException vault = assertThrows(SecretException.class, () -> r.resolve(
                SecretRef.parse("oci-vault:ocid1.vaultsecret.oc1.x.other", Option.AZURE_CLIENT_SECRET)));
        assertTrue(vault.getMessage().contains("ocid1.vaultsecret.oc1.x.other"), vault.getMessage());
        ConfigException badOcid = assertThrows(ConfigException.class,
                () -> SecretRef.parse("oci-vault:ocid1.bucket.oc1..x", Option.AZURE_SAS_TOKEN));
        assertTrue(badOcid.getMessage().startsWith("--azure-sas-token: "), badOcid.getMessage());
    }

    @Test
    void settingsNeverPrintASecretValue() {
        MigrationConfig c = config("s3a://bucket/x", "--s3-access-key", "AKIDEXAMPLE", "--s3-secret-key",
                "s3cr3t-value", "--azure-account-key", "azure-k3y-value", "--azure-sas-token", "sv=1&sig=s1gnature");
        String text = c.toString() + c.sources() + new Secret("s3cr3t-value");
        for (String secret : List.of("s3cr3t-value", "azure-k3y-value", "s1gnature", "AKIDEXAMPLE")) {
            assertFalse(text.contains(secret), secret + " in " + text);
        }
        assertEquals("--s3-secret-key (OCI Vault secret " + VAULT_OCID + ")",
                SecretRef.parse("oci-vault:" + VAULT_OCID, Option.S3_SECRET_KEY).describe());
    }

    @Test
    void autoSendsAdlsUrisToTheNativeReaderAndTheRestToHadoop() throws Exception {
        SecretResolver r = resolver(Map.of(), Map.of());
        String adls = "abfss://lake@acct.dfs.core.windows.net/tables";
        assertInstanceOf(AdlsSource.class, Sources.open(adls, config(adls, "--azure-account-key", "k").sources(),
                Map.of(), r, null));
        assertInstanceOf(HadoopSource.class, Sources.open(adls,
                config(adls, "--source-api", "hadoop").sources(), Map.of(), r, null));
        for (String other : List.of("file:///lake", "hdfs://nn:8020/lake", "s3a://bucket/lake",
                "abfss://lake@acct.blob.core.windows.net/x")) {
            assertInstanceOf(HadoopSource.class, Sources.open(other, config(other).sources(), Map.of(), r, null),
                    other);
        }
        ConfigException e = assertThrows(ConfigException.class, () -> Sources.open("s3a://b/x",
                config("s3a://b/x", "--source-api", "adls").sources(), Map.of(), r, null));
        assertTrue(e.getMessage().contains("is not an abfss:// URI"), e.getMessage());
        ConfigException api = assertThrows(ConfigException.class, () -> config(adls, "--source-api", "native"));
        assertTrue(api.getMessage().startsWith("--source-api: "), api.getMessage());
    }

    @Test
    void s3OptionsBecomeS3aSettingsAndWinOverRawOnes() throws Exception {
        SourceSettings s = config("s3a://b/x", "--s3-endpoint", "http://127.0.0.1:9000", "--s3-path-style", "true",
                "--s3-region", "eu-west-1", "--s3-access-key", "id", "--s3-secret-key", "env:SECRET").sources();
        Map<String, String> p = S3aProperties.of(s.s3(), resolver(Map.of("SECRET", "shh"), Map.of()), null);
        assertEquals("http://127.0.0.1:9000", p.get("fs.s3a.endpoint"));
        assertEquals("false", p.get("fs.s3a.connection.ssl.enabled"));
        assertEquals("true", p.get("fs.s3a.path.style.access"));
        assertEquals("eu-west-1", p.get("fs.s3a.endpoint.region"));
        assertEquals("id", p.get("fs.s3a.access.key"));
        assertEquals("shh", p.get("fs.s3a.secret.key"));
        assertEquals(S3aProperties.SIMPLE, p.get("fs.s3a.aws.credentials.provider"));

        Map<String, String> none = S3aProperties.of(config("s3a://b/x").sources().s3(), resolver(Map.of(),
                Map.of()), null);
        assertTrue(none.isEmpty(), "without --s3-* options S3A's own settings apply: " + none.keySet());
        assertEquals(S3aProperties.DEFAULT_CHAIN, S3aProperties.of(config("s3a://b/x", "--s3-auth", "default")
                .sources().s3(), resolver(Map.of(), Map.of()), null).get("fs.s3a.aws.credentials.provider"));
    }

    @Test
    void s3CredentialsFromTheEnvironmentOrAProfileAreReadOnTheDriver() throws Exception {
        Map<String, String> env = S3aProperties.of(config("s3a://b/x", "--s3-auth", "env").sources().s3(),
                resolver(Map.of("AWS_ACCESS_KEY_ID", "envid", "AWS_SECRET_ACCESS_KEY", "envsecret",
                        "AWS_SESSION_TOKEN", "tok"), Map.of()), null);
        assertEquals("envid", env.get("fs.s3a.access.key"));
        assertEquals("tok", env.get("fs.s3a.session.token"));
        assertEquals(S3aProperties.TEMPORARY, env.get("fs.s3a.aws.credentials.provider"));
        ConfigException missing = assertThrows(ConfigException.class, () -> S3aProperties.of(
                config("s3a://b/x", "--s3-auth", "env").sources().s3(), resolver(Map.of(), Map.of()), null));
        assertTrue(missing.getMessage().startsWith("--s3-auth env: AWS_ACCESS_KEY_ID"), missing.getMessage());

        Path credentials = dir.resolve("credentials");
        Files.writeString(credentials, "[default]\naws_access_key_id=d\naws_secret_access_key=ds\n\n"
                + "[migration]\naws_access_key_id=profid\naws_secret_access_key=profsecret\n");
        Map<String, String> profile = S3aProperties.of(config("s3a://b/x", "--s3-auth", "profile", "--s3-profile",
                "migration").sources().s3(), resolver(Map.of(), Map.of()), credentials.toString());
        assertEquals("profid", profile.get("fs.s3a.access.key"));
        assertEquals("profsecret", profile.get("fs.s3a.secret.key"));
        ConfigException noProfile = assertThrows(ConfigException.class,
                () -> config("s3a://b/x", "--s3-auth", "profile"));
        assertTrue(noProfile.getMessage().contains("--s3-profile"), noProfile.getMessage());
    }

    @Test
    void missingCredentialsNameTheSetting() {
        String adls = "abfss://lake@acct.dfs.core.windows.net/";
        assertTrue(assertThrows(ConfigException.class, () -> config(adls, "--azure-auth", "key")).getMessage()
                .startsWith("--azure-account-key: not set, but --azure-auth key needs it; give --azure-account-key"));
        assertTrue(assertThrows(ConfigException.class, () -> config(adls, "--azure-client-secret", "x"))
                .getMessage().startsWith("--azure-tenant-id: not set, but --azure-auth service_principal"));
        assertTrue(assertThrows(ConfigException.class, () -> config("s3a://b/", "--s3-access-key", "x"))
                .getMessage().contains("--s3-secret-key"));
        assertTrue(assertThrows(ConfigException.class, () -> config("s3a://b/", "--s3-path-style", "yes"))
                .getMessage().startsWith("--s3-path-style: "));
    }

    @Test
    void adlsLocationsParse() {
        AdlsLocation l = AdlsLocation.parse("abfss://lake@acct.dfs.core.windows.net/a/b/");
        assertEquals("lake", l.container());
        assertEquals("acct", l.account());
        assertEquals("a/b/", l.prefix());
        assertEquals("abfss://lake@acct.dfs.core.windows.net/a/b/c d.bin", l.uri("a/b/c d.bin"));
        assertEquals("a/b/c d.bin", l.blobName(l.uri("a/b/c d.bin")));
        assertEquals("", AdlsLocation.parse("abfss://lake@acct.dfs.core.windows.net").prefix());
        assertEquals("devstoreaccount1", AzureClients.accountOf("http://127.0.0.1:10000/devstoreaccount1"));
        assertEquals("acct", AzureClients.accountOf("https://acct.blob.core.windows.net"));
        assertThrows(ConfigException.class, () -> AdlsLocation.parse("abfss://acct.dfs.core.windows.net/x"));
        assertTrue(AdlsSource.isDirectory(Map.of("HDI_ISFOLDER", "true")));
        assertFalse(AdlsSource.isDirectory(Map.of("other", "true")));
    }

    @Test
    void parallelRangesComeBackInOrderAndAShortRangeIsAnError() throws Exception {
        byte[] content = SourceContract.bytes(1_000_003, 5);
        ParallelRangeInputStream.RangeReader reader = (offset, length) ->
                Arrays.copyOfRange(content, (int) offset, (int) offset + length);
        try (InputStream in = new ParallelRangeInputStream(reader, content.length, 65_536, 3, "f")) {
            assertArrayEquals(content, in.readAllBytes());
        }
        ParallelRangeInputStream.RangeReader truncated = (offset, length) ->
                Arrays.copyOfRange(content, (int) offset, (int) offset + Math.min(length, 1000));
        try (InputStream in = new ParallelRangeInputStream(truncated, content.length, 65_536, 3, "f")) {
            IOException e = assertThrows(IOException.class, in::readAllBytes);
            assertTrue(e.getMessage().contains("changed while it was read"), e.getMessage());
        }
        try (InputStream in = new BoundedInputStream(new ByteArrayInputStream(content), 10)) {
            assertEquals(10, in.readAllBytes().length);
        }
    }
}
