package io.lakeshift.config;

import java.io.Serializable;

/**
 * What an executor needs to build its own OCI client: no client, no key material, only where to find them.
 *
 * @param auth how to sign in (never {@link OciAuth#AUTO}: the loader resolves it)
 * @param configFile OCI config file (for {@link OciAuth#CONFIG})
 * @param profile profile in that file
 * @param endpoint Object Storage endpoint, or null for the region's
 * @param region region id, or null for the profile's or principal's
 * @param delegationTokenFile the run's delegation token file (for {@link OciAuth#DELEGATION_TOKEN}), else null
 */
public record OciSettings(OciAuth auth, String configFile, String profile, String endpoint, String region,
        String delegationTokenFile) implements Serializable {
    /** Settings without a delegation token. */
    public OciSettings(OciAuth auth, String configFile, String profile, String endpoint, String region) {
        this(auth, configFile, profile, endpoint, region, null);
    }
}
