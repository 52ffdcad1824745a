package io.lakeshift.testing;

import io.lakeshift.emulator.FaultPolicy;
import io.lakeshift.emulator.FaultRequest;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An emulator fault policy that counts the UploadPart requests that reach it, by object and part number, and, while
 * {@link #refuseFrom armed}, answers 503 to the data parts of one object from a part number on (as a service failing
 * mid-upload: those parts never land).
 */
public final class PartCounter implements FaultPolicy {
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private volatile String refusedObject;
    private volatile int refusedFrom = Integer.MAX_VALUE;

    /** From now on, parts {@code from} to 9,999 of {@code object} answer 503 (10,000, lakeshift's marker, lands). */
    public void refuseFrom(String object, int from) {
        refusedObject = object;
        refusedFrom = from;
    }

    public void refuseNone() {
        refusedObject = null;
        refusedFrom = Integer.MAX_VALUE;
    }

    /** UploadPart requests received for this part of this object. */
    public int requests(String object, int part) {
        AtomicInteger n = counts.get(object + "#" + part);
        return n == null ? 0 : n.get();
    }

    /** UploadPart requests received for this object's parts numbered below {@code below}. */
    public int requestsBelow(String object, int below) {
        int sum = 0;
        for (int p = 1; p < below; p++) {
            sum += requests(object, p);
        }
        return sum;
    }

    public void reset() {
        counts.clear();
    }

    @Override
    public boolean intercept(FaultRequest request) throws IOException {
        if (!request.operation().equals("UploadPart")) {
            return false;
        }
        int part = partNumber(request.exchange());
        counts.computeIfAbsent(request.object() + "#" + part, k -> new AtomicInteger()).incrementAndGet();
        if (request.object().equals(refusedObject) && part >= refusedFrom && part < 10_000) {
            answer503(request.exchange());
            return true;
        }
        return false;
    }

    private static int partNumber(HttpExchange exchange) {
        String query = exchange.getRequestURI().getRawQuery();
        for (String kv : query == null ? new String[0] : query.split("&")) {
            if (kv.startsWith("uploadPartNum=")) {
                return Integer.parseInt(kv.substring("uploadPartNum=".length()));
            }
        }
        return -1;
    }

    private static void answer503(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        byte[] body = "{\"code\":\"ServiceUnavailable\",\"message\":\"injected\"}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(503, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
