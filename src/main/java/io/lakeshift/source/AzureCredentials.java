package io.lakeshift.source;

import io.lakeshift.secrets.Secrets;

import io.lakeshift.secrets.Secret;

import io.lakeshift.config.AzureSettings;
import java.io.Serializable;

/**
 * Resolved Azure sign-in, shipped to the executors. Secrets print as {@code ****}.
 *
 * @param auth the way to sign in (never AUTO)
 */
record AzureCredentials(AzureSettings.Auth auth, Secret accountKey, String tenantId, String clientId,
        Secret clientSecret, Secret sasToken) implements Serializable {

    /** The settings to name when the account refuses this sign-in. */
    String settingsToFix() {
        return switch (auth) {
            case KEY -> "--azure-account-key";
            case SAS -> "--azure-sas-token (it must be valid now and allow read and list)";
            case SERVICE_PRINCIPAL -> "--azure-tenant-id, --azure-client-id and --azure-client-secret, and the"
                    + " principal's role on the account (Storage Blob Data Reader)";
            case MANAGED_IDENTITY -> "the managed identity's role on the account (Storage Blob Data Reader), or"
                    + " --azure-client-id";
            default -> "--azure-auth: no key, client secret or SAS token was set, so the default Azure credential"
                    + " chain was used";
        };
    }
}
