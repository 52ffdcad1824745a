package io.lakeshift.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import io.lakeshift.emulator.OciException;
import io.lakeshift.emulator.auth.SignatureVerifier;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** One request and its response: parsed query, header access, body helpers and response writers. */
final class Call extends Exchange {
    private static final int MAX_JSON = 16 * 1024 * 1024;

    private final ObjectMapper json;
    SignatureVerifier.Verified auth;

    Call(HttpExchange exchange, String requestId, ObjectMapper json) {
        super(exchange, requestId, Call::decodeQuery);
        this.json = json;
    }

    Headers requestHeaders() {
        return exchange.getRequestHeaders();
    }

    String param(String name) {
        return query.get(name);
    }

    String requiredParam(String name) {
        String value = query.get(name);
        if (value == null || value.isEmpty()) {
            throw OciException.missingParameter(name);
        }
        return value;
    }

    int intParam(String name, int fallback) {
        String value = query.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw OciException.invalidParameter("The parameter '" + name + "' must be an integer, not '" + value + "'");
        }
    }

    /** Declared body length, or -1 when the client streams without one. */
    long contentLength() {
        String value = header("content-length");
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw OciException.badRequest("InvalidContentLength", "Content-Length '" + value + "' is not a number");
        }
    }

    InputStream body() {
        return exchange.getRequestBody();
    }

    /** Reads a JSON request body, checking it against a signed x-content-sha256. */
    JsonNode jsonBody() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = body()) {
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) >= 0) {
                out.write(buf, 0, n);
                if (out.size() > MAX_JSON) {
                    throw OciException.badRequest("RequestEntityTooLarge", "The request body is too large");
                }
            }
        }
        byte[] bytes = out.toByteArray();
        if (auth != null && auth.bodySigned()) {
            checkSha256(sha256(bytes));
        }
        if (bytes.length == 0) {
            throw OciException.badRequest("InvalidParameter", "The request body is missing");
        }
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            throw OciException.badRequest("InvalidParameter", "The request body is not valid JSON: " + e.getMessage());
        }
    }

    /** Fails authentication when the body does not have the SHA-256 the client signed. */
    void checkSha256(byte[] actual) {
        String actualB64 = Base64.getEncoder().encodeToString(actual);
        if (!actualB64.equals(auth.bodySha256().trim())) {
            throw OciException.notAuthenticated("The x-content-sha256 header does not match the body ("
                    + actualB64 + ").");
        }
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- responses

    Call set(String name, Object value) {
        responseHeader(name, value);
        return this;
    }

    void sendJson(int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        set("Content-Type", "application/json");
        sendBytes(status, bytes);
    }

    void sendError(OciException e) throws IOException {
        Map<String, String> body = new HashMap<>();
        body.put("code", e.code());
        body.put("message", e.getMessage());
        sendJson(e.status(), body);
    }

    private static String decodeQuery(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OciException.invalidParameter("Malformed query string");
        }
    }

    /** Percent-decodes a path part; '+' stays '+'. */
    static String decodePath(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OciException.invalidParameter("Malformed percent-encoding in the path");
        }
    }
}
