package io.lakeshift.config;

/** How the job signs in to OCI. */
public enum OciAuth {
    /** An OCI config file and profile (API key), as on a laptop. */
    CONFIG,
    /** The instance principal of the OCI compute instance the job runs on. */
    INSTANCE_PRINCIPAL,
    /** The resource principal of an OCI Data Flow run (or a Function). */
    RESOURCE_PRINCIPAL,
    /**
     * The delegation token OCI Data Flow gives a run that has no {@code dataflow.auth=resource_principal}: the run
     * acts for the user who started it. The token file is named by the Spark setting
     * {@value OciAuthDetector#DELEGATION_TOKEN_PATH} or the environment variable
     * {@value OciAuthDetector#DELEGATION_TOKEN_PATH_ENV} ({@link OciAuthDetector#delegationTokenFile}).
     */
    DELEGATION_TOKEN,
    /**
     * Where the run is decides ({@link OciAuthDetector}): {@link #RESOURCE_PRINCIPAL} where Data Flow says so
     * ({@code DATAFLOW_AUTH}) or the resource principal's environment is set, {@link #DELEGATION_TOKEN} where Data
     * Flow names a token file, {@link #CONFIG} elsewhere.
     * So the same arguments work on a laptop and in Data Flow.
     */
    AUTO
}
