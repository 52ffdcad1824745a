package io.lakeshift.emulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link FaultPolicy} that makes the emulator misbehave the way a busy service and a flaky network do, for tests:
 * throttling (429 with {@code retry-after}), 503s, connections reset in the middle of an upload's body, slow answers,
 * and failing multipart commits and aborts. Off unless asked; seeded, so a run's faults can be replayed. Counts what
 * it injected, so a test can show the faults really happened.
 */
public final class Faults implements FaultPolicy {
    /** The kinds of fault, as counted. */
    public enum Kind { THROTTLED, UNAVAILABLE, RESET, SLOW, COMMIT_FAILED, ABORT_FAILED }

    private final Random random;
    private final double throttle;
    private final double unavailable;
    private final double reset;
    private final double slow;
    private final Duration delay;
    private final AtomicInteger commitsToFail;
    private final AtomicInteger abortsToFail;
    private final Map<Kind, AtomicInteger> injected = new ConcurrentHashMap<>();
    private volatile boolean enabled = true;

    private Faults(Builder b) {
        this.random = new Random(b.seed);
        this.throttle = b.throttle;
        this.unavailable = b.unavailable;
        this.reset = b.reset;
        this.slow = b.slow;
        this.delay = b.delay;
        this.commitsToFail = new AtomicInteger(b.failCommits);
        this.abortsToFail = new AtomicInteger(b.failAborts);
        for (Kind k : Kind.values()) {
            injected.put(k, new AtomicInteger());
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Turns the faults on or off, e.g. to let a second run go through cleanly. */
    public void enable(boolean on) {
        this.enabled = on;
    }

    public int injected(Kind kind) {
        return injected.get(kind).get();
    }

    @Override
    public boolean intercept(FaultRequest request) throws IOException {
        if (!enabled || request.operation().equals("GetNamespace")) {
            return false;
        }
        String op = request.operation();
        if (op.equals("CommitMultipartUpload") && commitsToFail.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            count(Kind.COMMIT_FAILED);
            return answer(request.exchange(), 500, "InternalServerError", "injected: commit failed", false);
        }
        if (op.equals("AbortMultipartUpload") && abortsToFail.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            count(Kind.ABORT_FAILED);
            return answer(request.exchange(), 503, "ServiceUnavailable", "injected: abort failed", false);
        }
        double roll = roll();
        if (roll < throttle) {
            count(Kind.THROTTLED);
            return answer(request.exchange(), 429, "TooManyRequests", "injected: slow down", true);
        }
        if (roll < throttle + unavailable) {
            count(Kind.UNAVAILABLE);
            return answer(request.exchange(), 503, "ServiceUnavailable", "injected: unavailable", false);
        }
        boolean upload = op.equals("PutObject") || op.equals("UploadPart");
        if (upload && roll < throttle + unavailable + reset) {
            count(Kind.RESET);
            cutMidBody(request.exchange());
            return true;
        }
        if (roll() < slow) {
            count(Kind.SLOW);
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return false;
    }

    private synchronized double roll() {
        return random.nextDouble();
    }

    private void count(Kind kind) {
        injected.get(kind).incrementAndGet();
    }

    /** Reads half the request body, then drops the connection without an answer. */
    private static void cutMidBody(HttpExchange exchange) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        long half = length == null ? 0 : Long.parseLong(length) / 2;
        InputStream in = exchange.getRequestBody();
        byte[] buf = new byte[8192];
        while (half > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, half));
            if (n < 0) {
                break;
            }
            half -= n;
        }
        exchange.close(); // no response sent: the JDK server closes the connection
    }

    private static boolean answer(HttpExchange exchange, int status, String code, String message, boolean retryAfter)
            throws IOException {
        byte[] body = ("{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("opc-request-id", UUID.randomUUID().toString());
        if (retryAfter) {
            exchange.getResponseHeaders().set("retry-after", "1");
        }
        drain(exchange);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
        return true;
    }

    /** Reads the request body so the connection stays usable for the client's next request. */
    private static void drain(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            in.transferTo(OutputStream.nullOutputStream());
        }
    }

    /** Shares are fractions of requests (0 to 1), drawn in this order: throttle, unavailable, reset. */
    public static final class Builder {
        private long seed = 42;
        private double throttle;
        private double unavailable;
        private double reset;
        private double slow;
        private Duration delay = Duration.ofMillis(200);
        private int failCommits;
        private int failAborts;

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** A share of requests answered 429 TooManyRequests with {@code retry-after: 1}. */
        public Builder throttle(double share) {
            this.throttle = share;
            return this;
        }

        /** A share of requests answered 503 ServiceUnavailable. */
        public Builder unavailable(double share) {
            this.unavailable = share;
            return this;
        }

        /** A share of PutObject and UploadPart requests whose connection is dropped half-way through the body. */
        public Builder reset(double share) {
            this.reset = share;
            return this;
        }

        /** A share of the remaining requests answered only after {@code delay}. */
        public Builder slow(double share, Duration delay) {
            this.slow = share;
            this.delay = delay;
            return this;
        }

        /** The first {@code n} multipart commits answer 500. */
        public Builder failCommits(int n) {
            this.failCommits = n;
            return this;
        }

        /** The first {@code n} multipart aborts answer 503. */
        public Builder failAborts(int n) {
            this.failAborts = n;
            return this;
        }

        public Faults build() {
            return new Faults(this);
        }
    }
}
