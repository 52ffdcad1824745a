package io.lakeshift.config;

import java.io.Serializable;

/**
 * What an executor needs to build its own OCI client: no client, no key material, only where to find them.
 *
 * @param auth how to sign in
 * @param configFile OCI config file (for {@link OciAuth#CONFIG})
 * @param profile profile in that file
 * @param endpoint Object Storage endpoint, or null for the region's
 * @param region region id, or null for the profile's or principal's
 */
public record OciSettings(OciAuth auth, String configFile, String profile, String endpoint, String region)
        implements Serializable {}
