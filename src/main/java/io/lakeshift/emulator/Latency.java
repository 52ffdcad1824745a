package io.lakeshift.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;

/**
 * A fixed delay added once to every request before it is handled, so the client sees its answer one round trip
 * later, as across a WAN (e.g. 20 or 50 ms between clouds). Bytes then flow at full speed: it models latency, not
 * bandwidth. The pause is injectable so tests count delays instead of timing them.
 */
public final class Latency implements HttpHandler {
    /** Waits for a duration. */
    @FunctionalInterface
    public interface Pause {
        Pause SLEEP = d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);

        void pause(Duration duration) throws InterruptedException;
    }

    private final HttpHandler next;
    private final Duration delay;
    private final Pause pause;

    public Latency(HttpHandler next, Duration delay, Pause pause) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative");
        }
        this.next = next;
        this.delay = delay;
        this.pause = pause;
    }

    /** {@code next} itself when there is no delay. */
    static HttpHandler around(HttpHandler next, Duration delay, Pause pause) {
        return delay.isZero() ? next : new Latency(next, delay, pause);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            pause.pause(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
            throw new InterruptedIOException("interrupted while delaying the request");
        }
        next.handle(exchange);
    }
}
