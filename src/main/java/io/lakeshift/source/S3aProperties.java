package io.lakeshift.source;

import io.lakeshift.io.Errors;
import io.lakeshift.secrets.SecretResolver;

import com.amazonaws.auth.AWSCredentials;
import com.amazonaws.auth.AWSSessionCredentials;
import com.amazonaws.auth.profile.ProfileCredentialsProvider;
import io.lakeshift.config.ConfigException;
import io.lakeshift.config.S3Settings;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps lakeshift's --s3-* settings onto S3A's {@code fs.s3a.*} keys. Credentials found on the driver (keys, the
 * driver's environment, a profile) are resolved there and handed to every node as S3A's
 * {@code fs.s3a.access.key} / {@code fs.s3a.secret.key} (/ {@code fs.s3a.session.token}); --s3-auth default
 * names the AWS SDK's provider chain, which each node runs for itself. A setting not given leaves S3A's own,
 * or a raw {@code spark.hadoop.fs.s3a.*}, alone.
 */
final class S3aProperties {
    static final String SIMPLE = "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider";
    static final String TEMPORARY = "org.apache.hadoop.fs.s3a.TemporaryAWSCredentialsProvider";
    static final String DEFAULT_CHAIN = "com.amazonaws.auth.DefaultAWSCredentialsProviderChain";

    private S3aProperties() {}

    /**
     * @param profilesFile the AWS credentials file for --s3-auth profile, or null for the SDK's default
     *     (~/.aws/credentials, or AWS_SHARED_CREDENTIALS_FILE)
     */
    static Map<String, String> of(S3Settings s3, SecretResolver secrets, String profilesFile) throws IOException {
        Map<String, String> p = new LinkedHashMap<>();
        if (s3.endpoint() != null) {
            p.put("fs.s3a.endpoint", s3.endpoint());
            if (s3.endpoint().startsWith("http://")) {
                p.put("fs.s3a.connection.ssl.enabled", "false");
            }
        }
        if (s3.region() != null) {
            p.put("fs.s3a.endpoint.region", s3.region());
        }
        if (s3.pathStyle()) {
            p.put("fs.s3a.path.style.access", "true");
        }
        S3Settings.Auth auth = s3.auth() == S3Settings.Auth.AUTO && s3.accessKey() != null ? S3Settings.Auth.KEYS
                : s3.auth();
        switch (auth) {
            case KEYS -> keys(p, secrets.resolve(s3.accessKey()).value(), secrets.resolve(s3.secretKey()).value(),
                    s3.sessionToken() == null ? null : secrets.resolve(s3.sessionToken()).value());
            case ENV -> {
                String id = secrets.env("AWS_ACCESS_KEY_ID");
                String secret = secrets.env("AWS_SECRET_ACCESS_KEY");
                if (id == null || secret == null) {
                    throw new ConfigException("--s3-auth env: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be"
                            + " set in the driver's environment");
                }
                keys(p, id, secret, secrets.env("AWS_SESSION_TOKEN"));
            }
            case PROFILE -> {
                AWSCredentials c = profile(s3.profile(), profilesFile);
                keys(p, c.getAWSAccessKeyId(), c.getAWSSecretKey(),
                        c instanceof AWSSessionCredentials sc ? sc.getSessionToken() : null);
            }
            case DEFAULT -> p.put("fs.s3a.aws.credentials.provider", DEFAULT_CHAIN);
            case AUTO -> { }
        }
        return p;
    }

    private static void keys(Map<String, String> p, String id, String secret, String token) {
        p.put("fs.s3a.access.key", id);
        p.put("fs.s3a.secret.key", secret);
        if (token != null) {
            p.put("fs.s3a.session.token", token);
            p.put("fs.s3a.aws.credentials.provider", TEMPORARY);
        } else {
            p.put("fs.s3a.aws.credentials.provider", SIMPLE);
        }
    }

    private static AWSCredentials profile(String name, String file) {
        try {
            ProfileCredentialsProvider provider = file == null ? new ProfileCredentialsProvider(name)
                    : new ProfileCredentialsProvider(file, name);
            return provider.getCredentials();
        } catch (RuntimeException e) {
            // The SDK's messages name the file and profile, never a key.
            throw new ConfigException("--s3-profile " + name + ": " + Errors.oneLine(e), e);
        }
    }
}
