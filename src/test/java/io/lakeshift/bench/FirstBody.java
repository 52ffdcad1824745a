package io.lakeshift.bench;

import com.sun.net.httpserver.Headers;
import io.lakeshift.emulator.FaultPolicy;
import io.lakeshift.testing.DelayProxy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The start-up event of a benchmarked tool: the first request that carries data (a PUT of an object or of a part,
 * with a body, below the data set's prefix: lakeshift's own log objects do not count) as it reaches the target. The same event for every tool: seen by the emulator (both of its APIs,
 * through its fault-policy hook) in run 1, and by the proxy in front of s3proxy in run 2, where it reads the
 * request heads on each connection. The harness arms it just before it starts a tool and reads it afterwards.
 */
final class FirstBody {
    private static final long NONE = Long.MIN_VALUE;

    private final AtomicLong nanos = new AtomicLong(NONE);
    private volatile boolean armed;
    private volatile String prefix = "";
    private volatile String what = "";

    /** Forgets any earlier event and waits for the next PUT of an object whose name starts with {@code dataPrefix}. */
    void arm(String dataPrefix) {
        what = "";
        prefix = dataPrefix;
        nanos.set(NONE);
        armed = true;
    }

    /** Stops listening (so the harness's own requests are never taken for the tool's); keeps the event. */
    void disarm() {
        armed = false;
    }

    /** Records the event at {@code at} (System.nanoTime) unless one was recorded since {@link #arm}. */
    void mark(long at, String request) {
        if (armed && nanos.compareAndSet(NONE, at)) {
            what = request;
        }
    }

    boolean waiting() {
        return armed && nanos.get() == NONE;
    }

    /** Whether an object of this name is the data set's (not lakeshift's log, nor a directory marker). */
    boolean isData(String objectName) {
        return objectName != null && objectName.startsWith(prefix) && !objectName.endsWith("/");
    }

    /**
     * The body's real length: S3's aws-chunked uploads (S3A's over http) frame even an empty body, so their
     * Content-Length is the framed one and x-amz-decoded-content-length the payload's.
     */
    static String payloadLength(String contentLength, String decodedContentLength) {
        return decodedContentLength != null ? decodedContentLength : contentLength;
    }

    /** Seconds from {@code launchNanos} to the event, or NaN when none was seen. */
    double secondsAfter(long launchNanos) {
        long at = nanos.get();
        return at == NONE ? Double.NaN : (at - launchNanos) / 1e9;
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
            if (waiting() && (request.operation().equals("PutObject") || request.operation().equals("UploadPart"))
                    && isData(request.object())) {
                Headers h = request.exchange().getRequestHeaders();
                if (carriesBody(request.method(), payloadLength(h.getFirst("Content-Length"),
                        h.getFirst("x-amz-decoded-content-length")), h.getFirst("Transfer-Encoding"))) {
                    mark(System.nanoTime() - pause, request.method() + " " + request.exchange().getRequestURI()
                            .getRawPath());
                }
            }
            return false;
        };
    }

    /** The object name of a path-style S3 request path ({@code /bucket/key}, URL-encoded), or null. */
    static String objectOf(String path) {
        int slash = path.indexOf('/', 1);
        return path.startsWith("/") && slash > 0
                ? URLDecoder.decode(path.substring(slash + 1).replace("+", "%2B"), StandardCharsets.UTF_8) : null;
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
            String decoded = null;
            String encoding = null;
            for (int k = 1; k < lines.length; k++) {
                int colon = lines[k].indexOf(':');
                if (colon > 0) {
                    String name = lines[k].substring(0, colon).trim().toLowerCase(Locale.ROOT);
                    String value = lines[k].substring(colon + 1).trim();
                    if (name.equals("content-length")) {
                        length = value;
                    } else if (name.equals("x-amz-decoded-content-length")) {
                        decoded = value;
                    } else if (name.equals("transfer-encoding")) {
                        encoding = value;
                    }
                }
            }
            String method = requestLine[0];
            String path = requestLine.length > 1 ? requestLine[1].replaceAll("\\?.*", "") : "";
            if (carriesBody(method, payloadLength(length, decoded), encoding) && isData(objectOf(path))) {
                mark(at, method + " " + path);
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
