package io.lakeshift.source;

import io.lakeshift.secrets.Secrets;

import io.lakeshift.oci.OciVault;
import io.lakeshift.secrets.SecretResolver;

import io.lakeshift.config.AzureSettings;
import io.lakeshift.config.ConfigException;
import io.lakeshift.config.OciSettings;
import io.lakeshift.config.SourceApi;
import io.lakeshift.config.SourceSettings;
import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Chooses and builds the source for a root URI, on the driver: {@code --source-api auto} sends
 * {@code abfss://...dfs.core.windows.net} to {@link AdlsSource} and everything else to {@link HadoopSource};
 * s3a:// roots get the --s3-* settings as {@code fs.s3a.*}. Secrets are resolved here, once.
 */
public final class Sources {
    private Sources() {}

    /**
     * @param root the source URI (--source)
     * @param settings --source-api, --s3-*, --azure-*
     * @param oci the run's OCI sign-in, for secrets kept in OCI Vault
     * @param hadoopProperties Spark's {@code spark.hadoop.*} settings
     */
    public static Source open(String root, SourceSettings settings, OciSettings oci,
            Map<String, String> hadoopProperties) throws IOException {
        return open(root, settings, hadoopProperties, new SecretResolver(System.getenv(), new OciVault(oci)), null);
    }

    static Source open(String root, SourceSettings settings, Map<String, String> hadoopProperties,
            SecretResolver secrets, String awsProfilesFile) throws IOException {
        SourceApi api = settings.api() == SourceApi.AUTO
                ? (AdlsLocation.isAdls(root) ? SourceApi.ADLS : SourceApi.HADOOP) : settings.api();
        if (api == SourceApi.ADLS) {
            AzureSettings a = settings.azure();
            AzureCredentials credentials = new AzureCredentials(a.effectiveAuth(), secrets.resolve(a.accountKey()),
                    a.tenantId(), a.clientId(), secrets.resolve(a.clientSecret()), secrets.resolve(a.sasToken()));
            return new AdlsSource(root, a.endpoint(), credentials, a.readThreads());
        }
        if (!"s3a".equals(scheme(root))) {
            return new HadoopSource(root, hadoopProperties);
        }
        Map<String, String> props = new HashMap<>(hadoopProperties);
        props.putAll(S3aProperties.of(settings.s3(), secrets, awsProfilesFile));
        String hint = switch (settings.s3().auth()) {
            case ENV -> "AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (--s3-auth env)";
            case PROFILE -> "the keys of profile " + settings.s3().profile() + " (--s3-profile)";
            case DEFAULT -> "the AWS default credential chain (--s3-auth default)";
            default -> settings.s3().accessKey() != null ? "--s3-access-key and --s3-secret-key"
                    : "--s3-access-key and --s3-secret-key, or --s3-auth";
        };
        return new HadoopSource(root, props, hint, settings.s3().listSplit(), settings.s3().readThreads());
    }

    /**
     * The Hadoop settings for another location of the run (a target or log folder): Spark's, plus --s3-* as
     * {@code fs.s3a.*} for an s3a:// location, as the source gets them.
     */
    public static Map<String, String> hadoopProperties(String location, SourceSettings settings, OciSettings oci,
            Map<String, String> hadoopProperties) throws IOException {
        Map<String, String> props = new HashMap<>(hadoopProperties);
        if ("s3a".equals(scheme(location))) {
            props.putAll(S3aProperties.of(settings.s3(), new SecretResolver(System.getenv(), new OciVault(oci)), null));
        }
        return props;
    }

    private static String scheme(String root) {
        try {
            String s = new URI(root).getScheme();
            return s == null ? "" : s.toLowerCase(Locale.ROOT);
        } catch (java.net.URISyntaxException e) {
            throw new ConfigException("--source '" + root + "' is not a valid URI: " + e.getMessage());
        }
    }
}
