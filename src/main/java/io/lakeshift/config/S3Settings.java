package io.lakeshift.config;


import java.io.Serializable;

/**
 * How to reach and sign in to S3 for s3a:// sources; mapped onto S3A's {@code fs.s3a.*} settings. Null fields
 * leave S3A's own (or the raw {@code spark.hadoop.fs.s3a.*}) settings alone.
 *
 * @param auth how to sign in
 * @param accessKey access key id (for {@link Auth#KEYS})
 * @param secretKey secret access key (for {@link Auth#KEYS})
 * @param sessionToken session token of temporary keys, or null
 * @param profile profile of the AWS credentials file (for {@link Auth#PROFILE})
 * @param endpoint endpoint URL, or null for AWS
 * @param region signing region, or null
 * @param pathStyle path-style requests
 * @param listSplit the entries of a folder or key range past which the cluster's listing splits it (--s3-list-split)
 * @param readThreads ranged GETs in flight for one large file (--s3-read-threads); 1 (the default) = one GET per file
 */
public record S3Settings(Auth auth, SecretRef accessKey, SecretRef secretKey, SecretRef sessionToken, String profile,
        String endpoint, String region, boolean pathStyle, int listSplit, int readThreads) implements Serializable {

    /** How the job signs in to S3 (--s3-auth). */
    public enum Auth {
        /** {@link #KEYS} when an access key is given, else S3A's own provider chain. */
        AUTO,
        /** --s3-access-key and --s3-secret-key (and --s3-session-token). */
        KEYS,
        /** AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN) of the driver. */
        ENV,
        /** A named profile of the AWS credentials file (--s3-profile), read on the driver. */
        PROFILE,
        /** The AWS SDK's default provider chain, on every node (instance roles, web identity, ...). */
        DEFAULT
    }
}
