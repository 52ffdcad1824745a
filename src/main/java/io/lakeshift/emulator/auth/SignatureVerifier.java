package io.lakeshift.emulator.auth;

import io.lakeshift.emulator.OciException;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks OCI request signatures (draft-cavage HTTP signatures, rsa-sha256), the way the service does:
 * "date (request-target) host" must be signed, and POSTs must also sign "content-length content-type
 * x-content-sha256" (OCI exempts PutObject and UploadPart bodies, which are PUTs).
 */
public final class SignatureVerifier {
    static final Duration MAX_SKEW = Duration.ofMinutes(5);
    private static final List<String> ALWAYS = List.of("date", "(request-target)", "host");
    private static final List<String> FOR_BODY = List.of("content-length", "content-type", "x-content-sha256");

    /** The keyId prefix of requests signed with a session token (oci-java-sdk 3.77.2, {@code
     * AbstractRequestingAuthenticationDetailsProvider.getKeyId}: {@code "ST$" + token}). */
    public static final String SESSION_TOKEN_PREFIX = "ST$";

    private final KeyRing keys;
    private final SessionTokens sessionTokens;
    private final Clock clock;

    public SignatureVerifier(KeyRing keys, Clock clock) {
        this(keys, null, clock);
    }

    /** @param sessionTokens the issuer whose resource principal session tokens are accepted, or null for none */
    public SignatureVerifier(KeyRing keys, SessionTokens sessionTokens, Clock clock) {
        this.keys = keys;
        this.sessionTokens = sessionTokens;
        this.clock = clock;
    }

    /**
     * What a verified signature tells the handler.
     *
     * @param keyId the keyId as signed; for a session token {@code "ST$<session token>"}, never the token itself
     * @param principal who signed: a USER for an API key, a RESOURCE with the token's claims for a session token
     */
    public record Verified(String keyId, String bodySha256, Principal principal) {
        /** True when the body's SHA-256 must be checked against {@link #bodySha256()}. */
        public boolean bodySigned() {
            return bodySha256 != null;
        }
    }

    /**
     * @param header the request's first value of a header (case-insensitive name), or null
     */
    public Verified verify(String method, String rawPath, String rawQuery, Function<String, String> header) {
        String authorization = header.apply("authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Signature ", 0, 10)) {
            throw OciException.notAuthenticated("The required information to complete authentication was not provided.");
        }
        Map<String, String> params = parseParams(authorization.substring(10));
        String keyId = params.get("keyid");
        String signature = params.get("signature");
        String algorithm = params.getOrDefault("algorithm", "rsa-sha256");
        if (keyId == null || signature == null) {
            throw OciException.notAuthenticated("The Authorization header lacks keyId or signature.");
        }
        if (!"rsa-sha256".equalsIgnoreCase(algorithm)) {
            throw OciException.notAuthenticated("Unsupported signature algorithm '" + algorithm + "'.");
        }
        if (params.containsKey("version") && !"1".equals(params.get("version"))) {
            throw OciException.notAuthenticated("Unsupported signature version '" + params.get("version") + "'.");
        }
        Set<String> signed = new LinkedHashSet<>();
        for (String h : params.getOrDefault("headers", "date").trim().split("\\s+")) {
            signed.add(h.toLowerCase(Locale.ROOT));
        }
        // x-date may stand in for date (browsers cannot set Date); when a request has both, OCI uses x-date
        // ("date or x-date (if both are included, Oracle uses x-date)", OCI Request Signatures, Required Headers).
        boolean xDate = header.apply("x-date") != null || (!signed.contains("date") && signed.contains("x-date"));
        requireSigned(signed, xDate, method);
        checkDate(header.apply(xDate ? "x-date" : "date"));

        PublicKey key;
        Principal principal;
        String shownKeyId;
        if (keyId.startsWith(SESSION_TOKEN_PREFIX)) {
            if (sessionTokens == null) {
                throw OciException.notAuthenticated("This emulator accepts no session tokens.");
            }
            SessionTokens.Session session = sessionTokens.verify(keyId.substring(SESSION_TOKEN_PREFIX.length()));
            key = session.sessionKey();
            principal = new Principal(Principal.Kind.RESOURCE, session.claims().getOrDefault("res_tenant", ""),
                    session.claims().getOrDefault("res_id", session.claims().getOrDefault("sub", "")),
                    session.claims());
            shownKeyId = SESSION_TOKEN_PREFIX + "<session token>";
        } else {
            key = keys.find(keyId);
            if (key == null) {
                throw OciException.notAuthenticated("The key '" + keyId + "' is not known to this emulator.");
            }
            String[] parts = keyId.split("/");
            principal = Principal.user(parts[0], parts[1]);
            shownKeyId = keyId;
        }
        byte[] sig;
        try {
            sig = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            throw OciException.notAuthenticated("The signature is not valid base64.");
        }
        for (String host : hostCandidates(header.apply("host"))) {
            String signingString = signingString(signed, method, rawPath, rawQuery, header, host);
            if (signingString != null && Rsa.verifies(key, signingString, sig)) {
                return new Verified(shownKeyId,
                        signed.contains("x-content-sha256") ? header.apply("x-content-sha256") : null, principal);
            }
        }
        throw OciException.notAuthenticated("The signature does not match the request (keyId '" + shownKeyId + "').");
    }

    private static void requireSigned(Set<String> signed, boolean xDate, String method) {
        List<String> required = new ArrayList<>(ALWAYS);
        if (xDate) {
            required.set(0, "x-date");
        }
        if ("POST".equalsIgnoreCase(method)) {
            required.addAll(FOR_BODY);
        }
        for (String h : required) {
            if (!signed.contains(h)) {
                throw OciException.notAuthenticated("The header '" + h + "' must be signed.");
            }
        }
    }

    private void checkDate(String date) {
        if (date == null) {
            throw OciException.notAuthenticated("The date header is missing.");
        }
        Instant when;
        try {
            when = ZonedDateTime.parse(date.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw OciException.notAuthenticated("The date header '" + date + "' is not an RFC 1123 date.");
        }
        Duration skew = Duration.between(when, clock.instant()).abs();
        if (skew.compareTo(MAX_SKEW) > 0) {
            throw OciException.notAuthenticated("The date header '" + date
                    + "' is more than 5 minutes from the server's clock.");
        }
    }

    /**
     * The Host header as received, then without its port: the OCI Java SDK signs the URI's host name alone
     * while its HTTP client sends "host:port" for a non-default port.
     */
    private static List<String> hostCandidates(String host) {
        List<String> out = new ArrayList<>();
        if (host == null) {
            return out;
        }
        out.add(host);
        int colon = host.lastIndexOf(':');
        if (colon > 0 && host.indexOf(']', colon) < 0) {
            out.add(host.substring(0, colon));
        }
        return out;
    }

    private static String signingString(Set<String> signed, String method, String rawPath, String rawQuery,
                                        Function<String, String> header, String host) {
        StringBuilder sb = new StringBuilder();
        for (String h : signed) {
            String value;
            if (h.equals("(request-target)")) {
                value = method.toLowerCase(Locale.ROOT) + " " + rawPath + (rawQuery == null ? "" : "?" + rawQuery);
            } else if (h.equals("host")) {
                value = host;
            } else {
                value = header.apply(h);
                if (value == null) {
                    throw OciException.notAuthenticated("The signed header '" + h + "' is missing from the request.");
                }
            }
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(h).append(": ").append(value);
        }
        return sb.toString();
    }

    /** Parses {@code a="x",b="y"} with lower-cased names. */
    static Map<String, String> parseParams(String text) {
        Map<String, String> out = new HashMap<>();
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && (text.charAt(i) == ',' || text.charAt(i) == ' ')) {
                i++;
            }
            int eq = text.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String name = text.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            int start = eq + 1;
            String value;
            if (start < text.length() && text.charAt(start) == '"') {
                int close = text.indexOf('"', start + 1);
                if (close < 0) {
                    break;
                }
                value = text.substring(start + 1, close);
                i = close + 1;
            } else {
                int comma = text.indexOf(',', start);
                int stop = comma < 0 ? text.length() : comma;
                value = text.substring(start, stop).trim();
                i = stop;
            }
            out.put(name, value);
        }
        return out;
    }
}
