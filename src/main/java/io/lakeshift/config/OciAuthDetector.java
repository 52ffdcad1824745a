package io.lakeshift.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Resolves {@link OciAuth#AUTO} from where the driver runs, before any client is built; executors get the result
 * in {@link OciSettings}, never guess themselves. What it looks at is passed in ({@link Where}), never read deep
 * inside, so a test decides the environment and the machine's own does not leak in.
 *
 * <p>{@code auto}, first match wins:
 * <ol>
 *   <li>{@value #DATAFLOW_AUTH} = {@code resource_principal} (a Data Flow run with
 *       {@code dataflow.auth=resource_principal}): the resource principal, even where a delegation token is named
 *       too; {@code instance_delegation}: the run's delegation token, which must then be named;</li>
 *   <li>{@value #RESOURCE_PRINCIPAL_VERSION} in the environment: the resource principal (Data Flow, a Function,
 *       a Data Science job);</li>
 *   <li>a delegation token file named (see below): the run's delegation token;</li>
 *   <li>else an OCI config file profile, as on a laptop.</li>
 * </ol>
 *
 * <p>The delegation token file, first match wins: the running Spark session's setting
 * {@value #DELEGATION_TOKEN_PATH} (where Oracle's Data Flow samples read it, {@code
 * spark.sparkContext.getConf.get(...)}); the system property of that name (spark-submit hands a driver its Spark
 * settings as system properties before any session exists); the environment variable
 * {@value #DELEGATION_TOKEN_PATH_ENV}.
 *
 * <p>Sources: oracle/oracle-dataflow-samples (commit dc438cf), {@code
 * scala/manufacturing/src/main/scala/com/oracle/dataflow/utils/Constants.scala} and {@code CommonUtils.scala}
 * ({@code DATAFLOW_AUTH} = {@code resource_principal} | {@code instance_delegation},
 * {@code SPARK_HADOOP_FS_DELEGATION_TOKEN_PATH}, {@code HOME=/home/dataflow}); {@code
 * java/loadadw/src/main/java/example/DataFlowUtilities.java} and {@code python/loadadw/loadadw.py} (the Spark
 * setting); Oracle's "Supported Spark Properties in Data Flow" ({@code dataflow.auth}).
 */
public final class OciAuthDetector {
    /** Set, with the session token and key, wherever a resource principal is available. */
    public static final String RESOURCE_PRINCIPAL_VERSION = "OCI_RESOURCE_PRINCIPAL_VERSION";
    /** The Spark setting through which Data Flow names the run's delegation token file. */
    public static final String DELEGATION_TOKEN_PATH = "spark.hadoop.fs.oci.client.auth.delegationTokenPath";
    /** The environment variable through which Data Flow names the run's delegation token file. */
    public static final String DELEGATION_TOKEN_PATH_ENV = "SPARK_HADOOP_FS_DELEGATION_TOKEN_PATH";
    /** How a Data Flow run signs in: {@code resource_principal} or {@code instance_delegation}. */
    public static final String DATAFLOW_AUTH = "DATAFLOW_AUTH";

    private OciAuthDetector() {}

    /** How a run given {@code requested} signs in here, and the token file when that is a delegation token. */
    public record Detected(OciAuth auth, String delegationTokenFile) {}

    /**
     * What the detector may look at.
     *
     * @param env the process environment
     * @param sparkConf the running Spark session's settings (empty when none runs yet)
     * @param systemProperties the JVM's system properties
     */
    public record Where(Map<String, String> env, Map<String, String> sparkConf, Properties systemProperties) {
        public Where {
            env = Map.copyOf(env);
            sparkConf = Map.copyOf(sparkConf);
            Properties copy = new Properties();
            copy.putAll(systemProperties);
            systemProperties = copy;
        }

        /** An environment alone, no Spark session, no system properties. */
        public static Where env(Map<String, String> env) {
            return new Where(env, Map.of(), new Properties());
        }

        /**
         * This process's environment, and its system properties, which also hold the driver's Spark settings:
         * spark-submit passes them as {@code spark.*} system properties, where {@code new SparkConf()} reads them
         * (Spark 3.5 {@code SparkConf(loadDefaults = true)}); so no Spark class is needed here.
         */
        public static Where of(Map<String, String> env) {
            Map<String, String> spark = new LinkedHashMap<>();
            Properties system = System.getProperties();
            for (String name : system.stringPropertyNames()) {
                if (name.startsWith("spark.")) {
                    spark.put(name, system.getProperty(name));
                }
            }
            return new Where(env, spark, system);
        }
    }

    /** The delegation token file Data Flow names, or null; the order is in the class comment. */
    public static String delegationTokenFile(Where where) {
        String fromConf = blankToNull(where.sparkConf().get(DELEGATION_TOKEN_PATH));
        if (fromConf != null) {
            return fromConf;
        }
        String fromProperty = blankToNull(where.systemProperties().getProperty(DELEGATION_TOKEN_PATH));
        return fromProperty != null ? fromProperty : blankToNull(where.env().get(DELEGATION_TOKEN_PATH_ENV));
    }

    /** Kept for callers that hold an environment and system properties. */
    public static Detected resolve(OciAuth requested, Map<String, String> env, Properties systemProperties) {
        return resolve(requested, new Where(env, Map.of(), systemProperties));
    }

    public static Detected resolve(OciAuth requested, Where where) {
        String tokenFile = delegationTokenFile(where);
        String dataflowAuth = blankToNull(where.env().get(DATAFLOW_AUTH));
        return switch (requested) {
            case AUTO -> {
                if (dataflowAuth != null && dataflowAuth.toLowerCase(Locale.ROOT).equals("resource_principal")) {
                    yield new Detected(OciAuth.RESOURCE_PRINCIPAL, null);
                }
                if (dataflowAuth != null && dataflowAuth.toLowerCase(Locale.ROOT).equals("instance_delegation")) {
                    yield new Detected(OciAuth.DELEGATION_TOKEN, requireToken(tokenFile,
                            DATAFLOW_AUTH + "=instance_delegation"));
                }
                if (blankToNull(where.env().get(RESOURCE_PRINCIPAL_VERSION)) != null) {
                    yield new Detected(OciAuth.RESOURCE_PRINCIPAL, null);
                }
                yield tokenFile != null ? new Detected(OciAuth.DELEGATION_TOKEN, tokenFile)
                        : new Detected(OciAuth.CONFIG, null);
            }
            case DELEGATION_TOKEN -> new Detected(OciAuth.DELEGATION_TOKEN,
                    requireToken(tokenFile, "--oci-auth delegation_token"));
            default -> new Detected(requested, null);
        };
    }

    private static String requireToken(String tokenFile, String why) {
        if (tokenFile == null) {
            throw new ConfigException(why + " needs the delegation token file, named by the Spark setting "
                    + DELEGATION_TOKEN_PATH + " or the environment variable " + DELEGATION_TOKEN_PATH_ENV
                    + " (OCI Data Flow sets them for each run); elsewhere use --oci-auth config,"
                    + " instance_principal or resource_principal");
        }
        return tokenFile;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
