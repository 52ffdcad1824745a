package io.lakeshift.config;

/** How the job signs in to OCI. */
public enum OciAuth {
    /** An OCI config file and profile (API key), as on a laptop. */
    CONFIG,
    /** The instance principal of the OCI compute instance the job runs on. */
    INSTANCE_PRINCIPAL,
    /** The resource principal of an OCI Data Flow run (or a Function). */
    RESOURCE_PRINCIPAL
}
