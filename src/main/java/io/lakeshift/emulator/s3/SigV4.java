package io.lakeshift.emulator.s3;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies AWS Signature Version 4 in the Authorization header (AWS General Reference, "Signature Version 4
 * signing process": canonical request, string to sign, signing key derived from the secret, date, region and
 * service). OCI's S3 Compatibility API signs with the customer secret key and the region of its endpoint.
 */
final class SigV4 {
    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final String UNSIGNED = "UNSIGNED-PAYLOAD";
    static final String STREAMING_SIGNED = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
    static final String STREAMING_UNSIGNED_TRAILER = "STREAMING-UNSIGNED-PAYLOAD-TRAILER";
    /** How far a request's x-amz-date may be from the server's clock (S3: RequestTimeTooSkewed past 15 minutes). */
    static final Duration MAX_SKEW = Duration.ofMinutes(15);
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final HexFormat HEX = HexFormat.of();

    private final Map<String, String> secrets;
    private final String region;
    private final Clock clock;

    /** @param secrets secret keys by access key */
    SigV4(Map<String, String> secrets, String region, Clock clock) {
        this.secrets = Map.copyOf(secrets);
        this.region = region;
        this.clock = clock;
    }

    /** A verified request: who signed, the payload hash it declared, and what chunk signatures chain from. */
    record Verified(String accessKey, String payloadHash, byte[] signingKey, String signature, String amzDate,
                    String scope) {
    }

    /**
     * @param headers a request header's values by name (case-insensitive), or null when absent
     * @throws S3Exception AccessDenied, InvalidAccessKeyId, SignatureDoesNotMatch, RequestTimeTooSkewed, ...
     */
    Verified verify(String method, String rawPath, String rawQuery, Function<String, List<String>> headers) {
        if (rawQuery != null && rawQuery.contains("X-Amz-Signature=")) {
            throw S3Exception.notImplemented("Query-string (presigned URL) authentication");
        }
        String authorization = first(headers, "authorization");
        if (authorization == null) {
            throw S3Exception.accessDenied("Anonymous requests are not allowed; sign with the customer secret key");
        }
        if (!authorization.startsWith(ALGORITHM + " ")) {
            throw new S3Exception(400, "InvalidRequest", "Only " + ALGORITHM + " (Signature Version 4) is supported");
        }
        Map<String, String> parts = authParts(authorization.substring(ALGORITHM.length() + 1));
        String credential = parts.get("Credential");
        String signedHeaders = parts.get("SignedHeaders");
        String signature = parts.get("Signature");
        if (credential == null || signedHeaders == null || signature == null) {
            throw malformed("The Authorization header needs Credential, SignedHeaders and Signature");
        }
        String[] scopeParts = credential.split("/");
        if (scopeParts.length != 5 || !scopeParts[3].equals("s3") || !scopeParts[4].equals("aws4_request")) {
            throw malformed("The credential '" + credential + "' is not access/date/region/s3/aws4_request");
        }
        String accessKey = scopeParts[0];
        String secret = secrets.get(accessKey);
        if (secret == null) {
            throw new S3Exception(403, "InvalidAccessKeyId",
                    "The access key Id you provided does not exist in our records.");
        }
        if (!scopeParts[2].equals(region)) {
            throw malformed("the region '" + scopeParts[2] + "' is wrong; expecting '" + region + "'");
        }
        String amzDate = first(headers, "x-amz-date");
        if (amzDate == null) {
            throw S3Exception.accessDenied("The request needs an x-amz-date header");
        }
        checkTime(amzDate);
        if (!amzDate.startsWith(scopeParts[1])) {
            throw signatureMismatch("the credential's date " + scopeParts[1] + " is not the x-amz-date " + amzDate);
        }
        String payloadHash = first(headers, "x-amz-content-sha256");
        if (payloadHash == null) {
            throw new S3Exception(400, "InvalidRequest", "Missing required header for this request: x-amz-content-sha256");
        }
        List<String> names = List.of(signedHeaders.split(";"));
        if (!names.contains("host")) {
            throw signatureMismatch("the host header must be signed");
        }
        String scope = scopeParts[1] + "/" + scopeParts[2] + "/s3/aws4_request";
        byte[] key = signingKey(secret, scopeParts[1], scopeParts[2]);
        String headerBlock = canonicalHeaders(names, headers);
        String query = canonicalQuery(rawQuery);
        // Clients sign the path as they sent it (S3 is not double-encoded); one that sent a looser encoding than
        // it signed is matched by the strict re-encoding.
        for (String uri : new String[]{rawPath, encodePath(decode(rawPath, false))}) {
            String canonical = method + "\n" + uri + "\n" + query + "\n" + headerBlock + "\n" + signedHeaders + "\n"
                    + payloadHash;
            String toSign = ALGORITHM + "\n" + amzDate + "\n" + scope + "\n" + hex(sha256(bytes(canonical)));
            if (MessageDigest.isEqual(bytes(hex(hmac(key, toSign))), bytes(signature))) {
                return new Verified(accessKey, payloadHash, key, signature, amzDate, scope);
            }
        }
        throw signatureMismatch("The request signature we calculated does not match the signature you provided."
                + " Check your key and signing method.");
    }

    private void checkTime(String amzDate) {
        Instant when;
        try {
            when = LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw S3Exception.accessDenied("x-amz-date '" + amzDate + "' is not yyyyMMdd'T'HHmmss'Z'");
        }
        if (Duration.between(when, clock.instant()).abs().compareTo(MAX_SKEW) > 0) {
            throw new S3Exception(403, "RequestTimeTooSkewed",
                    "The difference between the request time and the current time is too large.");
        }
    }

    private static Map<String, String> authParts(String text) {
        Map<String, String> out = new java.util.HashMap<>();
        for (String part : text.split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                out.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        return out;
    }

    private static String canonicalHeaders(List<String> names, Function<String, List<String>> headers) {
        StringBuilder sb = new StringBuilder();
        for (String name : names) {
            List<String> values = headers.apply(name);
            if (values == null) {
                throw signatureMismatch("the signed header '" + name + "' is not in the request");
            }
            List<String> trimmed = new ArrayList<>(values.size());
            values.forEach(v -> trimmed.add(v.trim().replaceAll(" +", " ")));
            sb.append(name).append(':').append(String.join(",", trimmed)).append('\n');
        }
        return sb.toString();
    }

    /** Parameters by encoded name then value, each decoded and re-encoded strictly, as the client computed them. */
    static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            pairs.add(new String[]{encode(decode(name, true)), encode(decode(value, true))});
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        StringBuilder sb = new StringBuilder();
        for (String[] p : pairs) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(p[0]).append('=').append(p[1]);
        }
        return sb.toString();
    }

    /** Percent-decoding; in a query '+' is a space, in a path it stays '+'. */
    static String decode(String raw, boolean query) {
        if (raw.indexOf('%') < 0 && (!query || raw.indexOf('+') < 0)) {
            return raw;
        }
        try {
            return URLDecoder.decode(query ? raw : raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw S3Exception.invalidArgument("Malformed percent-encoding");
        }
    }

    /** SigV4's URI encoding: every byte but A-Z a-z 0-9 - _ . ~ as %XY (upper case hex). */
    static String encode(String text) {
        StringBuilder sb = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                sb.append(c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    static String encodePath(String path) {
        StringBuilder sb = new StringBuilder();
        int from = 0;
        for (int slash; (slash = path.indexOf('/', from)) >= 0; from = slash + 1) {
            sb.append(encode(path.substring(from, slash))).append('/');
        }
        return sb.append(encode(path.substring(from))).toString();
    }

    static byte[] signingKey(String secret, String date, String region) {
        byte[] k = hmac(bytes("AWS4" + secret), date);
        k = hmac(k, region);
        k = hmac(k, "s3");
        return hmac(k, "aws4_request");
    }

    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(bytes(data));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sha256(byte[] data) {
        return sha256().digest(data);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String first(Function<String, List<String>> headers, String name) {
        List<String> values = headers.apply(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static S3Exception malformed(String message) {
        return new S3Exception(400, "AuthorizationHeaderMalformed", message);
    }

    static S3Exception signatureMismatch(String message) {
        return S3Exception.signatureDoesNotMatch(message);
    }
}
