package io.lakeshift.emulator.http;

import com.sun.net.httpserver.HttpExchange;
import io.lakeshift.emulator.storage.Blob;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One HTTP request and its response, as both of the emulator's APIs (OCI's native one and its Amazon S3
 * Compatibility API) see them: the method, path and query, header access and the response writers. Each API adds
 * its own body readers and error bodies.
 */
public abstract class Exchange {
    public static final int BUFFER = 256 * 1024;

    public final HttpExchange exchange;
    public final String method;
    public final String rawPath;
    public final String rawQuery;
    /** The query's parameters, each decoded by the API's own rules. The first value of a name wins. */
    public final Map<String, String> query;
    public final String requestId;
    private boolean responded;

    protected Exchange(HttpExchange exchange, String requestId, UnaryOperator<String> decodeQueryPart) {
        this.exchange = exchange;
        this.method = exchange.getRequestMethod().toUpperCase();
        this.rawPath = exchange.getRequestURI().getRawPath();
        this.rawQuery = exchange.getRequestURI().getRawQuery();
        this.query = parseQuery(rawQuery, decodeQueryPart);
        this.requestId = requestId;
    }

    public final String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    /** Sets a response header; a null value sets none. */
    protected final void responseHeader(String name, Object value) {
        if (value != null) {
            exchange.getResponseHeaders().set(name, value.toString());
        }
    }

    public final boolean responded() {
        return responded;
    }

    /** Sends a whole body; a HEAD request gets the headers only. */
    protected final void sendBytes(int status, byte[] bytes) throws IOException {
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

    public final void sendEmpty(int status) throws IOException {
        responded = true;
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /** HEAD answers carry the length of what a GET would return, and no body. */
    public final void sendHead(int status, long length) throws IOException {
        responded = true;
        responseHeader("Content-Length", length);
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /** Streams {@code length} bytes of {@code in}; the caller closes it. */
    public final void sendStream(int status, InputStream in, long length) throws IOException {
        responded = true;
        if (length == 0) {
            exchange.sendResponseHeaders(status, -1); // the server itself sends Content-Length: 0
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

    /**
     * Answers a GET or HEAD of an object of {@code size} bytes: whole (200), or the inclusive byte range
     * {@code range} (206, with its Content-Range). A HEAD gets the length and no body.
     */
    public final void sendObject(Blob blob, long size, long[] range) throws IOException {
        int status = range == null ? 200 : 206;
        long from = range == null ? 0 : range[0];
        long length = range == null ? size : range[1] - range[0] + 1;
        if (range != null) {
            responseHeader("Content-Range", "bytes " + range[0] + "-" + range[1] + "/" + size);
        }
        if (method.equals("HEAD")) {
            sendHead(status, length);
            return;
        }
        try (InputStream in = blob.stream(from, length)) {
            sendStream(status, in, length);
        }
    }

    /** Query parameters, each name and value decoded by {@code decode}. The first value of a name wins. */
    public static Map<String, String> parseQuery(String rawQuery, UnaryOperator<String> decode) {
        Map<String, String> out = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            out.putIfAbsent(decode.apply(eq < 0 ? pair : pair.substring(0, eq)),
                    eq < 0 ? "" : decode.apply(pair.substring(eq + 1)));
        }
        return out;
    }
}
