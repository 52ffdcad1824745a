package io.lakeshift.config;


import java.io.Serializable;

/**
 * How to reach and sign in to an ADLS Gen2 account with the native reader (--source-api adls).
 *
 * @param auth how to sign in
 * @param accountKey the storage account key (for {@link Auth#KEY})
 * @param tenantId Entra ID tenant (for {@link Auth#SERVICE_PRINCIPAL})
 * @param clientId application id of a service principal or of a user-assigned managed identity
 * @param clientSecret client secret (for {@link Auth#SERVICE_PRINCIPAL})
 * @param sasToken SAS token (for {@link Auth#SAS})
 * @param endpoint the account's Blob endpoint, or null for https://&lt;account&gt;.blob.core.windows.net
 * @param readThreads ranged reads in flight for one large file
 */
public record AzureSettings(Auth auth, SecretRef accountKey, String tenantId, String clientId, SecretRef clientSecret,
        SecretRef sasToken, String endpoint, int readThreads) implements Serializable {

    /** How the job signs in to Azure storage (--azure-auth). */
    public enum Auth {
        /** The first of key, client secret, SAS that is set; else {@link #DEFAULT}. */
        AUTO,
        /** Shared key: --azure-account-key. */
        KEY,
        /** OAuth client credentials: --azure-tenant-id, --azure-client-id, --azure-client-secret. */
        SERVICE_PRINCIPAL,
        /** --azure-sas-token. */
        SAS,
        /** The managed identity of the machine (user-assigned with --azure-client-id). */
        MANAGED_IDENTITY,
        /** The default Azure credential chain (environment, workload identity, managed identity, CLI, ...). */
        DEFAULT
    }

    /** {@link #auth()} with AUTO decided by what is set. */
    public Auth effectiveAuth() {
        if (auth != Auth.AUTO) {
            return auth;
        }
        if (accountKey != null) {
            return Auth.KEY;
        }
        if (clientSecret != null) {
            return Auth.SERVICE_PRINCIPAL;
        }
        return sasToken != null ? Auth.SAS : Auth.DEFAULT;
    }
}
