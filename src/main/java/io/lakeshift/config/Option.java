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
