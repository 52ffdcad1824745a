package io.lakeshift.config;


import io.lakeshift.model.ByteSize;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every setting of a migration, and the one place that says what each is: its kind of value (flag, size, number,
 * duration, time, one of a set of words, URI, globs, secret, text), its bounds, its default and whether it is a
 * secret. The loader parses and checks every value from this schema, the settings records check their fields
 * against it, and the help and {@code conf/lakeshift.properties} are generated from it or tested against it.
 *
 * <p>A setting has one name, used both as a command-line option ({@code --part-size 64MiB}) and as a key in a
 * {@code --conf} properties file ({@code part-size=64MiB}). A flag is given alone on the command line
 * ({@code --verify}) and as {@code verify=true} or {@code false} in a file.
 */
public enum Option {
    SOURCE("source", Spec.text(Kind.URI, "URI").required(),
            "Source lake root: file://, hdfs://, s3a://, abfss:// (any Hadoop file system)."),
    TARGET("target", Spec.text(Kind.URI, "URI").required().todo("give oci://bucket@namespace/prefix or a Hadoop"
            + " folder URI"),
            "Target: oci://bucket@namespace/prefix (without @namespace it is looked up), or a Hadoop file-system"
                    + " folder (s3a://bucket/prefix/, abfss://..., hdfs://..., file:///path/)."),
    CONF("conf", Spec.text(Kind.TEXT, "FILE"),
            "Properties file with any of these settings; command-line options override it."),
    OCI_CONFIG("oci-config", Spec.text(Kind.TEXT, "FILE").orElse("~/.oci/config"),
            "OCI config file (for --oci-auth config)."),
    OCI_PROFILE("oci-profile", Spec.text(Kind.TEXT, "NAME").orElse("DEFAULT"), "Profile in the OCI config file."),
    OCI_AUTH("oci-auth", Spec.choice("MODE", OciAuth.class, "auto"), "How to sign in to OCI: auto | config"
            + " | instance_principal | resource_principal | delegation_token. auto: resource principal or delegation"
            + " token inside OCI Data Flow, else config."),
    OCI_ENDPOINT("oci-endpoint", Spec.text(Kind.URI, "URL"),
            "Object Storage endpoint, e.g. https://objectstorage.us-ashburn-1.oraclecloud.com or the local emulator."
                    + " Default: the region's endpoint."),
    OCI_REGION("oci-region", Spec.text(Kind.TEXT, "REGION"),
            "OCI region id; default: from the OCI config profile or the principal."),
    LOG("log", Spec.text(Kind.URI, "URI"), "Where the migration log goes: oci://... or any Hadoop URI. Default: "
            + "oci://<target bucket>@<ns>/_lakeshift/logs/, or <target>/_lakeshift/logs/ for a Hadoop target."),
    RUN_ID("run-id", Spec.text(Kind.TEXT, "ID"), "Identifier of this run in the log: up to 100 letters, digits,"
            + " '.', '_' and '-'. Default: the start time in UTC, " + RunIds.PATTERN + " (20 digits)."),
    PARTITIONS("partitions", Spec.number(Kind.INT, "N", "0").atLeast(0),
            "Spark partitions to spread the files over; 0 = automatic, balanced by bytes."),
    PLANNING("planning", Spec.choice("WHERE", Planning.class, "auto"), "Where the source and the target are"
            + " listed and the plan is made: local (the driver), distributed (the executors list subtrees and key"
            + " ranges and join them; the driver holds only counts and totals) or auto (local below 200,000 source"
            + " files, distributed above). The same decisions either way."),
    MULTIPART_THRESHOLD("multipart-threshold", Spec.number(Kind.SIZE, "SIZE", "64MiB")
            .between(1, Integer.MAX_VALUE - 16, "from 1 byte to just under 2GiB (a single PUT is held in memory"
                    + " to send its Content-MD5 first)"),
            "Files of at least this size are sent as multipart uploads; smaller ones as one PUT."),
    PART_SIZE("part-size", Spec.number(Kind.SIZE, "SIZE", "32MiB")
            .between(1L << 20, Integer.MAX_VALUE - 16, "from 1MiB to just under 2GiB (each part is held in memory"
                    + " while it is sent)"),
            "Size of each multipart part (OCI allows 10,000 parts)."),
    PARALLEL_PARTS("parallel-parts", Spec.number(Kind.INT, "N", "4").between(1, 64, null),
            "Parts of one file uploaded at once; memory per task is at most this times --part-size."),
    PARALLEL_FILES("parallel-files", Spec.number(Kind.INT, "N", "8").between(1, 256, null),
            "Files below --multipart-threshold copied at once by each task (their round trips, not their bytes, set"
                    + " the pace); together they hold at most --parallel-parts x --part-size. 1 = one file at a"
                    + " time."),
    SKIP("skip", Spec.text(Kind.GLOBS, "GLOBS").orElse("_SUCCESS,_temporary,*.crc,_started_*,_committed_*,.DS_Store"),
            "Bookkeeping files and folders left out, as globs matched against each path element."),
    KEEP_MARKERS("keep-markers", Spec.flag(), "Copy the markers downstream jobs wait for: _SUCCESS files (though"
            + " --skip lists them) and empty folders, each as a zero-byte object named <folder>/."),
    PROGRESS_INTERVAL("progress-interval", Spec.number(Kind.INT, "SECONDS", "5").atLeast(0),
            "Seconds between progress lines; 0 = none."),
    MODE("mode", Spec.choice("MODE", Mode.class, "copy"), "copy: send new and changed files; sync: also delete"
            + " target objects that have no source file; move: delete each source file once its target is verified."),
    OVERWRITE("overwrite", Spec.choice("WHEN", Overwrite.class, "changed"), "Replace existing target objects:"
            + " never | changed (size or fingerprint differs) | always."),
    MAX_DELETE("max-delete", Spec.number(Kind.INT, "N", "1000").atLeast(0), "sync refuses to run (changing"
            + " nothing) if it would delete more than N target objects."),
    DRY_RUN("dry-run", Spec.flag(), "Plan only: list, compare and write the plan to the log location; nothing"
            + " else is written (same as the plan command)."),
    INCLUDE("include", Spec.text(Kind.GLOBS, "GLOBS"), "Only files matching one of these globs (comma-separated;"
            + " a glob without '/' matches the file name, with '/' the path below the source; ** crosses folders)."),
    EXCLUDE("exclude", Spec.text(Kind.GLOBS, "GLOBS"),
            "Leave out files matching one of these globs (same rules as --include)."),
    MIN_SIZE("min-size", Spec.number(Kind.SIZE, "SIZE", null), "Leave out files smaller than this."),
    MAX_SIZE("max-size", Spec.number(Kind.SIZE, "SIZE", null), "Leave out files larger than this."),
    MODIFIED_AFTER("modified-after", Spec.number(Kind.TIME, "TIME", null), "Leave out files last modified before"
            + " this time (2024-01-31 or 2024-01-31T12:00:00Z)."),
    MODIFIED_BEFORE("modified-before", Spec.number(Kind.TIME, "TIME", null),
            "Leave out files last modified at or after this time."),
    FILES_FROM("files-from", Spec.text(Kind.URI, "URI"), "Only the files listed in this manifest (one path below"
            + " the source per line; any Hadoop URI or local path)."),
    FILES_FROM_LOOKUP("files-from-lookup", Spec.flag(), "Look each --files-from path up in the source (one HEAD or"
            + " getFileStatus per path, spread over the executors) instead of listing the whole source; files not"
            + " named are then not logged as excluded."),
    INVENTORY("inventory", Spec.text(Kind.URI, "URI"), "The source's files from an inventory report instead of a"
            + " listing: the manifest.json of an S3 Inventory (CSV, Parquet or ORC) or of an Azure Blob Inventory"
            + " (CSV or Parquet), read on the executors; rows outside --source are left out. No LIST request reaches"
            + " the source; a file the inventory lists that is gone or changed fails by itself."),
    VERIFY("verify", Spec.flag(), "After each upload, read the object back and compare its MD5 (costs a second"
            + " transfer)."),
    DOWNLOAD("download", Spec.flag(), "check only: read every file on both sides and compare the MD5s of their"
            + " bytes, instead of the MD5s the stores keep (costs reading both)."),
    PARQUET_CHECK("parquet-check", Spec.choice("MODE", ParquetCheck.class, "warn"), "Check *.parquet files (PAR1"
            + " at both ends, footer read from the streamed tail): warn = a corrupt file is copied byte for byte,"
            + " its note and the summary say so; fail = it is failed and not uploaded (exit code 1); off."),
    MAX_ATTEMPTS("max-attempts", Spec.number(Kind.INT, "N", "5").between(1, 100, null), "Tries per request"
            + " (transient errors: 429, 5xx, time-outs, resets) and per file (a source read that breaks)."),
    FILE_TIMEOUT("file-timeout", Spec.number(Kind.DURATION, "DURATION", "6h").between(1000, Long.MAX_VALUE,
            "1s or more"), "Give up on a file after this long, retries included (90s, 30m, 6h)."),
    BWLIMIT("bwlimit", Spec.number(Kind.RATE, "SIZE/s", null), "Bandwidth cap for the whole job (50MiB/s),"
            + " shared out among the tasks running at once; off = none. For caps by time of day see"
            + " bwlimit-schedule."),
    BWLIMIT_SCHEDULE("bwlimit-schedule", Spec.text(Kind.TEXT, "SCHEDULE"), "Caps by time of day instead of"
            + " --bwlimit: '08:00,50MiB 19:00,off' (HH:MM,rate pairs; UTC, or a zone first: 'Europe/Paris"
            + " 08:00,50MiB 19:00,off'). The last one of a day holds until the first of the next."),
    MAX_TRANSFER("max-transfer", Spec.number(Kind.SIZE, "SIZE", null).atLeast(1), "Start sending files of at"
            + " most this many bytes in all, then stop (exit code 4); the files left are counted in the summary and"
            + " the next run sends them."),
    MAX_DURATION("max-duration", Spec.number(Kind.DURATION, "DURATION", null).between(1000, Long.MAX_VALUE,
            "1s or more"), "Start no new file after this long from the run's start (files in flight finish),"
            + " then stop (exit code 4); the next run continues."),
    ESTIMATE_RATE("estimate-rate", Spec.number(Kind.SIZE, "SIZE", "100MiB"), "Throughput per second"
            + " the plan assumes the whole job carries at most (the network and OCI, which a dry run does not"
            + " measure); the plan's time is the longer of this and the --probe measurement."),
    PROBE("probe", Spec.number(Kind.INT, "N", "3").between(0, 100, null), "Files a dry run reads from the source"
            + " (at most 8MiB of each; reads only, nothing is written) to measure time to first byte and bytes per"
            + " second for the plan's time estimate; 0 = none."),
    STORAGE_PRICE("storage-price", Spec.text(Kind.TEXT, "PRICES")
            .orElse("Standard=0.0255,InfrequentAccess=0.01,Archive=0.0026")
            .todo("give Standard=P,InfrequentAccess=P,Archive=P with each P a price per GB-month such as 0.0255"),
            "OCI storage price per GB-month of each tier, for the plan's monthly cost (defaults: OCI's public list"
                    + " price in USD; your region or contract may differ)."),
    REQUEST_PRICE("request-price", Spec.text(Kind.TEXT, "PRICE").orElse("0.0034")
            .todo("give a price per 10,000 requests such as 0.0034"),
            "OCI price of 10,000 Object Storage requests, for the plan's request cost (default: OCI's public list"
                    + " price in USD)."),
    EGRESS_PRICE("egress-price", Spec.text(Kind.TEXT, "PRICE").todo("give a price per GB such as 0.09"),
            "Price per GB the source charges to send data out (S3 or Azure egress to the internet); the plan"
                    + " then shows the migration's egress cost. Default: not shown."),
    RESTORE("restore", Spec.flag(), "Ask the source to restore archived files (S3 GLACIER and DEEP_ARCHIVE, Azure"
            + " Archive), which a run otherwise reports as archived and does not attempt; a run after the restore"
            + " copies them."),
    RESTORE_DAYS("restore-days", Spec.number(Kind.INT, "N", "7").between(1, 365, null), "Days S3 keeps a"
            + " restored copy (--restore); Azure changes the blob's tier to Hot instead, for good."),
    // Tables (docs/tables.md).
    TABLES("tables", Spec.choice("MODE", TableSettings.Detect.class, "auto"), "auto: a folder holding _delta_log/"
            + " is copied as a Delta table (its data files first, its log last), one holding Iceberg metadata as an"
            + " Iceberg table (its paths rewritten, its metadata last); off: every file is a plain file."),
    TABLE_VERSION("table-version", Spec.number(Kind.INT, "N", null).atLeast(0), "Copy this version of each Delta"
            + " table (its log up to N and the files N references); default: the latest."),
    TABLE_TIMESTAMP("table-timestamp", Spec.number(Kind.TIME, "TIME", null), "Copy the version of each Delta table"
            + " that was current at this time (2024-01-31 or 2024-01-31T12:00:00Z); default: the latest."),
    TABLE_FILES("table-files", Spec.choice("WHICH", TableSettings.Files.class, "referenced"), "Data files of a"
            + " Delta table to copy: referenced (by the chosen version; the others are reported as excluded) | all."),
    TABLE_VERIFY("table-verify", Spec.choice("HOW", TableSettings.Verify.class, "metadata"), "After the copy, open"
            + " each Delta and Iceberg table at the target and compare it with the source's version or snapshot:"
            + " metadata (rows from the Delta log's numRecords stats or Iceberg's manifests, schema, files, version)"
            + " | rows (also count the rows with Spark) | off."),
    TABLE_SNAPSHOT("table-snapshot", Spec.number(Kind.INT, "ID", null).between(0, Long.MAX_VALUE, "0 or more"),
            "Copy this snapshot of each Iceberg table (its metadata as it was when the snapshot was current); default: the current one."),
    ALLOW_HTTP("allow-http", Spec.flag(), "Allow a plain-http --oci-endpoint that is not on this machine"
            + " (credentials and data would cross the network unencrypted)."),

    // Target objects (docs/objects.md): tier, encryption, content headers and metadata. All but --content-type and
    // --drop-metadata are OCI's alone and refused for a Hadoop target.
    STORAGE_TIER("storage-tier", Spec.choice("TIER", StorageTier.class, "standard"), "OCI storage tier of each"
            + " object: standard | infrequentaccess | archive (any case, so OCI's InfrequentAccess too), unless a"
            + " --storage-tier-* glob below picks another. Archive objects must be restored before they can be"
            + " read."),
    STORAGE_TIER_ARCHIVE("storage-tier-archive", Spec.text(Kind.GLOBS, "GLOBS"), "Files matching one of these globs"
            + " (as --include) land in Archive, whatever --storage-tier says; checked first."),
    STORAGE_TIER_INFREQUENT_ACCESS("storage-tier-infrequent-access", Spec.text(Kind.GLOBS, "GLOBS"), "Files"
            + " matching one of these globs land in InfrequentAccess (e.g. **/year=201*/**); checked second."),
    STORAGE_TIER_STANDARD("storage-tier-standard", Spec.text(Kind.GLOBS, "GLOBS"), "Files matching one of these"
            + " globs land in Standard; checked third."),
    KMS_KEY_ID("kms-key-id", Spec.text(Kind.TEXT, "OCID").todo("give the OCID of an OCI Vault master encryption"
            + " key: ocid1.key.<realm>.<region>..<id>"), "Encrypt each object with this OCI Vault master encryption"
            + " key instead of the bucket's key."),
    SSE_C_KEY("sse-c-key", Spec.text(Kind.SECRET, "SECRET"), "Encrypt each object with this key of your own (SSE-C):"
            + " a base64 AES-256 key (32 bytes). OCI keeps only its SHA-256; every read needs the key."),
    CONTENT_TYPE("content-type", Spec.text(Kind.TEXT, "TYPE").orElse("source").todo("give auto, source or a media"
            + " type such as text/csv"), "Content-Type of each object: auto (from the file's extension; Parquet is"
            + " application/vnd.apache.parquet) | source (the source's where it has one, else auto) | a media type"
            + " for every object."),
    DROP_METADATA("drop-metadata", Spec.flag(), "Do not carry the source's user metadata (S3 x-amz-meta-*, ADLS"
            + " metadata, as opc-meta-*) and its Cache-Control, Content-Encoding, Content-Disposition and"
            + " Content-Language (saves an S3 source one HEAD per file)."),

    MASTER("master", Spec.text(Kind.TEXT, "URL").orElse("local[*]"),
            "Spark master when not run by spark-submit (which sets its own)."),
    // Sources (docs/sources.md). A SECRET is a literal value, env:VARIABLE, or oci-vault:<secret OCID>.
    SOURCE_API("source-api", Spec.choice("API", SourceApi.class, "auto"), "Which reader serves --source: auto |"
            + " hadoop | adls. auto: abfss://<container>@<account>.dfs.core.windows.net/... -> adls (Azure SDK),"
            + " everything else -> hadoop."),
    S3_AUTH("s3-auth", Spec.choice("MODE", S3Settings.Auth.class, "auto"), "How to sign in to S3 (s3a://): auto |"
            + " keys | env | profile | default. auto: keys if --s3-access-key is set, else S3A's own chain."),
    S3_ACCESS_KEY("s3-access-key", Spec.text(Kind.SECRET, "KEY"), "AWS access key id (for --s3-auth keys)."),
    S3_SECRET_KEY("s3-secret-key", Spec.text(Kind.SECRET, "SECRET"), "AWS secret access key (for --s3-auth keys)."),
    S3_SESSION_TOKEN("s3-session-token", Spec.text(Kind.SECRET, "SECRET"), "AWS session token, with temporary keys."),
    S3_PROFILE("s3-profile", Spec.text(Kind.TEXT, "NAME"), "Profile in ~/.aws/credentials (for --s3-auth profile)."),
    S3_ENDPOINT("s3-endpoint", Spec.text(Kind.URI, "URL"), "S3 endpoint, for S3-compatible stores; default: AWS."),
    S3_REGION("s3-region", Spec.text(Kind.TEXT, "REGION"),
            "S3 region of the bucket; default: S3A's (us-east-1 or the endpoint's)."),
    S3_PATH_STYLE("s3-path-style", Spec.flag(), "Path-style requests (endpoint/bucket/key), as most S3-compatible"
            + " stores need."),
    S3_LIST_SPLIT("s3-list-split", Spec.number(Kind.INT, "N", "10000").between(1, 1_000_000, null),
            "With --planning distributed (or auto above 200,000 files): an s3a:// folder, or a key range of one, with"
                    + " more entries than this is split into key ranges listed by separate tasks, again while a"
                    + " range is still bigger."),
    S3_READ_THREADS("s3-read-threads", Spec.number(Kind.INT, "N", "1").between(1, 64, null), "Ranged GETs in flight"
            + " for one large s3a:// file: above 1, files above 16MiB are read in 8MiB ranges, each file then holding"
            + " up to N x 8MiB while it is read (try 4 where one GET stream cannot fill the link); 1 = one GET per"
            + " file."),
    AZURE_AUTH("azure-auth", Spec.choice("MODE", AzureSettings.Auth.class, "auto"), "How to sign in to ADLS"
            + " (--source-api adls): auto | key | service_principal | sas | managed_identity | default. auto: the"
            + " first of key, client secret, SAS that is set, else the default Azure credential chain."),
    AZURE_ACCOUNT_KEY("azure-account-key", Spec.text(Kind.SECRET, "SECRET"),
            "Storage account key (for --azure-auth key)."),
    AZURE_TENANT_ID("azure-tenant-id", Spec.text(Kind.TEXT, "ID"),
            "Entra ID tenant (for --azure-auth service_principal)."),
    AZURE_CLIENT_ID("azure-client-id", Spec.text(Kind.TEXT, "ID"), "Application (client) id of the service"
            + " principal, or of a user-assigned managed identity."),
    AZURE_CLIENT_SECRET("azure-client-secret", Spec.text(Kind.SECRET, "SECRET"),
            "Client secret (for --azure-auth service_principal)."),
    AZURE_SAS_TOKEN("azure-sas-token", Spec.text(Kind.SECRET, "SECRET"),
            "SAS token with read and list permission (for --azure-auth sas)."),
    AZURE_ENDPOINT("azure-endpoint", Spec.text(Kind.URI, "URL"), "Blob endpoint of the account, e.g. a local"
            + " emulator's http://127.0.0.1:10000/devstoreaccount1; default: https://<account>.blob.core.windows.net."),
    AZURE_READ_THREADS("azure-read-threads", Spec.number(Kind.INT, "N", "4").atLeast(1), "Ranged reads in flight"
            + " for one large ADLS file (files above 16MiB are read in 8MiB ranges); 1 = one plain stream.");

    /** What kind of value a setting takes; decides how it is parsed and what a bad one is told to do. */
    public enum Kind {
        /** On or off: given alone on the command line, true or false in a file. */
        FLAG("give --%s alone to turn it on, or --%s=false"),
        /** A byte count: 5000, 64KiB, 128MiB, 1GiB (binary units). */
        SIZE("give a size such as 5000, 64KiB, 128MiB or 1GiB"),
        /** Bytes per second: 50MiB/s (the /s may be left out); 0 or off = no cap. */
        RATE("give a rate such as 512KiB/s or 50MiB/s, or off"),
        /** A whole number. */
        INT("give a whole number"),
        /** 90s, 30m, 6h, 2d; a plain number is seconds. Held in milliseconds. */
        DURATION("give a duration such as 90s, 30m, 6h or 2d"),
        /** 2024-01-31 (midnight UTC), 2024-01-31 12:00:00 (UTC) or an ISO instant. Held in epoch milliseconds. */
        TIME("give a time such as 2024-01-31, 2024-01-31 12:00:00 or 2024-01-31T12:00:00Z"),
        /** One word of a fixed set, in any case. */
        CHOICE("give one of: %s"),
        /** A URI or URL. */
        URI("give a URI"),
        /** Comma-separated globs. */
        GLOBS("give comma-separated globs"),
        /** A literal value, env:VARIABLE or oci-vault:OCID; never printed. */
        SECRET("give a value, env:VARIABLE or oci-vault:ocid1.vaultsecret..."),
        /** Any text. */
        TEXT("give a value");

        private final String todo;

        Kind(String todo) {
            this.todo = todo;
        }
    }

    /** The schema of one setting (built fluently in the constants above). */
    static final class Spec {
        private final Kind kind;
        private final String valueName;
        private String defaultValue;
        private boolean required;
        private List<String> choices = List.of();
        private Class<? extends Enum<?>> choiceType;
        private long min = Long.MIN_VALUE;
        private long max = Long.MAX_VALUE;
        private String range;
        private String todo;

        private Spec(Kind kind, String valueName, String defaultValue) {
            this.kind = kind;
            this.valueName = valueName;
            this.defaultValue = defaultValue;
        }

        static Spec flag() {
            return new Spec(Kind.FLAG, null, "false");
        }

        static Spec text(Kind kind, String valueName) {
            return new Spec(kind, valueName, null);
        }

        static Spec number(Kind kind, String valueName, String defaultValue) {
            return new Spec(kind, valueName, defaultValue);
        }

        static Spec choice(String valueName, Class<? extends Enum<?>> type, String defaultValue) {
            Spec s = new Spec(Kind.CHOICE, valueName, defaultValue);
            s.choiceType = type;
            s.choices = Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
            return s;
        }

        Spec orElse(String defaultValue) {
            this.defaultValue = defaultValue;
            return this;
        }

        Spec required() {
            this.required = true;
            return this;
        }

        Spec atLeast(long min) {
            return between(min, kind == Kind.INT ? Integer.MAX_VALUE : Long.MAX_VALUE, min + " or more");
        }

        /** What to tell a user with a bad value, instead of the kind's advice. */
        Spec todo(String todo) {
            this.todo = todo;
            return this;
        }

        /** Bounds, both included; {@code range} says them in words ("from 1 to 64" when null). */
        Spec between(long min, long max, String range) {
            this.min = min;
            this.max = max;
            this.range = range;
            return this;
        }
    }

    private final String key;
    private final Spec spec;
    private final String help;

    Option(String key, Spec spec, String help) {
        this.key = key;
        this.spec = spec;
        this.help = help;
    }

    public String key() {
        return key;
    }

    public Kind kind() {
        return spec.kind;
    }

    /** Whether this is a switch given without a value ({@code --dry-run}); in a file it is true or false. */
    public boolean isFlag() {
        return spec.kind == Kind.FLAG;
    }

    /** Whether the value is a secret: a reference or literal that is never printed. */
    public boolean isSecret() {
        return spec.kind == Kind.SECRET;
    }

    /** Whether a run needs it (there is no default). */
    public boolean isRequired() {
        return spec.required;
    }

    /** The placeholder of the value in the help ({@code SIZE}); null for a flag. */
    public String valueName() {
        return spec.valueName;
    }

    /** How the option is written: {@code --part-size SIZE}, or {@code --verify} for a flag. */
    public String usage() {
        return isFlag() ? "--" + key : "--" + key + " " + spec.valueName;
    }

    /** The value used when none is given, as it would be written; null when there is none. */
    public String defaultValue() {
        return spec.defaultValue;
    }

    /** The words a {@link Kind#CHOICE} accepts, in lower case; empty for the other kinds. */
    public List<String> choices() {
        return spec.choices;
    }

    /** Whether a number of this option has bounds. */
    public boolean isBounded() {
        return spec.min != Long.MIN_VALUE || spec.max != Long.MAX_VALUE;
    }

    public long min() {
        return spec.min;
    }

    public long max() {
        return spec.max;
    }

    /** The allowed values in words, for the help and the errors: "from 1 to 64", "0 or more"; null if unbounded. */
    public String range() {
        if (spec.range != null) {
            return spec.range;
        }
        if (!isBounded()) {
            return null;
        }
        if (spec.max == Long.MAX_VALUE || spec.kind == Kind.INT && spec.max == Integer.MAX_VALUE) {
            return spec.min + " or more";
        }
        return "from " + spec.min + " to " + spec.max;
    }

    /** What a user with a bad value should do, without the value. */
    public String whatToDo() {
        if (spec.todo != null) {
            return spec.todo;
        }
        String todo = switch (spec.kind) {
            case FLAG -> String.format(Kind.FLAG.todo, key, key);
            case CHOICE -> String.format(Kind.CHOICE.todo, String.join(" | ", spec.choices));
            default -> spec.kind.todo;
        };
        String range = range();
        if (range == null || spec.kind == Kind.FLAG || spec.kind == Kind.CHOICE) {
            return todo;
        }
        return todo + (range.startsWith("from ") ? " " : ", ") + range;
    }

    public String help() {
        return help;
    }

    /**
     * Parses a number-like value (size, whole number, duration in ms, time in epoch ms) and checks its bounds.
     *
     * @throws IllegalArgumentException saying what is wrong with the value (without the option's name)
     */
    long parseNumber(String text) {
        String t = text.trim();
        long n = switch (spec.kind) {
            case SIZE -> {
                try {
                    yield ByteSize.parse(t);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(e.getMessage().endsWith("too large") ? e.getMessage()
                            : "'" + t + "' is not a size");
                }
            }
            case RATE -> BandwidthSchedule.parseRate(t);
            case INT -> {
                try {
                    yield Long.parseLong(t);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + t + "' is not a whole number");
                }
            }
            case DURATION -> ConfigLoader.parseDurationMillis(t);
            case TIME -> ConfigLoader.parseTime(t);
            default -> throw new IllegalStateException("--" + key + " is not a number");
        };
        if (n < spec.min || n > spec.max) {
            throw new IllegalArgumentException("'" + t + "' is too " + (n < spec.min ? "small" : "large"));
        }
        return n;
    }

    /** Parses a {@link Kind#CHOICE}, in any case. */
    <E extends Enum<E>> E parseChoice(String text, Class<E> type) {
        if (spec.choiceType != type) {
            throw new IllegalStateException("--" + key + " is not a choice of " + type.getSimpleName());
        }
        String t = text.trim();
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(t)) {
                return e;
            }
        }
        throw new IllegalArgumentException("'" + t + "' is not valid");
    }

    /** Parses a flag's value: true or false, in any case. */
    boolean parseFlag(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (!t.equals("true") && !t.equals("false")) {
            throw new IllegalArgumentException("'" + text.trim() + "' is not true or false");
        }
        return t.equals("true");
    }

    /**
     * Checks a value already in its unit (bytes, milliseconds, a count) against the bounds, for settings built
     * without the loader.
     *
     * @throws ConfigException naming this option
     */
    public long check(long value) {
        if (value < spec.min || value > spec.max) {
            String unit = spec.kind == Kind.SIZE ? " bytes" : spec.kind == Kind.RATE ? " bytes/s" : spec.kind == Kind.DURATION ? " ms" : "";
            throw ConfigException.badValue(this, null, value + unit + " is too " + (value < spec.min ? "small"
                    : "large"), whatToDo());
        }
        return value;
    }

    /** The default of a number-like option, parsed (bytes, milliseconds, a count). */
    public long defaultNumber() {
        return parseNumber(spec.defaultValue);
    }

    public static Optional<Option> byKey(String key) {
        return Arrays.stream(values()).filter(o -> o.key.equals(key)).findFirst();
    }
}
