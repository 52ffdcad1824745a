package io.lakeshift.config;


import io.lakeshift.model.ByteSize;
import io.lakeshift.model.TargetLocation;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads the settings of a run: defaults, then the {@code --conf} file, then the command line, each value parsed and
 * checked as its {@link Option} says. Every error is one line in the form of {@link ConfigException}: the option,
 * the file and key when it came from a file, what is wrong and what to do; a mistyped name gets the closest valid
 * one.
 *
 * <p>The loader reads no environment variable: the caller passes the environment in ({@code Main} passes the
 * process's own; tests pass what they need).
 */
public final class ConfigLoader {
    private static final Consumer<String> NO_WARNINGS = w -> { };

    private ConfigLoader() {}

    /**
     * The values given, before defaults: command line and the file it names, command line winning.
     *
     * @param files for each value that came from the {@code --conf} file, that file
     */
    public record Given(Map<Option, String> values, Map<Option, Path> files) {
        public Given {
            values = Map.copyOf(values);
            files = Map.copyOf(files);
        }

        /** The value given, or null (no default applied). */
        public String get(Option o) {
            return values.get(o);
        }

        /** The file a value came from, or null for the command line (or no value). */
        public Path file(Option o) {
            return files.get(o);
        }

        static Given none() {
            return new Given(Map.of(), Map.of());
        }
    }

    /** {@link #readArgs(List, Consumer)} without warnings. */
    public static Given readArgs(List<String> args) {
        return readArgs(args, NO_WARNINGS);
    }

    /** The raw values of the command line and the file it names, command line winning; warnings go to {@code warn}. */
    public static Given readArgs(List<String> args, Consumer<String> warn) {
        Map<Option, String> cli = parseCommandLine(args, warn);
        Map<Option, String> merged = new EnumMap<>(Option.class);
        Map<Option, Path> files = new EnumMap<>(Option.class);
        String confFile = cli.get(Option.CONF);
        if (confFile != null) {
            Path file = Path.of(expandHome(confFile));
            for (Map.Entry<Option, String> e : readFile(file).entrySet()) {
                merged.put(e.getKey(), e.getValue());
                files.put(e.getKey(), file);
            }
        }
        merged.putAll(cli);
        cli.keySet().forEach(files::remove);
        return new Given(merged, files);
    }

    /** Loads with an empty environment and no warnings (tests, and callers with nothing to pass). */
    public static MigrationConfig load(List<String> args) {
        return load(args, Map.of(), NO_WARNINGS);
    }

    /**
     * Loads and checks every setting of a run.
     *
     * @param env the environment of the driver (for where the run is: OCI sign-in)
     * @param warn receives each warning (a deprecated spelling), once
     */
    public static MigrationConfig load(List<String> args, Map<String, String> env, Consumer<String> warn) {
        return build(readArgs(args, warn), OciAuthDetector.Where.of(env));
    }

    /** Loads with sign-in decided from {@code where} (tests: an environment that looks like Data Flow's). */
    public static MigrationConfig load(List<String> args, OciAuthDetector.Where where) {
        return build(readArgs(args, NO_WARNINGS), where);
    }

    public static MigrationConfig build(Given given, OciAuthDetector.Where where) {
        Values v = new Values(given);
        String source = v.required(Option.SOURCE);
        TargetLocation target = v.parse(Option.TARGET, TargetLocation::parse);
        OciSettings oci = ociSettings(given, where);
        requireTls(v, Option.OCI_ENDPOINT, oci.endpoint(), v.flag(Option.ALLOW_HTTP));
        String runId = v.text(Option.RUN_ID);
        if (runId == null) {
            runId = RunIds.now();
        } else if (!runId.matches("[A-Za-z0-9._-]{1,100}")) {
            throw v.bad(Option.RUN_ID, "'" + runId + "' holds more than 100 characters or one other than letters,"
                    + " digits, '.', '_' and '-'", "give up to 100 of those, or leave it out for the start time");
        }
        FilterSettings filters = new FilterSettings(v.list(Option.INCLUDE), v.list(Option.EXCLUDE),
                v.optionalNumber(Option.MIN_SIZE), v.optionalNumber(Option.MAX_SIZE),
                v.optionalNumber(Option.MODIFIED_AFTER), v.optionalNumber(Option.MODIFIED_BEFORE),
                v.text(Option.FILES_FROM));
        return new MigrationConfig(source, target, oci, v.text(Option.LOG), runId,
                v.integer(Option.PARTITIONS), transfer(v), v.list(Option.SKIP),
                v.integer(Option.PROGRESS_INTERVAL), v.text(Option.MASTER),
                v.choice(Option.MODE, Mode.class), v.choice(Option.OVERWRITE, Overwrite.class),
                v.integer(Option.MAX_DELETE), v.flag(Option.DRY_RUN), filters,
                v.number(Option.ESTIMATE_RATE), sourceSettings(v), limits(v), v.flag(Option.KEEP_MARKERS),
                plan(v), objects(v, target), tableSettings(v));
    }

    /** --bwlimit or bwlimit-schedule (one of them), --max-transfer, --max-duration. */
    private static LimitSettings limits(Values v) {
        Long rate = v.optionalNumber(Option.BWLIMIT);
        BandwidthSchedule schedule = v.text(Option.BWLIMIT_SCHEDULE) == null ? null
                : v.parse(Option.BWLIMIT_SCHEDULE, BandwidthSchedule::parse);
        if (rate != null && schedule != null) {
            throw v.bad(Option.BWLIMIT_SCHEDULE, "set together with --bwlimit", "give one of the two");
        }
        BandwidthSchedule bandwidth = schedule != null ? schedule
                : rate != null ? BandwidthSchedule.constant(rate) : null;
        return new LimitSettings(bandwidth != null && bandwidth.caps() ? bandwidth : null,
                v.optionalNumber(Option.MAX_TRANSFER), v.optionalNumber(Option.MAX_DURATION));
    }

    /** Every plan setting at its default (the schema's). */
    static PlanSettings defaultPlan() {
        return plan(new Values(Given.none()));
    }

    private static PlanSettings plan(Values v) {
        return new PlanSettings(v.flag(Option.RESTORE), v.integer(Option.RESTORE_DAYS), v.integer(Option.PROBE),
                v.parse(Option.STORAGE_PRICE, PlanSettings::parseStoragePrices),
                v.parse(Option.REQUEST_PRICE, PlanSettings::parsePrice),
                v.text(Option.EGRESS_PRICE) == null ? null : v.parse(Option.EGRESS_PRICE, PlanSettings::parsePrice),
                v.choice(Option.STORAGE_TIER, StorageTier.class).ociName(), v.choice(Option.PLANNING, Planning.class));
    }

    /** Every object setting at its default (the schema's). */
    static ObjectSettings defaultObjects() {
        return objects(new Values(Given.none()), null);
    }

    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final java.util.regex.Pattern MEDIA_TYPE = java.util.regex.Pattern.compile(
            TOKEN + "/" + TOKEN + "(\\s*;\\s*" + TOKEN + "=(" + TOKEN + "|\"[^\"\\p{Cntrl}]*\"))*");

    /**
     * --storage-tier*, --kms-key-id, --sse-c-key, --content-type, --drop-metadata; {@code target} null for the
     * defaults alone. The OCI-only ones are refused for a Hadoop target, where nothing would honour them.
     */
    private static ObjectSettings objects(Values v, TargetLocation target) {
        String kms = v.text(Option.KMS_KEY_ID);
        if (kms != null && !kms.startsWith("ocid1.key.")) {
            throw v.bad(Option.KMS_KEY_ID, "'" + kms + "' is not the OCID of a Vault key",
                    Option.KMS_KEY_ID.whatToDo());
        }
        SecretRef sseC = v.secret(Option.SSE_C_KEY);
        if (kms != null && sseC != null) {
            throw v.bad(Option.SSE_C_KEY, "given with --kms-key-id; an object has one encryption key",
                    "give one of --sse-c-key and --kms-key-id");
        }
        String contentType = v.required(Option.CONTENT_TYPE).trim();
        boolean keyword = contentType.equalsIgnoreCase(ObjectSettings.AUTO)
                || contentType.equalsIgnoreCase(ObjectSettings.SOURCE);
        if (!keyword && !MEDIA_TYPE.matcher(contentType).matches()) {
            throw v.bad(Option.CONTENT_TYPE, "'" + contentType + "' is not a media type",
                    Option.CONTENT_TYPE.whatToDo());
        }
        ObjectSettings objects = new ObjectSettings(v.choice(Option.STORAGE_TIER, StorageTier.class),
                v.list(Option.STORAGE_TIER_STANDARD), v.list(Option.STORAGE_TIER_INFREQUENT_ACCESS),
                v.list(Option.STORAGE_TIER_ARCHIVE), kms, sseC, contentType, v.flag(Option.DROP_METADATA));
        if (target != null && !(target instanceof io.lakeshift.model.OciLocation)) {
            for (Option o : List.of(Option.STORAGE_TIER, Option.STORAGE_TIER_ARCHIVE,
                    Option.STORAGE_TIER_INFREQUENT_ACCESS, Option.STORAGE_TIER_STANDARD, Option.KMS_KEY_ID,
                    Option.SSE_C_KEY, Option.CONTENT_TYPE)) {
                if (v.text(o) != null && v.given().get(o) != null) {
                    throw v.bad(o, "applies to an OCI target only, and --target is " + target,
                            "leave it out for a Hadoop target");
                }
            }
        }
        if (target != null && !(target instanceof io.lakeshift.model.OciLocation)) {
            // A Hadoop target stores no content headers or user metadata: reading the source's would be wasted.
            objects = new ObjectSettings(objects.tier(), List.of(), List.of(), List.of(), null, null,
                    ObjectSettings.AUTO, true);
        }
        if (objects.mayArchive() && v.flag(Option.VERIFY)) {
            throw v.bad(Option.VERIFY, "cannot read back Archive objects (--storage-tier"
                    + (objects.archiveGlobs().isEmpty() ? " archive" : "-archive") + "): OCI serves them only after"
                    + " a restore", "leave out --verify, or land those files in another tier");
        }
        return objects;
    }

    /** Every table setting at its default (the schema's). */
    static TableSettings defaultTables() {
        return tableSettings(new Values(Given.none()));
    }

    private static TableSettings tableSettings(Values v) {
        Long version = v.optionalNumber(Option.TABLE_VERSION);
        Long timestamp = v.optionalNumber(Option.TABLE_TIMESTAMP);
        if (version != null && timestamp != null) {
            throw v.bad(Option.TABLE_TIMESTAMP, "it cannot be given with --table-version", "give one of them");
        }
        return new TableSettings(v.choice(Option.TABLES, TableSettings.Detect.class), version, timestamp,
                v.choice(Option.TABLE_FILES, TableSettings.Files.class),
                v.choice(Option.TABLE_VERIFY, TableSettings.Verify.class), v.optionalNumber(Option.TABLE_SNAPSHOT));
    }

    /** Every transfer setting at its default (the schema's). */
    static TransferSettings defaultTransfer() {
        return transfer(new Values(Given.none()));
    }

    /** Every source setting at its default (the schema's). */
    static SourceSettings defaultSources() {
        return sourceSettings(new Values(Given.none()));
    }

    private static TransferSettings transfer(Values v) {
        return new TransferSettings(v.number(Option.MULTIPART_THRESHOLD), v.number(Option.PART_SIZE),
                v.integer(Option.PARALLEL_PARTS), v.integer(Option.PARALLEL_FILES), v.flag(Option.VERIFY),
                v.choice(Option.PARQUET_CHECK, ParquetCheck.class), v.integer(Option.MAX_ATTEMPTS),
                v.number(Option.FILE_TIMEOUT));
    }

    /** A plain-http endpoint is only for this machine (the emulator), unless the user says otherwise. */
    private static void requireTls(Values v, Option option, String endpoint, boolean allowHttp) {
        if (endpoint == null || allowHttp) {
            return;
        }
        java.net.URI uri;
        try {
            uri = java.net.URI.create(endpoint);
        } catch (IllegalArgumentException e) {
            throw v.bad(option, "'" + endpoint + "' is not a URL", "give one such as"
                    + " https://objectstorage.us-ashburn-1.oraclecloud.com");
        }
        String host = uri.getHost() == null ? "" : uri.getHost();
        boolean local = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")
                || host.equals("::1");
        if ("http".equalsIgnoreCase(uri.getScheme()) && !local) {
            throw v.bad(option, endpoint + " is plain http to another machine: credentials and data would cross the"
                    + " network unencrypted", "use https, or --allow-http if you must");
        }
    }

    /** The OCI sign-in settings alone (for commands that only read logs). */
    public static OciSettings ociSettings(Given given, Map<String, String> env) {
        return ociSettings(given, OciAuthDetector.Where.of(env));
    }

    /** The OCI sign-in settings, {@code auto} resolved from {@code where}. */
    public static OciSettings ociSettings(Given given, OciAuthDetector.Where where) {
        Values v = new Values(given);
        OciAuth auth = v.choice(Option.OCI_AUTH, OciAuth.class);
        OciAuthDetector.Detected signIn = OciAuthDetector.resolve(auth, where);
        return new OciSettings(signIn.auth(), expandHome(v.raw(Option.OCI_CONFIG)), v.raw(Option.OCI_PROFILE),
                v.text(Option.OCI_ENDPOINT), v.text(Option.OCI_REGION), signIn.delegationTokenFile());
    }

    /** {@code 2024-01-31} (midnight UTC), {@code 2024-01-31 12:00:00} (UTC) or an ISO instant. */
    static long parseTime(String text) {
        String t = text.trim();
        try {
            if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            }
            if (t.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}(:\\d{2})?")) {
                return LocalDateTime.parse(t.replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
            }
            return Instant.parse(t).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a time");
        }
    }

    /** {@code 90s}, {@code 30m}, {@code 6h}, {@code 2d}; a plain number is seconds. */
    static long parseDurationMillis(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)\\s*([smhd]?)").matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration");
        }
        long n = Long.parseLong(m.group(1));
        long unit = switch (m.group(2)) {
            case "m" -> 60_000L;
            case "h" -> 3_600_000L;
            case "d" -> 86_400_000L;
            default -> 1000L;
        };
        return n * unit;
    }

    /** --source-api, --s3-*, --azure-*: each checked here, so a missing credential names its setting. */
    private static SourceSettings sourceSettings(Values v) {
        SourceApi api = v.choice(Option.SOURCE_API, SourceApi.class);
        S3Settings.Auth s3Auth = v.choice(Option.S3_AUTH, S3Settings.Auth.class);
        S3Settings s3 = new S3Settings(s3Auth, v.secret(Option.S3_ACCESS_KEY), v.secret(Option.S3_SECRET_KEY),
                v.secret(Option.S3_SESSION_TOKEN), v.text(Option.S3_PROFILE), v.text(Option.S3_ENDPOINT),
                v.text(Option.S3_REGION), v.flag(Option.S3_PATH_STYLE),
                v.integer(Option.S3_LIST_SPLIT), v.integer(Option.S3_READ_THREADS));
        boolean keys = s3Auth == S3Settings.Auth.KEYS || s3Auth == S3Settings.Auth.AUTO && s3.accessKey() != null;
        if (keys) {
            String needer = s3Auth == S3Settings.Auth.KEYS ? "--s3-auth keys" : "S3 sign-in with keys (--s3-access-key"
                    + " is set)";
            v.requireSet(s3.accessKey(), Option.S3_ACCESS_KEY, needer);
            v.requireSet(s3.secretKey(), Option.S3_SECRET_KEY, needer);
        }
        if (s3Auth == S3Settings.Auth.PROFILE) {
            v.requireSet(s3.profile(), Option.S3_PROFILE, "--s3-auth profile");
        }
        AzureSettings azure = new AzureSettings(v.choice(Option.AZURE_AUTH, AzureSettings.Auth.class),
                v.secret(Option.AZURE_ACCOUNT_KEY), v.text(Option.AZURE_TENANT_ID), v.text(Option.AZURE_CLIENT_ID),
                v.secret(Option.AZURE_CLIENT_SECRET), v.secret(Option.AZURE_SAS_TOKEN), v.text(Option.AZURE_ENDPOINT),
                v.integer(Option.AZURE_READ_THREADS));
        String chosen = azure.auth() == AzureSettings.Auth.AUTO ? " (chosen by --azure-auth auto)" : "";
        switch (azure.effectiveAuth()) {
            case KEY -> v.requireSet(azure.accountKey(), Option.AZURE_ACCOUNT_KEY, "--azure-auth key" + chosen);
            case SAS -> v.requireSet(azure.sasToken(), Option.AZURE_SAS_TOKEN, "--azure-auth sas" + chosen);
            case SERVICE_PRINCIPAL -> {
                String needer = "--azure-auth service_principal" + chosen;
                v.requireSet(azure.tenantId(), Option.AZURE_TENANT_ID, needer);
                v.requireSet(azure.clientId(), Option.AZURE_CLIENT_ID, needer);
                v.requireSet(azure.clientSecret(), Option.AZURE_CLIENT_SECRET, needer);
            }
            default -> { }
        }
        boolean lookup = v.flag(Option.FILES_FROM_LOOKUP);
        if (lookup && v.text(Option.FILES_FROM) == null) {
            throw v.bad(Option.FILES_FROM_LOOKUP, "looks up the paths of --files-from, which is not given",
                    "give --files-from, or leave out --files-from-lookup");
        }
        if (lookup && v.text(Option.INVENTORY) != null) {
            throw v.bad(Option.FILES_FROM_LOOKUP, "cannot go with --inventory: both say where the files come from",
                    "give one of them (--files-from alone still filters an inventory)");
        }
        return new SourceSettings(api, s3, azure, v.text(Option.INVENTORY), lookup);
    }

    static Map<Option, String> parseCommandLine(List<String> args, Consumer<String> warn) {
        Map<Option, String> values = new EnumMap<>(Option.class);
        Set<Option> warned = new HashSet<>();
        CommandLine words = new CommandLine(args, "give settings as --name value (see --help)");
        while (words.hasNext()) {
            String name = words.nextName();
            Option option = lookup(name, null);
            String value;
            if (option.isFlag()) {
                value = words.inlineValue();
                String next = words.peek();
                if (value == null && next != null && !next.startsWith("--")) {
                    // The old spelling of --s3-path-style, which took a value: kept working, with a warning.
                    value = flagValue(option, next).toString();
                    words.skip();
                    if (warned.add(option)) {
                        warn.accept("--" + name + " " + next + " is an old spelling: --" + name + " is a flag now;"
                                + " write --" + name + " to turn it on, or leave it out (or --" + name + "=false)");
                    }
                }
                value = value == null ? "true" : flagValue(option, value).toString();
            } else {
                value = words.value(option.key(), option.usage());
            }
            values.put(option, value);
        }
        return values;
    }

    private static Boolean flagValue(Option option, String text) {
        try {
            return option.parseFlag(text);
        } catch (IllegalArgumentException e) {
            throw ConfigException.badValue(option, null, e.getMessage(), option.whatToDo());
        }
    }

    static Map<Option, String> readFile(Path file) {
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(r);
        } catch (IOException e) {
            throw new ConfigException(ConfigException.where(Option.CONF.key(), null) + ": cannot read settings file "
                    + file + " (" + e + "); check the path given with --conf", e);
        }
        Map<Option, String> values = new EnumMap<>(Option.class);
        for (String key : props.stringPropertyNames()) {
            Option option = lookup(key, file);
            if (option == Option.CONF) {
                throw ConfigException.badValue(option, file, "a settings file cannot name another one",
                        "remove the key, or merge the two files into one");
            }
            values.put(option, props.getProperty(key).trim());
        }
        return values;
    }

    /** The option of that name, or an error saying what was given, where, and the closest valid name. */
    private static Option lookup(String name, Path file) {
        return Option.byKey(name).orElseThrow(() -> {
            List<String> keys = Arrays.stream(Option.values()).map(Option::key).toList();
            String hint = Suggestions.closest(name, keys)
                    .map(k -> file == null ? "did you mean --" + k + "?" : "did you mean '" + k + "'?")
                    .orElse("see lakeshift migrate --help for the valid ones");
            return ConfigException.bad(name, file, file == null ? "unknown option" : "unknown setting", hint);
        });
    }

    /** A leading "~/" stands for the user's home, as in OCI config files. */
    public static String expandHome(String path) {
        if (path != null && (path.equals("~") || path.startsWith("~/"))) {
            return System.getProperty("user.home") + path.substring(1);
        }
        return path;
    }

    /** Values with their defaults applied, each read as its option's kind; errors name the setting and its file. */
    private record Values(Given given) {
        /** The value as given, or its default; may be blank. */
        String raw(Option o) {
            String v = given.get(o);
            return v != null ? v : o.defaultValue();
        }

        ConfigException bad(Option o, String wrong, String todo) {
            return ConfigException.badValue(o, given.file(o), wrong, todo);
        }

        /** The value or its default; null when neither is set (or it is blank). */
        String text(Option o) {
            String v = raw(o);
            return v == null || v.isBlank() ? null : v;
        }

        String required(Option o) {
            String v = text(o);
            if (v == null) {
                throw bad(o, "not set", "give " + o.usage() + " (" + brief(o) + ")");
            }
            return v;
        }

        <T> T parse(Option o, Function<String, T> parser) {
            String v = o.isRequired() ? required(o) : raw(o);
            try {
                return parser.apply(v.trim());
            } catch (IllegalArgumentException e) {
                String why = e.getMessage() != null ? e.getMessage() : "'" + v + "' is not valid";
                throw new ConfigException(bad(o, why, o.whatToDo()).getMessage(), e);
            }
        }

        /** A size, whole number, duration (ms) or time (epoch ms); the option has a default. */
        long number(Option o) {
            return parse(o, o::parseNumber);
        }

        int integer(Option o) {
            return Math.toIntExact(number(o));
        }

        Long optionalNumber(Option o) {
            return text(o) == null ? null : number(o);
        }

        <E extends Enum<E>> E choice(Option o, Class<E> type) {
            return parse(o, s -> o.parseChoice(s, type));
        }

        boolean flag(Option o) {
            return parse(o, o::parseFlag);
        }

        List<String> list(Option o) {
            String v = text(o);
            return v == null ? List.of()
                    : Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }

        SecretRef secret(Option o) {
            try {
                return SecretRef.parse(raw(o), o);
            } catch (ConfigException e) {
                Path file = given.file(o);
                String cli = ConfigException.where(o.key(), null);
                if (file == null || !e.getMessage().startsWith(cli)) {
                    throw e;
                }
                throw new ConfigException(ConfigException.where(o.key(), file)
                        + e.getMessage().substring(cli.length()), e);
            }
        }

        void requireSet(Object value, Option o, String needer) {
            if (value == null) {
                throw bad(o, "not set, but " + needer + " needs it", "give " + o.usage() + " (" + brief(o) + ")");
            }
        }

        /** The help of an option without its final full stop, to quote in a message. */
        private static String brief(Option o) {
            String h = o.help();
            return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
        }
    }
}
