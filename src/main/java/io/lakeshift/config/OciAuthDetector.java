package io.lakeshift.config;

import java.util.Map;
import java.util.Properties;

/**
 * Resolves {@link OciAuth#AUTO} from where the driver runs, before any client is built; executors get the result
 * in {@link OciSettings}, never guess themselves.
 *
 * <ol>
 *   <li>{@value #RESOURCE_PRINCIPAL_VERSION} in the environment: the resource principal (a Data Flow run with
 *       {@code dataflow.auth=resource_principal}, a Function, a Data Science job);</li>
 *   <li>else the Spark setting {@value #DELEGATION_TOKEN_PATH} (Data Flow sets it for every run; spark-submit
 *       passes Spark settings to the driver as system properties): the run's delegation token;</li>
 *   <li>else an OCI config file profile, as on a laptop.</li>
 * </ol>
 */
public final class OciAuthDetector {
    /** Set, with the session token and key, wherever a resource principal is available. */
    public static final String RESOURCE_PRINCIPAL_VERSION = "OCI_RESOURCE_PRINCIPAL_VERSION";
    /** The Spark setting through which Data Flow names the run's delegation token file. */
    public static final String DELEGATION_TOKEN_PATH = "spark.hadoop.fs.oci.client.auth.delegationTokenPath";

    private OciAuthDetector() {}

    /** How a run given {@code requested} signs in here, and the token file when that is a delegation token. */
    public record Detected(OciAuth auth, String delegationTokenFile) {}

    public static Detected resolve(OciAuth requested, Map<String, String> env, Properties systemProperties) {
        String tokenFile = blankToNull(systemProperties.getProperty(DELEGATION_TOKEN_PATH));
        return switch (requested) {
            case AUTO -> {
                if (blankToNull(env.get(RESOURCE_PRINCIPAL_VERSION)) != null) {
                    yield new Detected(OciAuth.RESOURCE_PRINCIPAL, null);
                }
                yield tokenFile != null ? new Detected(OciAuth.DELEGATION_TOKEN, tokenFile)
                        : new Detected(OciAuth.CONFIG, null);
            }
            case DELEGATION_TOKEN -> {
                if (tokenFile == null) {
                    throw new ConfigException("--oci-auth delegation_token needs the Spark setting "
                            + DELEGATION_TOKEN_PATH + " (OCI Data Flow sets it for each run); elsewhere use"
                            + " --oci-auth config, instance_principal or resource_principal");
                }
                yield new Detected(OciAuth.DELEGATION_TOKEN, tokenFile);
            }
            default -> new Detected(requested, null);
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
