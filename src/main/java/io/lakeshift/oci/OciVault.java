package io.lakeshift.oci;

import io.lakeshift.secrets.SecretResolver;
import io.lakeshift.source.SourceException;

import com.oracle.bmc.Region;
import com.oracle.bmc.auth.AbstractAuthenticationDetailsProvider;
import com.oracle.bmc.model.BmcException;
import com.oracle.bmc.secrets.SecretsClient;
import com.oracle.bmc.secrets.model.Base64SecretBundleContentDetails;
import com.oracle.bmc.secrets.model.SecretBundleContentDetails;
import com.oracle.bmc.secrets.requests.GetSecretBundleRequest;
import io.lakeshift.config.OciSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Reads secrets from OCI Vault ({@code GetSecretBundle}, current version) with the run's OCI sign-in: an API key
 * profile, the instance principal, or the resource principal of a Data Flow run. The region is --oci-region, else
 * the profile's or the principal's.
 */
public final class OciVault implements SecretResolver.VaultReader {
    private final OciSettings oci;
    private SecretsClient client;

    public OciVault(OciSettings oci) {
        this.oci = oci;
    }

    @Override
    public synchronized String read(String secretOcid) throws SourceException {
        try {
            if (client == null) {
                client = client();
            }
            SecretBundleContentDetails content = client.getSecretBundle(GetSecretBundleRequest.builder()
                    .secretId(secretOcid).stage(GetSecretBundleRequest.Stage.Current).build())
                    .getSecretBundle().getSecretBundleContent();
            if (!(content instanceof Base64SecretBundleContentDetails b64)) {
                throw new SourceException("OCI Vault secret " + secretOcid + " has no base64 content");
            }
            return new String(Base64.getDecoder().decode(b64.getContent()), StandardCharsets.UTF_8);
        } catch (BmcException e) {
            throw new SourceException("cannot read OCI Vault secret " + secretOcid + ": OCI answered "
                    + e.getStatusCode() + " " + e.getServiceCode() + "; check that the run's OCI sign-in (--oci-auth)"
                    + " may read it (policy: allow ... to read secret-bundles)", e);
        } catch (IOException | RuntimeException e) {
            throw new SourceException("cannot read OCI Vault secret " + secretOcid + ": " + e.getMessage(), e);
        }
    }

    private SecretsClient client() throws IOException {
        AbstractAuthenticationDetailsProvider provider = OciClients.provider(oci);
        SecretsClient.Builder builder = SecretsClient.builder();
        if (oci.region() != null) {
            builder.region(Region.fromRegionId(oci.region()));
        }
        return builder.build(provider);
    }
}
