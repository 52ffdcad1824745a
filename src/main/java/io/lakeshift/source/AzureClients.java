package io.lakeshift.source;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;

/**
 * Blob container clients for the native ADLS source, built where they run from {@link AzureCredentials}. One JDK
 * HTTP client per JVM (not a second Netty next to Spark's).
 */
final class AzureClients {
    private static HttpClient http;

    private AzureClients() {}

    static BlobContainerClient container(String endpoint, String container, AzureCredentials c) {
        BlobContainerClientBuilder b = new BlobContainerClientBuilder()
                .endpoint(endpoint)
                .containerName(container)
                .httpClient(http());
        switch (c.auth()) {
            case KEY -> b.credential(new StorageSharedKeyCredential(accountOf(endpoint), c.accountKey().value()));
            case SAS -> b.sasToken(c.sasToken().value());
            default -> b.credential(token(c));
        }
        return b.buildClient();
    }

    private static TokenCredential token(AzureCredentials c) {
        return switch (c.auth()) {
            case SERVICE_PRINCIPAL -> new ClientSecretCredentialBuilder().tenantId(c.tenantId()).clientId(c.clientId())
                    .clientSecret(c.clientSecret().value()).httpClient(http()).build();
            case MANAGED_IDENTITY -> new ManagedIdentityCredentialBuilder().clientId(c.clientId()).httpClient(http())
                    .build();
            default -> {
                DefaultAzureCredentialBuilder d = new DefaultAzureCredentialBuilder().httpClient(http());
                if (c.clientId() != null) {
                    d.managedIdentityClientId(c.clientId());
                }
                if (c.tenantId() != null) {
                    d.tenantId(c.tenantId());
                }
                yield d.build();
            }
        };
    }

    /**
     * The account name of a Blob endpoint: the first label of {@code https://account.blob.core.windows.net}, or
     * the first path element of an emulator's {@code http://127.0.0.1:10000/account}.
     */
    static String accountOf(String endpoint) {
        java.net.URI u = java.net.URI.create(endpoint);
        String path = u.getPath() == null ? "" : u.getPath().replaceAll("^/+", "");
        if (!path.isEmpty()) {
            int slash = path.indexOf('/');
            return slash < 0 ? path : path.substring(0, slash);
        }
        String host = u.getHost();
        int dot = host.indexOf('.');
        return dot < 0 ? host : host.substring(0, dot);
    }

    private static synchronized HttpClient http() {
        if (http == null) {
            http = new JdkHttpClientBuilder().build();
        }
        return http;
    }
}
