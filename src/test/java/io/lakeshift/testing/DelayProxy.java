package io.lakeshift.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;

/**
 * A loopback TCP proxy that adds a round trip's latency, e.g. in front of s3proxy for a benchmark at RTT 20 or
 * 50 ms: each direction is a delay line of half the RTT. Bytes are time-stamped as they arrive and released when
 * their time has come, so a request/answer exchange takes one RTT longer while a stream keeps its throughput (it
 * models distance, not a thin pipe). The clock is injectable so tests measure the delays instead of timing them.
 */
public final class DelayProxy implements AutoCloseable {
    /** Time in nanoseconds and a way to wait for it. */
    public interface Clock {
        Clock SYSTEM = new Clock() {
            @Override
            public long nanos() {
                return System.nanoTime();
            }

            @Override
            public void sleepUntil(long nanos) throws InterruptedException {
                long left = nanos - System.nanoTime();
                if (left > 0) {
                    Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
                }
            }
        };

        long nanos();

        void sleepUntil(long nanos) throws InterruptedException;
    }

    /**
     * Sees what a client sends upstream on one connection, as it arrives (before the delay), e.g. for a benchmark
     * to note the first request that carries a body. One tap per connection.
     */
    public interface Tap {
        Tap NONE = (bytes, length, nanos) -> { };

        void sent(byte[] bytes, int length, long nanos);
    }

    private record Chunk(long due, byte[] bytes) {
    }

    private static final Chunk END = new Chunk(0, new byte[0]);

    private final ServerSocket server;
    private final String upstreamHost;
    private final int upstreamPort;
    private final long halfRttNanos;
    private final Clock clock;
    private final Supplier<Tap> taps;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "delay-proxy");
        t.setDaemon(true);
        return t;
    });

    public DelayProxy(String upstreamHost, int upstreamPort, Duration rtt) throws IOException {
        this(upstreamHost, upstreamPort, rtt, Clock.SYSTEM);
    }

    public DelayProxy(String upstreamHost, int upstreamPort, Duration rtt, Clock clock) throws IOException {
        this(upstreamHost, upstreamPort, rtt, clock, () -> Tap.NONE);
    }

    /** As above, with a new tap from {@code taps} on the client-to-upstream direction of every connection. */
    public DelayProxy(String upstreamHost, int upstreamPort, Duration rtt, Clock clock, Supplier<Tap> taps)
            throws IOException {
        this.taps = taps;
        this.server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        this.upstreamHost = upstreamHost;
        this.upstreamPort = upstreamPort;
        this.halfRttNanos = rtt.toNanos() / 2;
        this.clock = clock;
        threads.submit(this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The base URL of the proxy for an http upstream. */
    public String endpoint() {
        return "http://127.0.0.1:" + port();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket up = new Socket(upstreamHost, upstreamPort);
                client.setTcpNoDelay(true);
                up.setTcpNoDelay(true);
                line(client, up, taps.get());
                line(up, client, Tap.NONE);
            } catch (IOException e) {
                return;
            }
        }
    }

    /** One direction: a reader stamps what arrives, a writer releases it half a round trip later. */
    private void line(Socket from, Socket to, Tap tap) {
        BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
        threads.submit(() -> {
            byte[] buf = new byte[64 * 1024];
            try (InputStream in = from.getInputStream()) {
                for (int n; (n = in.read(buf)) >= 0; ) {
                    long now = clock.nanos();
                    tap.sent(buf, n, now);
                    queue.add(new Chunk(now + halfRttNanos, Arrays.copyOf(buf, n)));
                }
            } catch (IOException ignored) {
                // the connection ended
            } finally {
                queue.add(END);
            }
        });
        threads.submit(() -> {
            try (OutputStream out = to.getOutputStream()) {
                for (Chunk c; (c = queue.take()) != END; ) {
                    clock.sleepUntil(c.due());
                    out.write(c.bytes());
                    out.flush();
                }
                to.shutdownOutput();
            } catch (IOException | InterruptedException ignored) {
                // the connection ended
            } finally {
                closeQuietly(from);
            }
        });
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
