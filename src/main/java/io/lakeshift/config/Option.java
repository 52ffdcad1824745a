package io.lakeshift.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every setting of a migration, with its default. A setting has one name, used both as a command-line option
 * ({@code --part-size 64MiB}) and as a key in a {@code --conf} properties file ({@code part-size=64MiB}).
 */
public enum Option {
    SOURCE("source", "URI", null, "Source lake root: file://, hdfs://, s3a://, abfss:// (any Hadoop file system)."),
    TARGET("target", "URI", null, "Target: oci://bucket@namespace/prefix (without @namespace it is looked up), or"
            + " a Hadoop file-system folder (s3a://bucket/prefix/, abfss://..., hdfs://..., file:///path/)."),
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
    LOG("log", "URI", null, "Where the migration log goes: oci://... or any Hadoop URI. Default: "
            + "oci://<target bucket>@<ns>/_lakeshift/logs/, or <target>/_lakeshift/logs/ for a Hadoop target."),
    RUN_ID("run-id", "ID", null, "Identifier of this run in the log. Default: the start time, yyyyMMddHHmmssSSS."),
    PARTITIONS("partitions", "N", "0", "Spark partitions to spread the files over; 0 = automatic, balanced by bytes."),
    MULTIPART_THRESHOLD("multipart-threshold", "SIZE", "64MiB",
            "Files of at least this size are sent as multipart uploads; smaller ones as one PUT."),
    PART_SIZE("part-size", "SIZE", "32MiB", "Size of each multipart part (OCI allows 10,000 parts)."),
    PARALLEL_PARTS("parallel-parts", "N", "4",
            "Parts of one file uploaded at once; memory per task is at most this times --part-size."),
    PARALLEL_FILES("parallel-files", "N", "8", "Files below --multipart-threshold copied at once by each task (their"
            + " round trips, not their bytes, set the pace); together they hold at most --parallel-parts x"
            + " --part-size. 1 = one file at a time."),
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

    MASTER("master", "URL", null, "Spark master when not run by spark-submit (bin/lakeshift uses local[*])."),
    // Sources (docs/sources.md). A SECRET is a literal value, env:VARIABLE, or oci-vault:<secret OCID>.
    SOURCE_API("source-api", "API", "auto", "Which reader serves --source: auto | hadoop | adls. auto: abfss://"
            + "<container>@<account>.dfs.core.windows.net/... -> adls (Azure SDK), everything else -> hadoop."),
    S3_AUTH("s3-auth", "MODE", "auto", "How to sign in to S3 (s3a://): auto | keys | env | profile | default."
            + " auto: keys if --s3-access-key is set, else S3A's own chain."),
    S3_ACCESS_KEY("s3-access-key", "KEY", null, "AWS access key id (for --s3-auth keys)."),
    S3_SECRET_KEY("s3-secret-key", "SECRET", null, "AWS secret access key (for --s3-auth keys)."),
    S3_SESSION_TOKEN("s3-session-token", "SECRET", null, "AWS session token, with temporary keys."),
    S3_PROFILE("s3-profile", "NAME", null, "Profile in ~/.aws/credentials (for --s3-auth profile)."),
    S3_ENDPOINT("s3-endpoint", "URL", null, "S3 endpoint, for S3-compatible stores; default: AWS."),
    S3_REGION("s3-region", "REGION", null, "S3 region of the bucket; default: S3A's (us-east-1 or the endpoint's)."),
    S3_PATH_STYLE("s3-path-style", "BOOLEAN", "false", "Path-style requests (endpoint/bucket/key), as most"
            + " S3-compatible stores need."),
    AZURE_AUTH("azure-auth", "MODE", "auto", "How to sign in to ADLS (--source-api adls): auto | key |"
            + " service_principal | sas | managed_identity | default. auto: the first of key, client secret, SAS"
            + " that is set, else the default Azure credential chain."),
    AZURE_ACCOUNT_KEY("azure-account-key", "SECRET", null, "Storage account key (for --azure-auth key)."),
    AZURE_TENANT_ID("azure-tenant-id", "ID", null, "Entra ID tenant (for --azure-auth service_principal)."),
    AZURE_CLIENT_ID("azure-client-id", "ID", null, "Application (client) id of the service principal, or of a"
            + " user-assigned managed identity."),
    AZURE_CLIENT_SECRET("azure-client-secret", "SECRET", null, "Client secret (for --azure-auth service_principal)."),
    AZURE_SAS_TOKEN("azure-sas-token", "SECRET", null, "SAS token with read and list permission (for --azure-auth"
            + " sas)."),
    AZURE_ENDPOINT("azure-endpoint", "URL", null, "Blob endpoint of the account, e.g. a local emulator's"
            + " http://127.0.0.1:10000/devstoreaccount1; default: https://<account>.blob.core.windows.net."),
    AZURE_READ_THREADS("azure-read-threads", "N", "4", "Ranged reads in flight for one large ADLS file (files"
            + " above 16MiB are read in 8MiB ranges); 1 = one plain stream.");

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
