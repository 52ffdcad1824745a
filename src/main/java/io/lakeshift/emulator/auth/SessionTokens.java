package io.lakeshift.emulator.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lakeshift.emulator.OciException;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Resource principal session tokens (RPST): JWTs (RS256) the emulator signs with its own issuer key, carrying the
 * session public key as the {@code jwk} claim, as OCI's identity service issues them to a Data Flow run. A request
 * signed with keyId {@code ST$<token>} is accepted when the token is the emulator's, not expired, and the request
 * is signed by the token's session key.
 *
 * <p>The claims are those the OCI Java SDK 3.77.2 reads from an RPST: {@code res_compartment} and
 * {@code res_tenant} ({@code ResourcePrincipalAuthenticationDetailsProvider.ClaimKeys}), {@code sub},
 * {@code res_id}, {@code res_type}, {@code ttype}, {@code iat}, {@code exp}
 * ({@code OkeWorkloadIdentityResourcePrincipalsFederationClient.logTokenInfo}), and {@code jwk}: a JSON string
 * {@code {"kid","n","e","kty":"RSA","alg":"RS256","use":"sig"}} ({@code SecurityTokenAdapter}, {@code JWK}), which
 * the SDK compares with its session key before it uses a token.
 */
public final class SessionTokens {
    static final String ISSUER_KEY_FILE = "rpst_issuer.pem";
    static final String ISSUER = "lakeshift-oci-emulator";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64URL_DECODE = Base64.getUrlDecoder();

    private final PrivateKey issuerKey;
    private final PublicKey issuerPublicKey;
    private final Clock clock;

    private SessionTokens(PrivateKey issuerKey, PublicKey issuerPublicKey, Clock clock) {
        this.issuerKey = issuerKey;
        this.issuerPublicKey = issuerPublicKey;
        this.clock = clock;
    }

    /** Reuses the issuer key in {@code configDir} or makes one, so a restarted emulator keeps accepting its tokens. */
    public static SessionTokens createIn(Path configDir, Clock clock) throws IOException {
        Files.createDirectories(configDir);
        Path file = configDir.resolve(ISSUER_KEY_FILE);
        if (!Files.exists(file)) {
            Rsa.newKeyPairIn(file);
        }
        PrivateKey key = Pem.readPrivateKey(file);
        return new SessionTokens(key, Pem.readPublicKey(file), clock);
    }

    /**
     * A token for a resource ({@code res_type}, e.g. {@code dataflowrun}) whose requests are signed by
     * {@code sessionKey}, valid for {@code validFor} from now (negative: already expired).
     */
    public String mint(String resType, String resId, String compartment, String tenancy, PublicKey sessionKey,
                       Duration validFor) {
        Instant now = clock.instant();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("kid", ISSUER);
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", resId);
        claims.put("iss", ISSUER);
        claims.put("aud", "oci");
        claims.put("ttype", "res");
        claims.put("res_type", resType);
        claims.put("res_id", resId);
        claims.put("res_compartment", compartment);
        claims.put("res_tenant", tenancy);
        claims.put("tenant", tenancy);
        claims.put("jwk", jwk(sessionKey));
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(validFor).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        String signingInput = part(header) + "." + part(claims);
        return signingInput + "." + B64URL.encodeToString(Rsa.sign(issuerKey, signingInput));
    }

    /** What a verified token says: its string claims, and the session key that must sign the request. */
    public record Session(Map<String, String> claims, PublicKey sessionKey) {}

    /**
     * Checks a token as OCI does before it looks at the request's signature: well formed, signed by this emulator,
     * not expired. Every refusal is a 401 that never repeats the token.
     */
    public Session verify(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[2].isEmpty()) {
            throw OciException.notAuthenticated("The session token is not a signed JWT.");
        }
        byte[] signature;
        Map<String, Object> header;
        Map<String, Object> claims;
        try {
            signature = B64URL_DECODE.decode(parts[2]);
            header = JSON.readValue(B64URL_DECODE.decode(parts[0]), new TypeReference<>() {});
            claims = JSON.readValue(B64URL_DECODE.decode(parts[1]), new TypeReference<>() {});
        } catch (IOException | IllegalArgumentException e) {
            throw OciException.notAuthenticated("The session token is not a well-formed JWT.");
        }
        if (!"RS256".equals(header.get("alg")) || !Rsa.verifies(issuerPublicKey, parts[0] + "." + parts[1], signature)) {
            throw OciException.notAuthenticated("The session token was not issued by this service.");
        }
        Object exp = claims.get("exp");
        if (!(exp instanceof Number n) || Instant.ofEpochSecond(n.longValue()).isBefore(clock.instant())) {
            throw OciException.notAuthenticated("The session token has expired.");
        }
        Map<String, String> strings = new LinkedHashMap<>();
        claims.forEach((k, v) -> {
            if (v instanceof String s) {
                strings.put(k, s);
            } else if (v instanceof Number num) {
                strings.put(k, num.toString());
            }
        });
        String jwk = strings.get("jwk");
        PublicKey sessionKey = jwk == null ? null : fromJwk(jwk);
        if (sessionKey == null) {
            throw OciException.notAuthenticated("The session token carries no session key.");
        }
        return new Session(strings, sessionKey);
    }

    private static String part(Map<String, Object> map) {
        try {
            return B64URL.encodeToString(JSON.writeValueAsBytes(map));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JWK JSON (as a string claim) of an RSA public key; the kid is its API-key style fingerprint. */
    static String jwk(PublicKey key) {
        RSAPublicKey rsa = (RSAPublicKey) key;
        Map<String, String> jwk = new LinkedHashMap<>();
        jwk.put("kid", Fingerprint.of(key));
        jwk.put("n", B64URL.encodeToString(unsigned(rsa.getModulus())));
        jwk.put("e", B64URL.encodeToString(unsigned(rsa.getPublicExponent())));
        jwk.put("kty", "RSA");
        jwk.put("alg", "RS256");
        jwk.put("use", "sig");
        try {
            return JSON.writeValueAsString(jwk);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PublicKey fromJwk(String json) {
        try {
            Map<String, String> jwk = JSON.readValue(json, new TypeReference<>() {});
            if (!"RSA".equals(jwk.get("kty")) || jwk.get("n") == null || jwk.get("e") == null) {
                return null;
            }
            Base64.Decoder decoder = Base64.getDecoder();
            BigInteger n = new BigInteger(1, decoder.decode(jwk.get("n").replace('-', '+').replace('_', '/')));
            BigInteger e = new BigInteger(1, decoder.decode(jwk.get("e").replace('-', '+').replace('_', '/')));
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            byte[] trimmed = new byte[bytes.length - 1];
            System.arraycopy(bytes, 1, trimmed, 0, trimmed.length);
            return trimmed;
        }
        return bytes;
    }
}
