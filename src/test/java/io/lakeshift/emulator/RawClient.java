package io.lakeshift.emulator;

import io.lakeshift.emulator.auth.Pem;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal OCI request signer on java.net.http, independent of the OCI SDK, for protocol-level tests and the
 * benchmark. Signs "date (request-target) host" and, for requests with a body, optionally the body headers.
 */
public final class RawClient {
    private static final DateTimeFormatter RFC_1123 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String endpoint;
    private final String keyId;
    private final PrivateKey key;

    public RawClient(String endpoint, String keyId, PrivateKey key) {
        this.endpoint = endpoint;
        this.keyId = keyId;
        this.key = key;
    }

    /** Signs as the emulator's own generated user. */
    public static RawClient forEmulator(OciEmulator emu) throws IOException {
        return new RawClient(emu.endpoint(), emu.tenancyId() + "/" + emu.userId() + "/" + emu.fingerprint(),
                Pem.readPrivateKey(emu.keyFile()));
    }

    public static RawClient withKey(OciEmulator emu, Path privateKeyPem, String fingerprint) throws IOException {
        return new RawClient(emu.endpoint(), emu.tenancyId() + "/" + emu.userId() + "/" + fingerprint,
                Pem.readPrivateKey(privateKeyPem));
    }

    public HttpResponse<byte[]> send(String method, String pathAndQuery, byte[] body, Map<String, String> extra)
            throws IOException, InterruptedException {
        return http.send(request(method, pathAndQuery, body, extra, ZonedDateTime.now(ZoneOffset.UTC)),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<byte[]> send(String method, String pathAndQuery) throws IOException, InterruptedException {
        return send(method, pathAndQuery, null, Map.of());
    }

    /** A signed request; a JSON body (POST) also signs content-length, content-type and x-content-sha256. */
    public HttpRequest request(String method, String pathAndQuery, byte[] body, Map<String, String> extra,
                               ZonedDateTime date) {
        return request(method, pathAndQuery, body, extra, date, List.of());
    }

    /** As above, also signing {@code alsoSigned} (headers of {@code extra}), after the usual ones. */
    public HttpRequest request(String method, String pathAndQuery, byte[] body, Map<String, String> extra,
                               ZonedDateTime date, List<String> alsoSigned) {
        return build(method, pathAndQuery, body, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body), extra, date, alsoSigned);
    }

    /** A signed PUT whose body is streamed without a Content-Length (Transfer-Encoding: chunked). */
    public HttpRequest chunked(String pathAndQuery, byte[] body, Map<String, String> extra) {
        return build("PUT", pathAndQuery, body,
                HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)), extra,
                ZonedDateTime.now(ZoneOffset.UTC), List.of());
    }

    private HttpRequest build(String method, String pathAndQuery, byte[] body, HttpRequest.BodyPublisher publisher,
                              Map<String, String> extra, ZonedDateTime date, List<String> alsoSigned) {
        URI uri = URI.create(endpoint + pathAndQuery);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("date", RFC_1123.format(date));
        headers.put("(request-target)", method.toLowerCase(Locale.ROOT) + " " + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        headers.put("host", uri.getHost() + ":" + uri.getPort());
        if (method.equals("POST")) {
            byte[] b = body == null ? new byte[0] : body;
            headers.put("content-length", Integer.toString(b.length));
            headers.put("content-type", "application/json");
            headers.put("x-content-sha256", sha256(b));
        }
        for (String h : alsoSigned) {
            headers.put(h, extra.get(h));
        }
        Map<String, String> sent = new LinkedHashMap<>(extra);
        StringBuilder signing = new StringBuilder();
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (signing.length() > 0) {
                signing.append('\n');
            }
            String value = sent.getOrDefault(h.getKey(), h.getValue());
            signing.append(h.getKey()).append(": ").append(value);
        }
        String authorization = "Signature version=\"1\",keyId=\"" + keyId + "\",algorithm=\"rsa-sha256\",headers=\""
                + String.join(" ", headers.keySet()) + "\",signature=\"" + sign(signing.toString()) + "\"";
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .method(method, publisher)
                .header("authorization", authorization)
                .header("date", headers.get("date"));
        if (method.equals("POST")) {
            builder.header("content-type", "application/json").header("x-content-sha256", headers.get("x-content-sha256"));
        }
        sent.forEach((k, v) -> {
            if (!k.equals("date") && !k.equals("x-content-sha256")) {
                builder.header(k, v);
            }
        });
        if (sent.containsKey("x-content-sha256")) {
            builder.setHeader("x-content-sha256", sent.get("x-content-sha256"));
        }
        return builder.build();
    }

    public HttpClient http() {
        return http;
    }

    private String sign(String text) {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(byte[] body) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
