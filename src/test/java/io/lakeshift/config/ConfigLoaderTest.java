package io.lakeshift.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.model.OciLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void defaultsApplyWhenOnlySourceAndTargetAreGiven() {
        // a laptop's environment, whatever the machine running the test has (OCI_RESOURCE_PRINCIPAL_VERSION, ...)
        MigrationConfig c = ConfigLoader.load(List.of("--source", "file:///lake", "--target", "oci://b@ns/p"),
                OciAuthDetector.Where.env(Map.of("HOME", "/home/me")));
        assertEquals("file:///lake", c.source());
        assertEquals(new OciLocation("b", "ns", "p/"), c.target());
        assertEquals(OciAuth.CONFIG, c.oci().auth());
        assertEquals("DEFAULT", c.oci().profile());
        assertEquals(System.getProperty("user.home") + "/.oci/config", c.oci().configFile());
        assertEquals(64L << 20, c.transfer().multipartThreshold());
        assertEquals(32L << 20, c.transfer().partSize());
        assertEquals(4, c.transfer().parallelParts());
        assertTrue(c.skip().contains("_SUCCESS"));
        assertTrue(c.runId().matches("\\d{20}"), c.runId());
        assertNull(c.log());
    }

    @Test
    void commandLineOverridesTheFileWhichOverridesDefaults() throws IOException {
        Path conf = dir.resolve("run.properties");
        Files.writeString(conf, "source=file:///from-file\ntarget=oci://b@ns/\npart-size=8MiB\nparallel-parts=2\n");
        MigrationConfig c = ConfigLoader.load(List.of("--conf", conf.toString(), "--part-size", "16MiB",
                "--oci-auth=resource_principal"));
        assertEquals("file:///from-file", c.source());
        assertEquals(16L << 20, c.transfer().partSize());
        assertEquals(2, c.transfer().parallelParts());
        assertEquals(OciAuth.RESOURCE_PRINCIPAL, c.oci().auth());
    }

    @Test
    void unknownOptionSuggestsTheClosest() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(List.of("--source", "x", "--part-sise", "8MiB")));
        assertEquals("--part-sise: unknown option; did you mean --part-size?", e.getMessage());
    }

    @Test
    void unknownKeyInFileNamesFileAndSuggests() throws IOException {
        Path conf = dir.resolve("bad.properties");
        Files.writeString(conf, "source=file:///x\ntarget=oci://b@n/\nmultipart-treshold=1MiB\n");
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(List.of("--conf", conf.toString())));
        assertTrue(e.getMessage().contains("'multipart-treshold' in " + conf), e.getMessage());
        assertTrue(e.getMessage().endsWith("did you mean 'multipart-threshold'?"), e.getMessage());
        assertEquals("--multipart-treshold (key 'multipart-treshold' in " + conf + "): unknown setting; did you mean"
                + " 'multipart-threshold'?", e.getMessage());
    }

    @Test
    void missingRequiredSettingIsNamed() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(List.of("--source", "file:///x")));
        assertTrue(e.getMessage().startsWith("--target: not set; give --target URI"), e.getMessage());
    }

    @Test
    void badValuesNameTheirSetting() {
        assertMessageStarts("--part-size: 'huge' is not a size",
                List.of("--source", "s", "--target", "oci://b@n/", "--part-size", "huge"));
        assertMessageStarts("--oci-auth: 'password' is not valid",
                List.of("--source", "s", "--target", "oci://b@n/", "--oci-auth", "password"));
        assertMessageStarts("--target: 'lake/raw' is not a target: expected oci://bucket@namespace/prefix or a Hadoop",
                List.of("--source", "s", "--target", "lake/raw"));
        assertMessageStarts("--target: invalid OCI bucket name 'a b'", List.of("--source", "s", "--target", "oci://a b/"));
        assertMessageStarts("--partitions: '-1' is too small; give a whole number, 0 or more",
                List.of("--source", "s", "--target", "oci://b@n/", "--partitions", "-1"));
        assertMessageStarts("--part-size: '100KiB' is too small; give a size such as 5000, 64KiB, 128MiB or 1GiB"
                + " from 1MiB to just under 2GiB",
                List.of("--source", "s", "--target", "oci://b@n/", "--part-size", "100KiB"));
        assertMessageStarts("--log: needs a value; give --log URI", List.of("--source", "s", "--log"));
        assertMessageStarts("--run-id: 'a/b' holds more than 100 characters or one other than letters,",
                List.of("--source", "s", "--target", "oci://b@n/", "--run-id", "a/b"));
    }

    @Test
    void timesDurationsFlagsAndModesParse() {
        assertEquals(1706659200000L, ConfigLoader.parseTime("2024-01-31"));
        assertEquals(1706702400000L, ConfigLoader.parseTime("2024-01-31 12:00:00"));
        assertEquals(1706702400000L, ConfigLoader.parseTime("2024-01-31T12:00:00Z"));
        assertEquals(90_000, ConfigLoader.parseDurationMillis("90s"));
        assertEquals(6 * 3_600_000, ConfigLoader.parseDurationMillis("6h"));
        assertEquals(45_000, ConfigLoader.parseDurationMillis("45"));
        MigrationConfig c = ConfigLoader.load(List.of("--source", "s", "--target", "oci://b@n/", "--dry-run",
                "--mode", "SYNC", "--overwrite", "never", "--include", "*.parquet, a/**", "--verify",
                "--modified-after", "2024-01-31"));
        assertTrue(c.dryRun());
        assertTrue(c.transfer().verify());
        assertEquals(Mode.SYNC, c.mode());
        assertEquals(Overwrite.NEVER, c.overwrite());
        assertEquals(List.of("*.parquet", "a/**"), c.filters().include());
        assertEquals(1706659200000L, c.filters().modifiedAfter());
        assertNull(c.filters().maxSize());
        assertMessageStarts("--modified-after: 'yesterday' is not a time",
                List.of("--source", "s", "--target", "oci://b@n/", "--modified-after", "yesterday"));
        assertMessageStarts("--mode: 'mirror' is not valid",
                List.of("--source", "s", "--target", "oci://b@n/", "--mode", "mirror"));
    }

    @Test
    void missingConfFileIsNamed() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(List.of("--conf", dir.resolve("nope.properties").toString())));
        assertTrue(e.getMessage().startsWith("--conf: cannot read settings file " + dir.resolve("nope.properties")),
                e.getMessage());
    }

    @Test
    void everyOptionHasHelpAndAUniqueKey() {
        assertEquals(Option.values().length,
                java.util.Arrays.stream(Option.values()).map(Option::key).distinct().count());
        for (Option o : Option.values()) {
            assertTrue(o.help().length() > 10, o.key());
        }
    }

    private static void assertMessageStarts(String prefix, List<String> args) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(args));
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
    }
}
