package io.lakeshift.bench;

import com.sun.net.httpserver.Headers;
import io.lakeshift.emulator.FaultPolicy;
import io.lakeshift.testing.DelayProxy;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The start-up event of a benchmarked tool: the first request that carries data (a PUT of an object or of a part,
 * with a body) as it reaches the target. The same event for every tool: seen by the emulator (both of its APIs,
 * through its fault-policy hook) in run 1, and by the proxy in front of s3proxy in run 2, where it reads the
 * request heads on each connection. The harness arms it just before it starts a tool and reads it afterwards.
 */
final class FirstBody {
    private static final long DISARMED = Long.MIN_VALUE;
    private static final long WAITING = Long.MIN_VALUE + 1;

    private final AtomicLong nanos = new AtomicLong(DISARMED);
    private volatile String what = "";

    /** Forgets any earlier event and waits for the next one. */
    void arm() {
        what = "";
        nanos.set(WAITING);
    }

    /** Stops listening (so the harness's own requests are never taken for the tool's). */
    void disarm() {
        nanos.set(DISARMED);
    }

    /** Records the event at {@code at} (System.nanoTime) unless one was recorded since {@link #arm()}. */
    void mark(long at, String request) {
        if (nanos.compareAndSet(WAITING, at)) {
            what = request;
        }
    }

    boolean waiting() {
        return nanos.get() == WAITING;
    }

    /** Seconds from {@code launchNanos} to the event, or NaN when none was seen. */
    double secondsAfter(long launchNanos) {
        long at = nanos.get();
        return at == DISARMED || at == WAITING ? Double.NaN : (at - launchNanos) / 1e9;
    }

    /** The request line of the event ("" before one). */
    String what() {
        return what;
    }

    /** Whether a PUT with these header values sends a body: a positive length, or chunked. */
    static boolean carriesBody(String method, String contentLength, String transferEncoding) {
        if (!"PUT".equals(method)) {
            return false;
        }
        if (transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            return true;
        }
        try {
            return contentLength != null && Long.parseLong(contentLength.trim()) > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * The emulator's hook: PutObject and UploadPart with a body, native or S3 API. The emulator consults it after
     * its {@code latency} pause, so that pause is taken off: the time is when the request arrived.
     */
    FaultPolicy emulatorHook(Duration latency) {
        long pause = latency.toNanos();
        return request -> {
            if (waiting() && (request.operation().equals("PutObject") || request.operation().equals("UploadPart"))) {
                Headers h = request.exchange().getRequestHeaders();
                if (carriesBody(request.method(), h.getFirst("Content-Length"), h.getFirst("Transfer-Encoding"))) {
                    mark(System.nanoTime() - pause, request.method() + " " + request.exchange().getRequestURI()
                            .getRawPath());
                }
            }
            return false;
        };
    }

    /** A tap for one proxied connection: reads its request heads and skips their bodies. */
    DelayProxy.Tap proxyTap() {
        return new Scanner();
    }

    /**
     * Follows one connection's requests: a head up to the blank line, then its body (Content-Length bytes) is
     * skipped. A PUT with a body is the event. A connection it cannot follow (a chunked body that is not the
     * event, an oversized head) is left alone from then on.
     */
    private final class Scanner implements DelayProxy.Tap {
        private static final int MAX_HEAD = 64 * 1024;
        private final StringBuilder head = new StringBuilder();
        private long skip;
        private boolean lost;

        @Override
        public void sent(byte[] bytes, int length, long at) {
            int i = 0;
            while (i < length && !lost && waiting()) {
                if (skip > 0) {
                    int n = (int) Math.min(skip, length - i);
                    skip -= n;
                    i += n;
                    continue;
                }
                head.append((char) (bytes[i++] & 0xff));
                int size = head.length();
                if (size >= 4 && head.charAt(size - 1) == '\n' && head.charAt(size - 2) == '\r'
                        && head.charAt(size - 3) == '\n' && head.charAt(size - 4) == '\r') {
                    endOfHead(at);
                } else if (size > MAX_HEAD) {
                    lost = true;
                }
            }
        }

        private void endOfHead(long at) {
            String[] lines = head.toString().split("\r\n");
            head.setLength(0);
            if (lines.length == 0 || lines[0].isBlank()) {
                return; // a stray blank line between requests
            }
            String[] requestLine = lines[0].split(" ");
            String length = null;
            String encoding = null;
            for (int k = 1; k < lines.length; k++) {
                int colon = lines[k].indexOf(':');
                if (colon > 0) {
                    String name = lines[k].substring(0, colon).trim().toLowerCase(Locale.ROOT);
                    String value = lines[k].substring(colon + 1).trim();
                    if (name.equals("content-length")) {
                        length = value;
                    } else if (name.equals("transfer-encoding")) {
                        encoding = value;
                    }
                }
            }
            String method = requestLine[0];
            if (carriesBody(method, length, encoding)) {
                mark(at, method + " " + (requestLine.length > 1 ? requestLine[1].replaceAll("\\?.*", "") : ""));
            } else if (encoding != null) {
                lost = true;
            } else if (length != null) {
                try {
                    skip = Long.parseLong(length.trim());
                } catch (NumberFormatException e) {
                    lost = true;
                }
            }
        }
    }
}
