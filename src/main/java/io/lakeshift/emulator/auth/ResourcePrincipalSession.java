package io.lakeshift.emulator.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The resource principal material a Data Flow run finds on its machine, made by the emulator: a session key pair,
 * an RPST naming the session's public key, both written to files, and the environment that points the OCI SDK's
 * {@code ResourcePrincipalAuthenticationDetailsProvider} at them (version 2.2: {@code OCI_RESOURCE_PRINCIPAL_RPST}
 * and {@code OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM} are file paths or contents, {@code OCI_RESOURCE_PRINCIPAL_REGION}
 * a region id; oci-java-sdk-common 3.77.2, {@code ResourcePrincipalAuthenticationDetailsProviderBuilder.build}).
 *
 * @param tokenFile the RPST, no trailing newline (the SDK reads the whole file as the token)
 * @param privateKeyFile the session private key, PKCS#8 PEM, not encrypted
 */
public record ResourcePrincipalSession(Path tokenFile, Path privateKeyFile, String resourceId, String compartment,
                                       String tenancy, String region) {
    public static final String RES_TYPE = "dataflowrun";
    public static final String TOKEN_FILE = "rpst.token";
    public static final String KEY_FILE = "rpst.pem";

    /**
     * Mints a session of a run in the tenancy's root compartment, valid for {@code validFor} (negative: expired),
     * and writes it to {@code dir}.
     */
    public static ResourcePrincipalSession mint(SessionTokens tokens, Path dir, String tenancy, String region,
                                                Duration validFor) throws IOException {
        return mint(tokens, dir, tenancy, tenancy, region, validFor);
    }

    /**
     * Mints a session of a run in {@code compartment} (its {@code res_compartment} claim, which a dynamic group's
     * {@code resource.compartment.id} matches), valid for {@code validFor} (negative: expired), and writes it to
     * {@code dir}.
     */
    public static ResourcePrincipalSession mint(SessionTokens tokens, Path dir, String tenancy, String compartment,
                                                String region, Duration validFor) throws IOException {
        Files.createDirectories(dir);
        KeyPair session = Rsa.newKeyPair();
        String runId = ClientIdentity.ocid("dataflowrun", dir.toAbsolutePath().toString() + System.nanoTime());
        String token = tokens.mint(RES_TYPE, runId, compartment, tenancy, session.getPublic(), validFor);
        Path tokenFile = dir.resolve(TOKEN_FILE);
        Path keyFile = dir.resolve(KEY_FILE);
        Files.deleteIfExists(keyFile);
        Rsa.writePrivate(keyFile, Pem.privateKey(session.getPrivate()));
        Path temp = dir.resolve(TOKEN_FILE + ".tmp");
        Files.deleteIfExists(temp);
        Rsa.writePrivate(temp, token);
        Files.move(temp, tokenFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return new ResourcePrincipalSession(tokenFile, keyFile, runId, compartment, tenancy, region);
    }

    /** The environment of a Data Flow run with {@code dataflow.auth=resource_principal}, pointing at these files. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("OCI_RESOURCE_PRINCIPAL_VERSION", "2.2");
        env.put("OCI_RESOURCE_PRINCIPAL_RPST", tokenFile.toAbsolutePath().toString());
        env.put("OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM", privateKeyFile.toAbsolutePath().toString());
        env.put("OCI_RESOURCE_PRINCIPAL_REGION", region);
        return env;
    }

    /** The token itself (a secret: never print it). */
    public String token() throws IOException {
        return Files.readString(tokenFile, StandardCharsets.US_ASCII);
    }

    /** {@code export NAME='value'} lines for a shell (paths only, no secret). */
    public String exports() {
        StringBuilder sb = new StringBuilder();
        environment().forEach((k, v) -> sb.append("export ").append(k).append("='").append(v).append("'\n"));
        return sb.toString();
    }
}
