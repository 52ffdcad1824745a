package io.lakeshift.cli;

import com.oracle.bmc.model.BmcException;
import com.oracle.bmc.objectstorage.ObjectStorage;
import com.oracle.bmc.objectstorage.model.CreateBucketDetails;
import com.oracle.bmc.objectstorage.requests.CreateBucketRequest;
import com.oracle.bmc.objectstorage.requests.GetObjectRequest;
import io.lakeshift.config.CommandLine;
import io.lakeshift.config.ConfigException;
import io.lakeshift.config.ConfigLoader;
import io.lakeshift.config.MigrationConfig;
import io.lakeshift.config.Suggestions;
import io.lakeshift.emulator.OciEmulator;
import io.lakeshift.io.Retry;
import io.lakeshift.job.MigrationJob;
import io.lakeshift.job.SampleLake;
import io.lakeshift.log.LogFormat;
import io.lakeshift.log.LogStores;
import io.lakeshift.log.RunSummary;
import io.lakeshift.model.OciLocation;
import io.lakeshift.plan.SkipRules;
import io.lakeshift.oci.OciClients;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code lakeshift demo}: a real migration on a laptop. Generates a sample Parquet lake, starts the OCI emulator
 * (kept on disk below the demo folder), migrates the lake into it, reads every object back to compare bytes, and
 * shows the summary and the log.
 */
final class Demo {
    static final String BUCKET = "demo-lake";
    /** Small enough that the large file goes multipart with several parts in flight. */
    static final String THRESHOLD = "16MiB";
    static final String PART_SIZE = "8MiB";

    private Demo() {}

    /** One of the demo's own options; {@link #values()} are the one place of their names, defaults and help. */
    record Arg(String key, String valueName, String defaultValue, String help) {
        static final Arg DIR = new Arg("dir", "DIR", null,
                "Working folder. Default: target/demo below the lakeshift folder.");
        static final Arg ROWS = new Arg("rows", "N", "1000000", "Rows in the sample lake.");

        static List<Arg> values() {
            return List.of(DIR, ROWS);
        }

        String usage() {
            return "--" + key + " " + valueName;
        }
    }

    /** The option rows of {@code demo --help}. */
    static String options() {
        StringBuilder sb = new StringBuilder();
        for (Arg a : Arg.values()) {
            sb.append(Help.row(a.usage(), a.help, a.defaultValue, a == Arg.ROWS ? "1 or more" : null));
        }
        return sb.toString();
    }

    /** The values given, each checked; errors name the option as the migration settings' do. */
    static Map<Arg, String> parse(List<String> args) {
        Map<Arg, String> values = new java.util.LinkedHashMap<>();
        CommandLine words = new CommandLine(args, "give demo options as --name value (see lakeshift demo --help)");
        while (words.hasNext()) {
            String key = words.nextName();
            Arg a = Arg.values().stream().filter(x -> x.key.equals(key)).findFirst().orElseThrow(() ->
                    ConfigException.bad(key, null, "unknown demo option", Suggestions.closest(key,
                            Arg.values().stream().map(Arg::key).toList()).map(k -> "did you mean --" + k + "?")
                            .orElse("see lakeshift demo --help")));
            values.put(a, words.value(key, a.usage()));
        }
        rows(values);
        return values;
    }

    static long rows(Map<Arg, String> values) {
        String text = values.getOrDefault(Arg.ROWS, Arg.ROWS.defaultValue).trim();
        try {
            long rows = Long.parseLong(text);
            if (rows >= 1) {
                return rows;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw ConfigException.bad(Arg.ROWS.key, null, "'" + text + "' is not a whole number of 1 or more",
                "give " + Arg.ROWS.usage() + ", e.g. " + Arg.ROWS.defaultValue);
    }

    static int run(List<String> args, Map<String, String> env, PrintStream out) throws IOException {
        Map<Arg, String> given = parse(args);
        Path dir = given.containsKey(Arg.DIR) ? Path.of(given.get(Arg.DIR))
                : Path.of(System.getProperty("lakeshift.home", "."), "target", "demo");
        long rows = rows(given);
        Path work = dir.toAbsolutePath().normalize();
        Path lake = work.resolve("lake");
        try (OciEmulator emulator = OciEmulator.builder().dataDir(work.resolve("oci-emulator"))
                .configDir(work.resolve("oci-config")).start()) {
            out.println("lakeshift demo: OCI Object Storage emulator at " + emulator.endpoint() + ", namespace "
                    + emulator.namespace() + ", data in " + work.resolve("oci-emulator"));
            String target = "oci://" + BUCKET + "@" + emulator.namespace() + "/lake/";
            MigrationConfig config = ConfigLoader.load(Arrays.asList("--source", lake.toUri().toString(),
                    "--target", target, "--oci-config", emulator.configFile().toString(),
                    "--oci-profile", emulator.profile(), "--oci-endpoint", emulator.endpoint(),
                    "--multipart-threshold", THRESHOLD, "--part-size", PART_SIZE, "--progress-interval", "2"), env,
                    w -> { });
            ObjectStorage client = OciClients.get(config.oci());
            createBucket(client, emulator);
            long lakeRows = rows;
            return MigrationJob.withSpark(config, spark -> {
                out.printf("lakeshift demo: generating a sample Parquet lake of %,d rows in %s%n", lakeRows, lake);
                SampleLake.generate(spark, lake, lakeRows, Math.max(1, lakeRows * 2 / 5));
                out.println("lakeshift demo: migrating it with: lakeshift migrate --source " + lake.toUri()
                        + " --target " + target + " --multipart-threshold " + THRESHOLD + " --part-size " + PART_SIZE
                        + " --oci-endpoint " + emulator.endpoint() + " --oci-config " + emulator.configFile());
                RunSummary summary = new MigrationJob(spark, out).run(config);
                out.print(SummaryText.of(summary));
                int verified = verify(client, emulator.namespace(), config, lake, out);
                showLog(summary, config, out);
                out.println();
                out.println("lakeshift demo: browse the result with the OCI CLI or SDK after starting the emulator"
                        + " again:\n  bin/lakeshift emulator --data-dir " + work.resolve("oci-emulator")
                        + " --config-dir " + work.resolve("oci-config"));
                return summary.succeeded() && verified == summary.filesTotal() ? Main.OK : Main.FILES_FAILED;
            });
        }
    }

    private static void createBucket(ObjectStorage client, OciEmulator emulator) {
        try {
            client.createBucket(CreateBucketRequest.builder().namespaceName(emulator.namespace())
                    .createBucketDetails(CreateBucketDetails.builder().name(BUCKET)
                            .compartmentId(emulator.tenancyId()).build()).build());
        } catch (BmcException e) {
            if (e.getStatusCode() != 409) {
                throw e;
            }
        }
    }

    /** Reads every object back and compares its SHA-256 with the lake file's; returns the files that matched. */
    private static int verify(ObjectStorage client, String namespace, MigrationConfig config, Path lake,
            PrintStream out) throws IOException {
        SkipRules skip = new SkipRules(config.skip());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(lake)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> !skip.skips(lake.relativize(p).toString()) && !isHiddenChecksum(p)).toList();
        }
        int matched = 0;
        for (Path f : files) {
            String relative = lake.relativize(f).toString().replace('\\', '/');
            String object = config.target().objectName(relative);
            try (InputStream local = Files.newInputStream(f);
                    InputStream remote = client.getObject(GetObjectRequest.builder().namespaceName(namespace)
                            .bucketName(((OciLocation) config.target()).bucket()).objectName(object).build())
                            .getInputStream()) {
                if (Arrays.equals(sha256(local), sha256(remote))) {
                    matched++;
                } else {
                    out.println("lakeshift demo: MISMATCH " + object);
                }
            }
        }
        out.printf("lakeshift demo: read back %,d of %,d objects; %,d identical to the lake (SHA-256)%n",
                files.size(), files.size(), matched);
        return matched;
    }

    /** Hadoop's local file system hides its own .name.crc files from listings; so does the check. */
    private static boolean isHiddenChecksum(Path p) {
        String name = p.getFileName().toString();
        return name.startsWith(".") && name.endsWith(".crc");
    }

    private static void showLog(RunSummary summary, MigrationConfig config, PrintStream out) throws IOException {
        byte[] part = LogStores.open(summary.log(), config.oci(), Map.of(),
                Retry.attempts(config.transfer().maxAttempts())).read(LogFormat.partFile(0));
        out.println("lakeshift demo: the migration log is at " + summary.log() + " (" + LogFormat.SUMMARY
                + " and part-*.jsonl); its first lines:");
        new String(part, StandardCharsets.UTF_8).lines().limit(3).forEach(l -> out.println("  " + l));
    }

    private static byte[] sha256(InputStream in) throws IOException {
        try {
            DigestInputStream d = new DigestInputStream(in, MessageDigest.getInstance("SHA-256"));
            d.transferTo(java.io.OutputStream.nullOutputStream());
            return d.getMessageDigest().digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
