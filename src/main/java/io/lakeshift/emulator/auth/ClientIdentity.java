package io.lakeshift.emulator.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.Locale;

/**
 * The user the emulator makes for its clients: an RSA key pair kept in a config directory, with an OCI config
 * file whose [DEFAULT] profile points at it. An existing key in the directory is reused, so a restarted emulator
 * with the same config directory keeps working with already-configured clients.
 */
public final class ClientIdentity {
    public static final String PROFILE = "DEFAULT";
    public static final String REGION = "us-ashburn-1";
    static final String KEY_FILE = "oci_api_key.pem";
    static final String PUBLIC_KEY_FILE = "oci_api_key_public.pem";
    static final String CONFIG_FILE = "config";

    private final PublicKey publicKey;
    private final String fingerprint;
    private final String tenancy;
    private final String user;
    private final Path configFile;
    private final Path keyFile;

    private ClientIdentity(PublicKey publicKey, Path configDir) {
        this.publicKey = publicKey;
        this.fingerprint = Fingerprint.of(publicKey);
        this.tenancy = ocid("tenancy", fingerprint);
        this.user = ocid("user", fingerprint);
        this.configFile = configDir.resolve(CONFIG_FILE);
        this.keyFile = configDir.resolve(KEY_FILE);
    }

    /** Reuses the key in {@code configDir} or makes one, then (re)writes the config file. */
    public static ClientIdentity createIn(Path configDir) throws IOException {
        Files.createDirectories(configDir);
        Path keyFile = configDir.resolve(KEY_FILE);
        PublicKey publicKey;
        if (Files.exists(keyFile)) {
            publicKey = Pem.readPublicKey(keyFile);
        } else {
            publicKey = Rsa.newKeyPairIn(keyFile).getPublic();
        }
        Files.writeString(configDir.resolve(PUBLIC_KEY_FILE), Pem.publicKey(publicKey), StandardCharsets.US_ASCII);
        ClientIdentity identity = new ClientIdentity(publicKey, configDir);
        Files.writeString(identity.configFile, identity.configText(), StandardCharsets.UTF_8);
        return identity;
    }

    String configText() {
        return "[" + PROFILE + "]\n"
                + "user=" + user + "\n"
                + "fingerprint=" + fingerprint + "\n"
                + "tenancy=" + tenancy + "\n"
                + "region=" + REGION + "\n"
                + "key_file=" + keyFile.toAbsolutePath() + "\n";
    }

    /** A well-formed fake OCID, stable for a given key: "ocid1.KIND.oc1..aaaaaaaa" + 52 base32 characters. */
    static String ocid(String kind, String fingerprint) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((kind + "/" + fingerprint).getBytes(StandardCharsets.UTF_8));
            String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
            StringBuilder sb = new StringBuilder("ocid1." + kind + ".oc1..aaaaaaaa");
            for (int i = 0; i < 52; i++) {
                sb.append(alphabet.charAt((hash[i % hash.length] & 0xff) >>> 3 ^ (i / hash.length)));
            }
            return sb.toString().toLowerCase(Locale.ROOT);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public String fingerprint() {
        return fingerprint;
    }

    public String tenancy() {
        return tenancy;
    }

    public String user() {
        return user;
    }

    public Path configFile() {
        return configFile;
    }

    public Path keyFile() {
        return keyFile;
    }
}
