package io.lakeshift.emulator.s3;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The customer secret key pair S3 clients sign with, as OCI issues one per user: an access key (40 hex
 * characters) and a secret key (44 characters of base64). Kept in the config dir as an AWS shared credentials file
 * so that a restarted emulator keeps it and S3 tools can read it as it is ({@code AWS_SHARED_CREDENTIALS_FILE}).
 */
public record S3Credentials(String accessKey, String secretKey) {
    public static final String FILE = "s3-credentials";
    public static final String PROFILE = "default";

    public S3Credentials {
        if (accessKey == null || accessKey.isBlank() || secretKey == null || secretKey.isBlank()) {
            throw new IllegalArgumentException("an S3 credential needs an access key and a secret key");
        }
    }

    public static S3Credentials random() {
        SecureRandom random = new SecureRandom();
        byte[] access = new byte[20];
        byte[] secret = new byte[33];
        random.nextBytes(access);
        random.nextBytes(secret);
        return new S3Credentials(HexFormat.of().formatHex(access), Base64.getEncoder().encodeToString(secret));
    }

    /** Reads the pair from {@code dir}/{@value #FILE}, or makes one and writes it there (owner-only). */
    public static S3Credentials createIn(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (Files.exists(file)) {
            return read(file);
        }
        S3Credentials made = random();
        Files.createDirectories(dir);
        Files.writeString(file, "[" + PROFILE + "]\naws_access_key_id = " + made.accessKey
                + "\naws_secret_access_key = " + made.secretKey + "\n", StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: the file keeps its default permissions
        }
        return made;
    }

    static S3Credentials read(Path file) throws IOException {
        String access = null;
        String secret = null;
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines) {
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = line.substring(0, eq).trim();
            String value = line.substring(eq + 1).trim();
            if (key.equals("aws_access_key_id")) {
                access = value;
            } else if (key.equals("aws_secret_access_key")) {
                secret = value;
            }
        }
        if (access == null || secret == null) {
            throw new IOException(file + ": no aws_access_key_id and aws_secret_access_key");
        }
        return new S3Credentials(access, secret);
    }

    /** The secret never shows in logs. */
    @Override
    public String toString() {
        return "S3Credentials[accessKey=" + accessKey + ", secretKey=***]";
    }
}
