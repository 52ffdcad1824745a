package io.lakeshift.config;

import io.lakeshift.target.Target;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The option schema is the one place of types, bounds and defaults; every error has the one form. */
class OptionSchemaTest {
    /** {@code --key: what is wrong; what to do}, optionally with the file and key after the option. */
    private static final Pattern ONE_FORM = Pattern.compile(
            "--[a-z0-9-]+( \\(key '[a-z0-9-]+' in [^)]+\\))?: [^;\\n]+; [^\\n]+");
    private static final List<String> BASE = List.of("--source", "file:///lake", "--target", "oci://b@ns/");

    @TempDir
    Path dir;

    /** One bad value per kind of value and per check: option, value, and the message expected after "--option: ". */
    private static Map<List<String>, String> badValues() {
        Map<List<String>, String> bad = new LinkedHashMap<>();
        bad.put(List.of("part-size", "huge"), "'huge' is not a size; give a size such as 5000, 64KiB, 128MiB or 1GiB"
                + " from 1MiB to just under 2GiB (each part is held in memory while it is sent)");
        bad.put(List.of("part-size", "3GiB"), "'3GiB' is too large; give a size such as 5000, 64KiB, 128MiB or 1GiB"
                + " from 1MiB to just under 2GiB (each part is held in memory while it is sent)");
        bad.put(List.of("parallel-parts", "65"), "'65' is too large; give a whole number from 1 to 64");
        bad.put(List.of("parallel-files", "x"), "'x' is not a whole number; give a whole number from 1 to 256");
        bad.put(List.of("max-attempts", "0"), "'0' is too small; give a whole number from 1 to 100");
        bad.put(List.of("s3-list-split", "0"), "'0' is too small; give a whole number from 1 to 1000000");
        bad.put(List.of("partitions", "-1"), "'-1' is too small; give a whole number, 0 or more");
        bad.put(List.of("file-timeout", "soon"), "'soon' is not a duration; give a duration such as 90s, 30m, 6h or 2d,"
                + " 1s or more");
        bad.put(List.of("file-timeout", "0s"), "'0s' is too small; give a duration such as 90s, 30m, 6h or 2d,"
                + " 1s or more");
        bad.put(List.of("modified-after", "yesterday"), "'yesterday' is not a time; give a time such as 2024-01-31,"
                + " 2024-01-31 12:00:00 or 2024-01-31T12:00:00Z");
        bad.put(List.of("mode", "mirror"), "'mirror' is not valid; give one of: copy | sync | move");
        bad.put(List.of("verify", "yes"), "'yes' is not true or false; give --verify alone to turn it on,"
                + " or --verify=false");
        bad.put(List.of("s3-secret-key", "env:1X"), "'1X' is not an environment variable name; give env:NAME, NAME"
                + " of letters, digits and '_'");
        bad.put(List.of("azure-sas-token", "oci-vault:ocid1.bucket.x"), "'ocid1.bucket.x' is not the OCID of a Vault"
                + " secret; give oci-vault:ocid1.vaultsecret.<realm>.<region>..<id>");
        bad.put(List.of("run-id", "a/b"), "'a/b' holds more than 100 characters or one other than letters, digits,"
                + " '.', '_' and '-'; give up to 100 of those, or leave it out for the start time");
        bad.put(List.of("oci-endpoint", "http://objectstorage.example.com"), "http://objectstorage.example.com is"
                + " plain http to another machine: credentials and data would cross the network unencrypted;"
                + " use https, or --allow-http if you must");
        bad.put(List.of("target", "lake/raw"), "'lake/raw' is not a target: expected oci://bucket@namespace/prefix or"
                + " a Hadoop file-system folder such as s3a://bucket/prefix/ or file:///path/; give"
                + " oci://bucket@namespace/prefix or a Hadoop folder URI");
        return bad;
    }

    private static List<String> with(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(Arrays.asList(more));
        return all;
    }

    private static String error(List<String> args) {
        return assertThrows(ConfigException.class, () -> ConfigLoader.load(args)).getMessage();
    }

    @Test
    void everyBadValueOnTheCommandLineIsOneLineNamingTheOptionWhatIsWrongAndWhatToDo() {
        for (Map.Entry<List<String>, String> bad : badValues().entrySet()) {
            String key = bad.getKey().get(0);
            List<String> base = key.equals("target") ? List.of("--source", "file:///lake") : BASE;
            String message = error(with(base, "--" + key, bad.getKey().get(1)));
            assertEquals("--" + key + ": " + bad.getValue(), message);
            assertTrue(ONE_FORM.matcher(message).matches(), message);
        }
    }

    @Test
    void theSameBadValuesInAConfFileNameTheFileAndTheKey() throws IOException {
        Path conf = dir.resolve("run.properties");
        for (Map.Entry<List<String>, String> bad : badValues().entrySet()) {
            String key = bad.getKey().get(0);
            String base = key.equals("target") ? "source=file:///lake\n" : "source=file:///lake\ntarget=oci://b@ns/\n";
            Files.writeString(conf, base + key + "=" + bad.getKey().get(1) + "\n");
            String message = error(List.of("--conf", conf.toString()));
            assertEquals("--" + key + " (key '" + key + "' in " + conf + "): " + bad.getValue(), message);
            assertTrue(ONE_FORM.matcher(message).matches(), message);
        }
    }

    @Test
    void missingAndUnknownSettingsHaveTheSameForm() throws IOException {
        List<String> messages = new ArrayList<>();
        messages.add(error(List.of("--source", "s")));
        messages.add(error(List.of("--source", "s", "--log")));
        messages.add(error(with(BASE, "--partitons", "4")));
        messages.add(error(with(BASE, "--zzzzzzzzzzzz", "4")));
        messages.add(error(with(BASE, "--s3-auth", "keys", "--s3-access-key", "AKID")));
        messages.add(error(with(BASE, "--s3-auth", "profile")));
        messages.add(error(with(BASE, "--azure-auth", "sas")));
        messages.add(error(with(BASE, "--azure-client-secret", "x")));
        messages.add(error(List.of("--conf", dir.resolve("missing.properties").toString())));
        Path conf = dir.resolve("nested.properties");
        Files.writeString(conf, "conf=other.properties\n");
        messages.add(error(List.of("--conf", conf.toString())));
        for (String m : messages) {
            assertTrue(ONE_FORM.matcher(m).matches(), m);
        }
        assertEquals("--target: not set; give --target URI (Target: oci://bucket@namespace/prefix (without"
                + " @namespace it is looked up), or a Hadoop file-system folder (s3a://bucket/prefix/, abfss://...,"
                + " hdfs://..., file:///path/))", messages.get(0));
        assertEquals("--zzzzzzzzzzzz: unknown option; see lakeshift migrate --help for the valid ones", messages.get(3));
        assertEquals("--s3-secret-key: not set, but --s3-auth keys needs it; give --s3-secret-key SECRET (AWS secret"
                + " access key (for --s3-auth keys))", messages.get(4));
        assertEquals("--azure-tenant-id: not set, but --azure-auth service_principal (chosen by --azure-auth auto)"
                + " needs it; give --azure-tenant-id ID (Entra ID tenant (for --azure-auth service_principal))",
                messages.get(7));
        assertEquals("--conf (key 'conf' in " + conf + "): a settings file cannot name another one; remove the key,"
                + " or merge the two files into one", messages.get(9));
    }

    @Test
    void settingsBuiltWithoutTheLoaderAreHeldToTheSchemasBounds() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> new TransferSettings(1 << 20, 1 << 20, 65, 1, false, ParquetCheck.OFF, 1, 60_000));
        assertEquals("--parallel-parts: 65 is too large; give a whole number from 1 to 64", e.getMessage());
        e = assertThrows(ConfigException.class, () -> TransferSettings.of(1 << 20, 1000, 1));
        assertTrue(e.getMessage().startsWith("--part-size: 1000 bytes is too small; "), e.getMessage());
    }

    @Test
    void everyDefaultComesFromTheSchema() {
        MigrationConfig loaded = ConfigLoader.load(BASE);
        TransferSettings of = TransferSettings.of(1 << 20, 2 << 20, 3);
        assertEquals(Option.PARALLEL_FILES.defaultNumber(), of.parallelFiles());
        assertEquals(8, of.parallelFiles(), "the documented default, not 1");
        assertEquals(Option.MAX_ATTEMPTS.defaultNumber(), of.maxAttempts());
        assertEquals(Option.FILE_TIMEOUT.defaultNumber(), of.fileTimeoutMillis());
        assertEquals(ParquetCheck.WARN, of.parquetCheck(), "any file migrates byte for byte by default");
        assertFalse(of.verify());
        assertEquals(loaded.transfer(), TransferSettings.defaults());
        assertEquals(loaded.sources(), SourceSettings.defaults());
        assertEquals(Option.AZURE_READ_THREADS.defaultNumber(), SourceSettings.defaults().azure().readThreads());
        assertEquals(Option.MAX_ATTEMPTS.defaultNumber(), loaded.maxAttempts());
        assertEquals(7, ConfigLoader.load(with(BASE, "--max-attempts", "7")).maxAttempts());
    }

    @Test
    void everyDefaultIsAValidValueOfItsOption() {
        for (Option o : Option.values()) {
            String d = o.defaultValue();
            assertFalse(d != null && d.isBlank(), o.key() + ": a blank default is no default");
            switch (o.kind()) {
                case FLAG -> assertEquals("false", d, o.key());
                case SIZE, RATE, INT, DURATION, TIME -> {
                    if (d != null) {
                        long n = o.defaultNumber();
                        assertTrue(n >= o.min() && n <= o.max(), o.key());
                    }
                }
                case CHOICE -> {
                    assertTrue(o.choices().contains(d), o.key());
                    for (String choice : o.choices()) {
                        assertTrue(o.help().contains(choice), o.key() + " help names " + choice);
                    }
                }
                default -> { }
            }
            if ("true".equals(d) || "false".equals(d)) {
                assertTrue(o.isFlag(), o.key() + " is a boolean: a flag");
            }
            assertEquals(o.isRequired(), o == Option.SOURCE || o == Option.TARGET, o.key());
            assertEquals(o.kind() == Option.Kind.SECRET, o.isSecret(), o.key());
        }
    }

    @Test
    void booleansAreFlagsAndTheOldValueSpellingStillWorksWithOneWarning() throws IOException {
        List<String> warnings = new ArrayList<>();
        MigrationConfig c = ConfigLoader.load(with(BASE, "--s3-path-style", "true", "--verify", "--dry-run=false"),
                Map.of(), warnings::add);
        assertTrue(c.sources().s3().pathStyle());
        assertEquals(10_000, c.sources().s3().listSplit(), "--s3-list-split's default");
        assertTrue(c.transfer().verify());
        assertFalse(c.dryRun());
        assertEquals(List.of("--s3-path-style true is an old spelling: --s3-path-style is a flag now; write"
                + " --s3-path-style to turn it on, or leave it out (or --s3-path-style=false)"), warnings);
        warnings.clear();
        assertFalse(ConfigLoader.load(with(BASE, "--s3-path-style", "FALSE"), Map.of(), warnings::add)
                .sources().s3().pathStyle());
        assertEquals(1, warnings.size());
        warnings.clear();
        assertTrue(ConfigLoader.load(with(BASE, "--s3-path-style", "--verify"), Map.of(), warnings::add)
                .sources().s3().pathStyle());
        assertEquals(List.of(), warnings, "the flag spelling warns nothing");
        Path conf = dir.resolve("flags.properties");
        Files.writeString(conf, "source=s\ntarget=oci://b@n/\ns3-path-style=TRUE\nverify=false\n");
        c = ConfigLoader.load(List.of("--conf", conf.toString()), Map.of(), warnings::add);
        assertTrue(c.sources().s3().pathStyle());
        assertFalse(c.transfer().verify());
        assertEquals(List.of(), warnings);
        assertTrue(ConfigLoader.load(List.of("--conf", conf.toString(), "--verify")).transfer().verify(),
                "the command line wins over the file");
    }

    @Test
    void theEnvironmentIsPassedInNotRead() {
        List<String> auto = with(BASE, "--oci-auth", "auto");
        assertEquals(OciAuth.RESOURCE_PRINCIPAL, ConfigLoader.load(auto,
                Map.of(OciAuthDetector.RESOURCE_PRINCIPAL_VERSION, "2.2"), w -> { }).oci().auth());
        assertEquals(OciAuth.CONFIG, ConfigLoader.load(auto, Map.of(), w -> { }).oci().auth());
        assertEquals(OciAuth.CONFIG, ConfigLoader.load(auto).oci().auth(), "the short form passes no environment");
    }

    @Test
    void noConfigClassReadsTheEnvironmentButTheSignInDetectorsTests() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/java/io/lakeshift/config"))) {
            for (Path f : files.toList()) {
                if (!f.getFileName().toString().startsWith("OciAuth")) {
                    assertFalse(Files.readString(f).contains("System.getenv"), f + " reads the environment");
                }
            }
        }
    }

    @Test
    void aRunIdWithoutOneIsTheStartTimeInTheDocumentedFormat() {
        LocalDateTime before = LocalDateTime.now(ZoneOffset.UTC);
        String id = ConfigLoader.load(BASE).runId();
        LocalDateTime parsed = LocalDateTime.parse(id, DateTimeFormatter.ofPattern(RunIds.PATTERN));
        assertTrue(Duration.between(before, parsed).abs().toSeconds() < 60, id);
        assertEquals(RunIds.PATTERN.length(), id.length(), id);
        assertTrue(Option.RUN_ID.help().contains(RunIds.PATTERN + " "), Option.RUN_ID.help());
        assertEquals("20240131120000123456",
                RunIds.of(java.time.ZonedDateTime.parse("2024-01-31T13:00:00.123456+01:00")));
    }

    @Test
    void usagesRangesAndAdviceComeFromTheKind() {
        assertEquals("--part-size SIZE", Option.PART_SIZE.usage());
        assertEquals("--verify", Option.VERIFY.usage());
        assertEquals("from 1 to 64", Option.PARALLEL_PARTS.range());
        assertEquals("0 or more", Option.MAX_DELETE.range());
        assertEquals(Integer.MAX_VALUE, Option.MAX_DELETE.max());
        assertEquals(null, Option.ESTIMATE_RATE.range());
        assertNotNull(Option.byKey("s3-path-style").orElseThrow());
        assertEquals(List.of("config", "instance_principal", "resource_principal", "delegation_token", "auto"),
                Option.OCI_AUTH.choices());
    }
}
