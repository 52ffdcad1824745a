package io.lakeshift.oci;

import com.oracle.bmc.ClientConfiguration;
import com.oracle.bmc.ConfigFileReader;
import com.oracle.bmc.Region;
import com.oracle.bmc.auth.AbstractAuthenticationDetailsProvider;
import com.oracle.bmc.auth.ConfigFileAuthenticationDetailsProvider;
import com.oracle.bmc.auth.InstancePrincipalsAuthenticationDetailsProvider;
import com.oracle.bmc.auth.ResourcePrincipalAuthenticationDetailsProvider;
import com.oracle.bmc.common.RegionalClientBuilder;
import com.oracle.bmc.http.ClientConfigurator;
import com.oracle.bmc.http.client.StandardClientProperties;
import com.oracle.bmc.http.client.jersey.ApacheClientProperties;
import com.oracle.bmc.http.client.jersey.JerseyClientProperties;
import com.oracle.bmc.objectstorage.ObjectStorage;
import com.oracle.bmc.objectstorage.ObjectStorageClient;
import com.oracle.bmc.retrier.RetryConfiguration;
import com.oracle.bmc.util.CircuitBreakerUtils;
import io.lakeshift.config.ConfigException;
import io.lakeshift.config.ConfigLoader;
import io.lakeshift.config.OciAuth;
import io.lakeshift.config.OciSettings;
import io.lakeshift.secrets.Secrets;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;

/**
 * OCI Object Storage clients, one per JVM and settings: built on first use on each executor from serializable
 * {@link OciSettings}, never shipped. lakeshift retries by itself (it holds the bytes), so the SDK's retries and
 * circuit breaker are off, and request bodies are streamed rather than buffered a second time.
 */
public final class OciClients {
    private static final int MAX_CONNECTIONS = 256;
    private static final ConcurrentHashMap<OciSettings, ObjectStorage> CLIENTS = new ConcurrentHashMap<>();

    private OciClients() {}

    /** The shared client for these settings. */
    public static ObjectStorage get(OciSettings settings) {
        return CLIENTS.computeIfAbsent(settings, OciClients::create);
    }

    /** A new client; the caller closes it. */
    public static ObjectStorage create(OciSettings settings) {
        return create(settings, signIn(settings));
    }

    static ObjectStorage create(OciSettings settings, SignIn signIn) {
        ClientConfiguration configuration = ClientConfiguration.builder()
                .connectionTimeoutMillis(10_000)
                .readTimeoutMillis(300_000)
                .disableDataBufferingOnUpload(true)
                .retryConfiguration(RetryConfiguration.NO_RETRY_CONFIGURATION)
                .circuitBreakerConfiguration(CircuitBreakerUtils.getNoCircuitBreakerConfiguration())
                .build();
        PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager();
        pool.setMaxTotal(MAX_CONNECTIONS);
        pool.setDefaultMaxPerRoute(MAX_CONNECTIONS);
        ObjectStorageClient.Builder builder = ObjectStorageClient.builder()
                .configuration(configuration)
                .isStreamWarningEnabled(false)
                .clientConfigurator(b -> b
                        .property(StandardClientProperties.BUFFER_REQUEST, false)
                        .property(JerseyClientProperties.USE_APACHE_CONNECTOR, true)
                        .property(ApacheClientProperties.CONNECTION_MANAGER, pool));
        return build(builder, signIn, settings.endpoint(), settings.region());
    }

    /**
     * How every OCI client lakeshift builds (Object Storage, and through it the log store; Vault secrets) signs
     * in: one provider, and the configurator every request needs besides its signature (the delegation token of
     * a Data Flow run), so that no client can be built with the one but not the other.
     *
     * @param configurator null when requests need nothing but the signature
     */
    public record SignIn(AbstractAuthenticationDetailsProvider provider, ClientConfigurator configurator) {}

    private static final ConcurrentHashMap<OciSettings, SignIn> SIGN_INS = new ConcurrentHashMap<>();

    /** The sign-in for these settings, made once per JVM (a principal's provider fetches its certificates once). */
    public static SignIn signIn(OciSettings settings) {
        return SIGN_INS.computeIfAbsent(settings, s -> signIn(s, provider(s)));
    }

    /** The sign-in with this provider and the configurator these settings need. */
    public static SignIn signIn(OciSettings settings, AbstractAuthenticationDetailsProvider provider) {
        ClientConfigurator configurator = settings.auth() == OciAuth.DELEGATION_TOKEN
                ? new DelegationToken(Path.of(settings.delegationTokenFile())) : null;
        return new SignIn(provider, configurator);
    }

    /**
     * Builds any OCI client with a sign-in: its configurator added, then the endpoint if one is given, else the
     * region if one is given, else the provider's own region (the profile's, or the principal's:
     * {@code OCI_RESOURCE_PRINCIPAL_REGION}, the instance's).
     */
    public static <B extends RegionalClientBuilder<B, C>, C> C build(B builder, SignIn signIn, String endpoint,
                                                                    String region) {
        if (signIn.configurator() != null) {
            builder.additionalClientConfigurator(signIn.configurator());
        }
        if (endpoint != null) {
            builder.endpoint(endpoint);
        } else if (region != null) {
            builder.region(regionOf(region));
        }
        return builder.build(signIn.provider());
    }

    /** How requests are signed for these settings; every client gets it through {@link #signIn(OciSettings)}. */
    public static AbstractAuthenticationDetailsProvider provider(OciSettings s) {
        return switch (s.auth()) {
            case CONFIG -> configFileProvider(s);
            case INSTANCE_PRINCIPAL -> InstancePrincipalsAuthenticationDetailsProvider.builder().build();
            case RESOURCE_PRINCIPAL -> ResourcePrincipalAuthenticationDetailsProvider.builder().build();
            // Data Flow's delegation token: requests signed by the run's instance principal, carrying the token of
            // the user who started the run (DelegationToken adds it).
            case DELEGATION_TOKEN -> InstancePrincipalsAuthenticationDetailsProvider.builder().build();
            case AUTO -> throw new IllegalStateException("oci-auth auto must be resolved by ConfigLoader");
        };
    }

    private static ConfigFileAuthenticationDetailsProvider configFileProvider(OciSettings s) {
        Path file = Path.of(s.configFile());
        if (!Files.isReadable(file)) {
            throw new ConfigException("OCI config file " + file + " does not exist or cannot be read (--oci-config);"
                    + " create one from oci-config-template/config, or use --oci-auth instance_principal"
                    + " or resource_principal");
        }
        ConfigFileReader.ConfigFile config;
        try {
            config = ConfigFileReader.parse(file.toString(), s.profile());
        } catch (FileNotFoundException e) {
            throw new ConfigException("OCI config file " + file + " not found (--oci-config)", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("OCI config file " + file + ", profile [" + s.profile() + "] (--oci-profile): "
                    + e.getMessage(), e);
        }
        Secrets.register(config.get("pass_phrase"));
        for (String key : new String[] {"user", "fingerprint", "tenancy", "key_file"}) {
            if (config.get(key) == null) {
                throw new ConfigException("OCI config file " + file + ", profile [" + s.profile() + "] has no '" + key
                        + "'; see oci-config-template/config");
            }
        }
        Path keyFile = Path.of(ConfigLoader.expandHome(config.get("key_file")));
        if (!Files.isReadable(keyFile)) {
            throw new ConfigException("the key_file " + keyFile + " named in " + file + ", profile [" + s.profile()
                    + "] does not exist or cannot be read");
        }
        checkPrivateKey(keyFile, file, s.profile());
        try {
            return new ConfigFileAuthenticationDetailsProvider(config);
        } catch (RuntimeException e) {
            throw new ConfigException("cannot use profile [" + s.profile() + "] of " + file + ": " + e.getMessage(), e);
        }
    }

    /** A key file that is not a PEM private key is named now, not as a failed signature later. */
    private static void checkPrivateKey(Path keyFile, Path config, String profile) {
        String pem;
        try {
            pem = Files.readString(keyFile, java.nio.charset.StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            throw new ConfigException("cannot read the key_file " + keyFile + " named in " + config + ", profile ["
                    + profile + "]: " + e.getMessage(), e);
        }
        String why = null;
        if (!pem.contains("-----BEGIN") || !pem.contains("PRIVATE KEY-----")) {
            why = "it holds no PEM private key";
        } else if (pem.contains("-----BEGIN " + "PRIVATE KEY-----") /* PKCS#8 */ && !pem.contains("ENCRYPTED")) {
            String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            try {
                java.security.KeyFactory.getInstance("RSA").generatePrivate(
                        new java.security.spec.PKCS8EncodedKeySpec(java.util.Base64.getDecoder().decode(body)));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                why = "it is not a valid RSA private key (" + e.getClass().getSimpleName() + ")";
            }
        }
        if (why != null) {
            throw new ConfigException("the key_file " + keyFile + " named in " + config + ", profile [" + profile
                    + "] cannot be used: " + why + "; point key_file at the API key's private key (PEM)");
        }
    }

    static Region regionOf(String id) {
        try {
            return Region.fromRegionId(id);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("unknown OCI region '" + id + "' (--oci-region); give --oci-endpoint instead", e);
        }
    }
}
