package io.lakeshift.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --storage-tier*, --kms-key-id, --sse-c-key, --content-type, --drop-metadata as the loader reads and refuses them. */
class ObjectSettingsTest {
    private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    @TempDir
    Path dir;

    private static MigrationConfig load(String target, String... more) {
        List<String> args = new ArrayList<>(List.of("--source", "file:///lake", "--target", target));
        args.addAll(List.of(more));
        return ConfigLoader.load(args);
    }

    private static String refused(String target, String... more) {
        return assertThrows(ConfigException.class, () -> load(target, more)).getMessage();
    }

    @Test
    void theDefaultsAreTheBucketsStandardTierNoKeyTheSourcesTypeAndItsMetadata() {
        ObjectSettings o = load("oci://b@n/").objects();
        assertEquals(StorageTier.STANDARD, o.tier());
        assertNull(o.kmsKeyId());
        assertNull(o.sseCustomerKey());
        assertTrue(o.sourceContentType());
        assertFalse(o.dropMetadata());
        assertEquals(o, ObjectSettings.defaults());
    }

    @Test
    void oCisSpellingOfATierIsAcceptedInAnyCaseAndGlobsComeFromTheConfFile() throws Exception {
        Path conf = dir.resolve("tiers.properties");
        Files.writeString(conf, "storage-tier=InfrequentAccess\nstorage-tier-archive=**/year=201[0-4]/**,old/**\n");
        ObjectSettings o = load("oci://b@n/", "--conf", conf.toString()).objects();
        assertEquals(StorageTier.INFREQUENTACCESS, o.tier());
        assertEquals(List.of("**/year=201[0-4]/**", "old/**"), o.archiveGlobs());
        assertTrue(o.mayArchive());
        assertEquals("InfrequentAccess", o.tier().ociName());
    }

    @Test
    void aBadTierIsOneLineNamingTheOptionAndTheWords() {
        assertEquals("--storage-tier: 'cold' is not valid; give one of: standard | infrequentaccess | archive",
                refused("oci://b@n/", "--storage-tier", "cold"));
    }

    @Test
    void theKmsKeyMustBeAVaultKeyOcidAndNotBeGivenWithAnSseCKey() {
        assertEquals("ocid1.key.oc1.iad..k", load("oci://b@n/", "--kms-key-id", "ocid1.key.oc1.iad..k").objects()
                .kmsKeyId());
        assertTrue(refused("oci://b@n/", "--kms-key-id", "ocid1.vault.oc1..v")
                .startsWith("--kms-key-id: 'ocid1.vault.oc1..v' is not the OCID of a Vault key; give the OCID"));
        String both = refused("oci://b@n/", "--kms-key-id", "ocid1.key.oc1..k", "--sse-c-key", KEY);
        assertTrue(both.startsWith("--sse-c-key: given with --kms-key-id"), both);
        assertFalse(both.contains(KEY), "the key is never printed");
    }

    @Test
    void anSseCKeyIsASecretReferenceNeverPrinted() {
        MigrationConfig c = load("oci://b@n/", "--sse-c-key", KEY);
        assertEquals(SecretRef.Kind.LITERAL, c.objects().sseCustomerKey().kind());
        assertFalse(c.toString().contains(KEY), c.toString());
        assertEquals(SecretRef.Kind.ENV, load("oci://b@n/", "--sse-c-key", "env:SSE_KEY").objects().sseCustomerKey()
                .kind());
    }

    @Test
    void theContentTypeIsAutoSourceOrAMediaType() {
        assertTrue(load("oci://b@n/", "--content-type", "AUTO").objects().autoContentType());
        assertEquals("text/csv; charset=utf-8", load("oci://b@n/", "--content-type", "text/csv; charset=utf-8")
                .objects().contentType());
        assertEquals("--content-type: 'csv' is not a media type; give auto, source or a media type such as text/csv",
                refused("oci://b@n/", "--content-type", "csv"));
    }

    @Test
    void theOciOnlySettingsAreRefusedForAHadoopTargetInOneLine() {
        for (String[] given : new String[][] {{"--storage-tier", "archive"},
                {"--storage-tier-infrequent-access", "a/**"},
                {"--kms-key-id", "ocid1.key.oc1..k"}, {"--sse-c-key", KEY}, {"--content-type", "text/csv"}}) {
            String line = refused("s3a://other/lake/", given);
            assertEquals(given[0] + ": applies to an OCI target only, and --target is s3a://other/lake/; leave it"
                    + " out for a Hadoop target", line);
        }
        ObjectSettings hadoop = load("s3a://other/lake/").objects();
        assertTrue(hadoop.dropMetadata(), "nothing read from the source that the target would not keep");
        assertTrue(hadoop.autoContentType());
    }

    @Test
    void verifyCannotReadBackArchiveObjects() {
        assertTrue(refused("oci://b@n/", "--storage-tier", "archive", "--verify")
                .startsWith("--verify: cannot read back Archive objects (--storage-tier archive)"));
        assertTrue(refused("oci://b@n/", "--storage-tier-archive", "old/**", "--verify")
                .startsWith("--verify: cannot read back Archive objects (--storage-tier-archive)"));
    }
}
