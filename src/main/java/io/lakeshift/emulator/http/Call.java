package io.lakeshift.emulator.http;

import io.lakeshift.io.Streams;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import io.lakeshift.emulator.OciException;
import io.lakeshift.emulator.auth.SignatureVerifier;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** One request and its response: parsed query, header access, body helpers and response writers. */
final class Call {
    static final int BUFFER = 256 * 1024;
    private static final int MAX_JSON = 16 * 1024 * 1024;

    final HttpExchange exchange;
    final String method;
    final String rawPath;
    final String rawQuery;
    final Map<String, String> query;
    final String requestId;
    private final ObjectMapper json;
    SignatureVerifier.Verified auth;
    private boolean responded;

    Call(HttpExchange exchange, String requestId, ObjectMapper json) {
        this.exchange = exchange;
        this.method = exchange.getRequestMethod().toUpperCase();
        this.rawPath = exchange.getRequestURI().getRawPath();
        this.rawQuery = exchange.getRequestURI().getRawQuery();
        this.query = parseQuery(rawQuery);
        this.requestId = requestId;
        this.json = json;
    }

    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
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
        if (value != null) {
            exchange.getResponseHeaders().set(name, value.toString());
        }
        return this;
    }

    boolean responded() {
        return responded;
    }

    void sendJson(int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        set("Content-Type", "application/json");
        send(status, bytes);
    }

    void send(int status, byte[] bytes) throws IOException {
        responded = true;
        if (method.equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    void sendEmpty(int status) throws IOException {
        responded = true;
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /** HEAD answers carry the length of what a GET would return but no body. */
    void sendHead(int status, long length) throws IOException {
        responded = true;
        set("Content-Length", length);
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /** Streams {@code length} bytes; the caller closes {@code in}. */
    void sendStream(int status, InputStream in, long length) throws IOException {
        responded = true;
        if (length == 0) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(status, length);
        try (OutputStream out = exchange.getResponseBody()) {
            byte[] buf = new byte[BUFFER];
            long left = length;
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    throw new IOException("stored body shorter than its record");
                }
                out.write(buf, 0, n);
                left -= n;
            }
        }
    }

    void sendError(OciException e) throws IOException {
        Map<String, String> body = new HashMap<>();
        body.put("code", e.code());
        body.put("message", e.getMessage());
        sendJson(e.status(), body);
    }

    /** Query parameters, percent-decoded ('+' is a space as in form encoding). The first value of a name wins. */
    static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> out = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decodeQuery(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decodeQuery(pair.substring(eq + 1));
            out.putIfAbsent(name, value);
        }
        return out;
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
