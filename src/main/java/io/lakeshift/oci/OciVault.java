package io.lakeshift.oci;

import io.lakeshift.secrets.SecretException;
import io.lakeshift.secrets.SecretResolver;

import com.oracle.bmc.ClientConfiguration;
import com.oracle.bmc.model.BmcException;
import com.oracle.bmc.secrets.SecretsClient;
import com.oracle.bmc.secrets.model.Base64SecretBundleContentDetails;
import com.oracle.bmc.secrets.model.SecretBundleContentDetails;
import com.oracle.bmc.secrets.requests.GetSecretBundleRequest;
import io.lakeshift.config.OciSettings;
import java.util.function.Supplier;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Reads secrets from OCI Vault ({@code GetSecretBundle}, current version) with the run's OCI sign-in: an API key
 * profile, the instance principal, the resource principal of a Data Flow run, or its delegation token. The region is
 * --oci-region, else the profile's or the principal's.
 */
public final class OciVault implements SecretResolver.VaultReader {
    private final Supplier<OciClients.SignIn> signIn;
    private final String region;
    private final String endpoint;
    private SecretsClient client;

    public OciVault(OciSettings oci) {
        this(() -> OciClients.signIn(oci), oci.region(), null);
    }

    /**
     * @param endpoint the Vault secrets endpoint, or null for the region's (tests point it at a local server)
     */
    public OciVault(Supplier<OciClients.SignIn> signIn, String region, String endpoint) {
        this.signIn = signIn;
        this.region = region;
        this.endpoint = endpoint;
    }

    @Override
    public synchronized String read(String secretOcid) throws SecretException {
        try {
            if (client == null) {
                client = client();
            }
            SecretBundleContentDetails content = client.getSecretBundle(GetSecretBundleRequest.builder()
                    .secretId(secretOcid).stage(GetSecretBundleRequest.Stage.Current).build())
                    .getSecretBundle().getSecretBundleContent();
            if (!(content instanceof Base64SecretBundleContentDetails b64)) {
                throw new SecretException("OCI Vault secret " + secretOcid + " has no base64 content");
            }
            return new String(Base64.getDecoder().decode(b64.getContent()), StandardCharsets.UTF_8);
        } catch (BmcException e) {
            throw new SecretException("cannot read OCI Vault secret " + secretOcid + ": OCI answered "
                    + e.getStatusCode() + " " + e.getServiceCode() + "; check that the run's OCI sign-in (--oci-auth)"
                    + " may read it (policy: allow ... to read secret-bundles)", e);
        } catch (RuntimeException e) {
            throw new SecretException("cannot read OCI Vault secret " + secretOcid + ": " + e.getMessage(), e);
        }
    }

    /** The same sign-in as every other OCI client (the delegation token included), built in one place. */
    private SecretsClient client() {
        SecretsClient.Builder builder = SecretsClient.builder().configuration(ClientConfiguration.builder()
                .connectionTimeoutMillis(10_000).readTimeoutMillis(60_000).build());
        return OciClients.build(builder, signIn.get(), endpoint, region);
    }
}
