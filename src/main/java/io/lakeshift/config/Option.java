package io.lakeshift.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every setting of a migration, with its default. A setting has one name, used both as a command-line option
 * ({@code --part-size 64MiB}) and as a key in a {@code --conf} properties file ({@code part-size=64MiB}).
 */
public enum Option {
    SOURCE("source", "URI", null, "Source lake root: file://, hdfs://, s3a://, abfss:// (any Hadoop file system)."),
    TARGET("target", "URI", null, "Target: oci://bucket@namespace/prefix. Without @namespace it is looked up."),
    CONF("conf", "FILE", null, "Properties file with any of these settings; command-line options override it."),
    OCI_CONFIG("oci-config", "FILE", "~/.oci/config", "OCI config file (for --oci-auth config)."),
    OCI_PROFILE("oci-profile", "NAME", "DEFAULT", "Profile in the OCI config file."),
    OCI_AUTH("oci-auth", "MODE", "auto", "How to sign in to OCI: auto | config | instance_principal"
            + " | resource_principal | delegation_token. auto: resource principal or delegation token inside OCI Data"
            + " Flow, else config."),
    OCI_ENDPOINT("oci-endpoint", "URL", null,
            "Object Storage endpoint, e.g. https://objectstorage.us-ashburn-1.oraclecloud.com or the local emulator."
                    + " Default: the region's endpoint."),
    OCI_REGION("oci-region", "REGION", null, "OCI region id; default: from the OCI config profile or the principal."),
    LOG("log", "URI", null, "Where the migration log goes: oci://... or file://... Default: "
            + "oci://<target bucket>@<ns>/_lakeshift/logs/."),
    RUN_ID("run-id", "ID", null, "Identifier of this run in the log. Default: the start time, yyyyMMddHHmmssSSS."),
    PARTITIONS("partitions", "N", "0", "Spark partitions to spread the files over; 0 = automatic, balanced by bytes."),
    MULTIPART_THRESHOLD("multipart-threshold", "SIZE", "64MiB",
            "Files of at least this size are sent as multipart uploads; smaller ones as one PUT."),
    PART_SIZE("part-size", "SIZE", "32MiB", "Size of each multipart part (OCI allows 10,000 parts)."),
    PARALLEL_PARTS("parallel-parts", "N", "4",
            "Parts of one file uploaded at once; memory per task is at most this times --part-size."),
    SKIP("skip", "GLOBS", "_SUCCESS,_temporary,*.crc,_started_*,_committed_*,.DS_Store",
            "Bookkeeping files and folders left out, as globs matched against each path element."),
    PROGRESS_INTERVAL("progress-interval", "SECONDS", "5", "Seconds between progress lines; 0 = none."),
    MODE("mode", "MODE", "copy", "copy: send new and changed files; sync: also delete target objects that have no"
            + " source file; move: delete each source file once its target is verified."),
    OVERWRITE("overwrite", "WHEN", "changed", "Replace existing target objects: never | changed (size or"
            + " fingerprint differs) | always."),
    MAX_DELETE("max-delete", "N", "1000", "sync refuses to run (changing nothing) if it would delete more than N"
            + " target objects."),
    DRY_RUN("dry-run", null, "false", "Plan only: list, compare and write the plan to the log location; nothing"
            + " else is written (same as the plan command)."),
    INCLUDE("include", "GLOBS", "", "Only files matching one of these globs (comma-separated; a glob without '/'"
            + " matches the file name, with '/' the path below the source; ** crosses folders)."),
    EXCLUDE("exclude", "GLOBS", "", "Leave out files matching one of these globs (same rules as --include)."),
    MIN_SIZE("min-size", "SIZE", "", "Leave out files smaller than this."),
    MAX_SIZE("max-size", "SIZE", "", "Leave out files larger than this."),
    MODIFIED_AFTER("modified-after", "TIME", "", "Leave out files last modified before this time (2024-01-31 or"
            + " 2024-01-31T12:00:00Z)."),
    MODIFIED_BEFORE("modified-before", "TIME", "", "Leave out files last modified at or after this time."),
    FILES_FROM("files-from", "URI", "", "Only the files listed in this manifest (one path below the source per"
            + " line; any Hadoop URI or local path)."),
    VERIFY("verify", null, "false", "After each upload, read the object back and compare its MD5 (costs a"
            + " second transfer)."),
    PARQUET_CHECK("parquet-check", "MODE", "fail", "Check *.parquet files (PAR1 at both ends, footer read from"
            + " the streamed tail): fail = a corrupt file is failed and not uploaded; warn = uploaded with a"
            + " note; off."),
    MAX_ATTEMPTS("max-attempts", "N", "5", "Tries per request (transient errors: 429, 5xx, time-outs, resets)"
            + " and per file (a source read that breaks)."),
    FILE_TIMEOUT("file-timeout", "DURATION", "6h", "Give up on a file after this long, retries included"
            + " (90s, 30m, 6h)."),
    ESTIMATE_RATE("estimate-rate", "SIZE", "100MiB", "Throughput per second the plan assumes for its duration"
            + " estimate."),
    ALLOW_HTTP("allow-http", null, "false", "Allow a plain-http --oci-endpoint that is not on this machine"
            + " (credentials and data would cross the network unencrypted)."),
    MASTER("master", "URL", null, "Spark master when not run by spark-submit (bin/lakeshift uses local[*]).");

    private final String key;
    private final String valueName;
    private final String defaultValue;
    private final String help;

    Option(String key, String valueName, String defaultValue, String help) {
        this.key = key;
        this.valueName = valueName;
        this.defaultValue = defaultValue;
        this.help = help;
    }

    public String key() {
        return key;
    }

    /** Whether this is a switch given without a value ({@code --dry-run}); in a file it is true or false. */
    public boolean isFlag() {
        return valueName == null;
    }

    public String valueName() {
        return valueName;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String help() {
        return help;
    }

    public static Optional<Option> byKey(String key) {
        return Arrays.stream(values()).filter(o -> o.key.equals(key)).findFirst();
    }
}
