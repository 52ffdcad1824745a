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
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Reads the settings of a run: defaults, then the {@code --conf} file, then the command line. Every error names
 * the setting at fault and, for a mistyped name, the closest valid one.
 */
public final class ConfigLoader {
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSSSSS");

    private ConfigLoader() {}

    /** The raw values of the command line and the file it names, command line winning. */
    public static Map<Option, String> readArgs(List<String> args) {
        Map<Option, String> cli = parseCommandLine(args);
        Map<Option, String> merged = new EnumMap<>(Option.class);
        String confFile = cli.get(Option.CONF);
        if (confFile != null) {
            merged.putAll(readFile(Path.of(expandHome(confFile))));
        }
        merged.putAll(cli);
        return merged;
    }

    /** The settings of a run in this process ({@link OciAuthDetector.Where#thisProcess()} decides --oci-auth auto). */
    public static MigrationConfig load(List<String> args) {
        return build(readArgs(args), OciAuthDetector.Where.thisProcess());
    }

    /** The settings of a run where {@code where} says how it may sign in. */
    public static MigrationConfig load(List<String> args, OciAuthDetector.Where where) {
        return build(readArgs(args), where);
    }

    public static MigrationConfig build(Map<Option, String> values) {
        return build(values, OciAuthDetector.Where.thisProcess());
    }

    public static MigrationConfig build(Map<Option, String> values, OciAuthDetector.Where where) {
        Values v = new Values(values);
        String source = v.required(Option.SOURCE);
        TargetLocation target = v.parse(Option.TARGET, TargetLocation::parse, true);
        OciSettings oci = ociSettings(values, where);
        requireTls(oci.endpoint(), "--oci-endpoint", v.flag(Option.ALLOW_HTTP));
        String runId = v.get(Option.RUN_ID);
        if (runId == null || runId.isBlank()) {
            runId = RUN_ID.format(ZonedDateTime.now(ZoneOffset.UTC));
        } else if (!runId.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new ConfigException("run-id '" + runId + "' may only hold letters, digits, '.', '_' and '-'");
        }
        TransferSettings transfer = new TransferSettings(
                v.parse(Option.MULTIPART_THRESHOLD, ByteSize::parse, false),
                v.parse(Option.PART_SIZE, ByteSize::parse, false),
                v.positiveInt(Option.PARALLEL_PARTS, 1),
                v.positiveInt(Option.PARALLEL_FILES, 1),
                v.flag(Option.VERIFY),
                v.parse(Option.PARQUET_CHECK, s -> ParquetCheck.valueOf(s.toUpperCase(Locale.ROOT)), false),
                v.positiveInt(Option.MAX_ATTEMPTS, 1),
                v.parse(Option.FILE_TIMEOUT, ConfigLoader::parseDurationMillis, false));
        FilterSettings filters = new FilterSettings(v.list(Option.INCLUDE), v.list(Option.EXCLUDE),
                v.optional(Option.MIN_SIZE, ByteSize::parse), v.optional(Option.MAX_SIZE, ByteSize::parse),
                v.optional(Option.MODIFIED_AFTER, ConfigLoader::parseTime),
                v.optional(Option.MODIFIED_BEFORE, ConfigLoader::parseTime),
                emptyToNull(v.get(Option.FILES_FROM)));
        return new MigrationConfig(source, target, oci, emptyToNull(v.get(Option.LOG)), runId,
                v.positiveInt(Option.PARTITIONS, 0), transfer, v.list(Option.SKIP),
                v.positiveInt(Option.PROGRESS_INTERVAL, 0), emptyToNull(v.get(Option.MASTER)),
                v.parse(Option.MODE, s -> Mode.valueOf(s.toUpperCase(Locale.ROOT)), false),
                v.parse(Option.OVERWRITE, s -> Overwrite.valueOf(s.toUpperCase(Locale.ROOT)), false),
                v.positiveInt(Option.MAX_DELETE, 0), v.flag(Option.DRY_RUN), filters,
                v.parse(Option.ESTIMATE_RATE, ByteSize::parse, false), sourceSettings(v));
    }

    /** A plain-http endpoint is only for this machine (the emulator), unless the user says otherwise. */
    static void requireTls(String endpoint, String option, boolean allowHttp) {
        if (endpoint == null || allowHttp) {
            return;
        }
        java.net.URI uri;
        try {
            uri = java.net.URI.create(endpoint);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(option + ": '" + endpoint + "' is not a URL");
        }
        String host = uri.getHost() == null ? "" : uri.getHost();
        boolean local = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")
                || host.equals("::1");
        if ("http".equalsIgnoreCase(uri.getScheme()) && !local) {
            throw new ConfigException(option + " " + endpoint + " is plain http to another machine: credentials and"
                    + " data would cross the network unencrypted; use https, or --allow-http if you must");
        }
    }

    /** The OCI sign-in settings alone (for commands that only read logs). */
    public static OciSettings ociSettings(Map<Option, String> values) {
        return ociSettings(values, OciAuthDetector.Where.thisProcess());
    }

    /** The OCI sign-in settings, {@code auto} resolved from {@code where}. */
    public static OciSettings ociSettings(Map<Option, String> values, OciAuthDetector.Where where) {
        Values v = new Values(values);
        OciAuth auth = v.parse(Option.OCI_AUTH, s -> OciAuth.valueOf(s.toUpperCase(Locale.ROOT)), false);
        OciAuthDetector.Detected signIn = OciAuthDetector.resolve(auth, where);
        return new OciSettings(signIn.auth(), expandHome(v.get(Option.OCI_CONFIG)), v.get(Option.OCI_PROFILE),
                emptyToNull(v.get(Option.OCI_ENDPOINT)), emptyToNull(v.get(Option.OCI_REGION)),
                signIn.delegationTokenFile());
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
            throw new IllegalArgumentException("'" + text + "' is not a time (examples: 2024-01-31,"
                    + " 2024-01-31 12:00:00, 2024-01-31T12:00:00Z)");
        }
    }

    /** {@code 90s}, {@code 30m}, {@code 6h}, {@code 2d}; a plain number is seconds. */
    static long parseDurationMillis(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)\\s*([smhd]?)").matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (examples: 90s, 30m, 6h, 2d)");
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
        SourceApi api = v.parse(Option.SOURCE_API, s -> SourceApi.valueOf(s.toUpperCase(Locale.ROOT)), false);
        S3Settings.Auth s3Auth = v.parse(Option.S3_AUTH, s -> S3Settings.Auth.valueOf(s.toUpperCase(Locale.ROOT)),
                false);
        S3Settings s3 = new S3Settings(s3Auth, v.secret(Option.S3_ACCESS_KEY), v.secret(Option.S3_SECRET_KEY),
                v.secret(Option.S3_SESSION_TOKEN), emptyToNull(v.get(Option.S3_PROFILE)),
                emptyToNull(v.get(Option.S3_ENDPOINT)), emptyToNull(v.get(Option.S3_REGION)),
                v.flag(Option.S3_PATH_STYLE));
        boolean keys = s3Auth == S3Settings.Auth.KEYS || s3Auth == S3Settings.Auth.AUTO && s3.accessKey() != null;
        if (keys && (s3.accessKey() == null || s3.secretKey() == null)) {
            throw new ConfigException("S3 sign-in with keys needs both --s3-access-key and --s3-secret-key");
        }
        if (s3Auth == S3Settings.Auth.PROFILE && s3.profile() == null) {
            throw new ConfigException("--s3-auth profile needs --s3-profile NAME (a profile of ~/.aws/credentials)");
        }
        AzureSettings azure = new AzureSettings(
                v.parse(Option.AZURE_AUTH, s -> AzureSettings.Auth.valueOf(s.toUpperCase(Locale.ROOT)), false),
                v.secret(Option.AZURE_ACCOUNT_KEY), emptyToNull(v.get(Option.AZURE_TENANT_ID)),
                emptyToNull(v.get(Option.AZURE_CLIENT_ID)), v.secret(Option.AZURE_CLIENT_SECRET),
                v.secret(Option.AZURE_SAS_TOKEN), emptyToNull(v.get(Option.AZURE_ENDPOINT)),
                v.positiveInt(Option.AZURE_READ_THREADS, 1));
        switch (azure.effectiveAuth()) {
            case KEY -> requireSet(azure.accountKey(), Option.AZURE_ACCOUNT_KEY, "--azure-auth key");
            case SAS -> requireSet(azure.sasToken(), Option.AZURE_SAS_TOKEN, "--azure-auth sas");
            case SERVICE_PRINCIPAL -> {
                requireSet(azure.tenantId(), Option.AZURE_TENANT_ID, "--azure-auth service_principal");
                requireSet(azure.clientId(), Option.AZURE_CLIENT_ID, "--azure-auth service_principal");
                requireSet(azure.clientSecret(), Option.AZURE_CLIENT_SECRET, "--azure-auth service_principal");
            }
            default -> { }
        }
        return new SourceSettings(api, s3, azure);
    }

    private static void requireSet(Object value, Option o, String needer) {
        if (value == null) {
            throw new ConfigException(needer + " needs --" + o.key() + " " + o.valueName() + " (" + o.help() + ")");
        }
    }

    static Map<Option, String> parseCommandLine(List<String> args) {
        Map<Option, String> values = new EnumMap<>(Option.class);
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new ConfigException("unexpected argument '" + arg + "': settings are given as --name value");
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            Option option = lookup(name, true, null);
            if (value == null && option.isFlag()) {
                value = "true";
            } else if (value == null) {
                if (i + 1 >= args.size()) {
                    throw new ConfigException("option --" + name + " needs a value (" + option.valueName() + ")");
                }
                value = args.get(++i);
            }
            values.put(option, value);
        }
        return values;
    }

    static Map<Option, String> readFile(Path file) {
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(r);
        } catch (IOException e) {
            throw new ConfigException("cannot read settings file " + file + " (given with --conf): " + e.getMessage(), e);
        }
        Map<Option, String> values = new EnumMap<>(Option.class);
        for (String key : props.stringPropertyNames()) {
            Option option = lookup(key, false, file);
            if (option == Option.CONF) {
                throw new ConfigException("key 'conf' in " + file + ": a settings file cannot name another one");
            }
            values.put(option, props.getProperty(key).trim());
        }
        return values;
    }

    /** The option of that name, or an error saying what was given, where, and the closest valid name. */
    private static Option lookup(String name, boolean onCommandLine, Path file) {
        return Option.byKey(name).orElseThrow(() -> {
            List<String> keys = Arrays.stream(Option.values()).map(Option::key).toList();
            String quote = onCommandLine ? "--" : "'";
            String end = onCommandLine ? "" : "'";
            String hint = Suggestions.closest(name, keys).map(k -> "; did you mean " + quote + k + end + "?")
                    .orElse("; see --help for the valid ones");
            String what = onCommandLine ? "option --" + name : "key '" + name + "' in " + file;
            return new ConfigException("unknown " + what + hint);
        });
    }

    /** A leading "~/" stands for the user's home, as in OCI config files. */
    public static String expandHome(String path) {
        if (path != null && (path.equals("~") || path.startsWith("~/"))) {
            return System.getProperty("user.home") + path.substring(1);
        }
        return path;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Values with their defaults applied; parse errors name the setting. */
    private record Values(Map<Option, String> values) {
        String get(Option o) {
            return values.getOrDefault(o, o.defaultValue());
        }

        String required(Option o) {
            String v = get(o);
            if (v == null || v.isBlank()) {
                throw new ConfigException("missing setting: --" + o.key() + " " + o.valueName() + " (" + o.help() + ")");
            }
            return v;
        }

        <T> T parse(Option o, java.util.function.Function<String, T> parser, boolean required) {
            String v = required ? required(o) : get(o);
            try {
                return parser.apply(v.trim());
            } catch (RuntimeException e) {
                String why = e instanceof IllegalArgumentException && e.getMessage() != null
                        && !e.getMessage().startsWith("No enum") ? e.getMessage() : "'" + v + "' is not valid";
                throw new ConfigException("--" + o.key() + ": " + why + " (" + o.help() + ")", e);
            }
        }

        boolean flag(Option o) {
            String v = get(o).trim().toLowerCase(Locale.ROOT);
            if (!v.equals("true") && !v.equals("false")) {
                throw new ConfigException("--" + o.key() + ": '" + get(o) + "' is not true or false");
            }
            return v.equals("true");
        }

        List<String> list(Option o) {
            return Arrays.stream(get(o).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }

        <T> T optional(Option o, java.util.function.Function<String, T> parser) {
            String v = get(o);
            return v == null || v.isBlank() ? null : parse(o, parser, false);
        }

        SecretRef secret(Option o) {
            return SecretRef.parse(get(o), o);
        }

        int positiveInt(Option o, int min) {
            int n = parse(o, Integer::parseInt, false);
            if (n < min) {
                throw new ConfigException("--" + o.key() + " must be at least " + min + ", got " + n);
            }
            return n;
        }
    }
}
