package io.lakeshift.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A loopback TCP proxy in front of a server that cuts the first {@code cuts} connections whose answer grows past
 * {@code cutAfter} bytes: a source stream that breaks mid-file. Or, built with {@link #cuttingRequests}, whose
 * request grows past it: an upload whose connection is reset while its body is sent. The client's side of a cut
 * connection is reset, as a dropped connection looks. Or, built with {@link #resettingAtRandom}, that resets every
 * connection after a random number of request bytes: a flaky network. Counts the cuts it made and the request bytes
 * it passed on.
 */
public final class CuttingProxy implements AutoCloseable {
    private final ServerSocket server;
    private final InetSocketAddress upstream;
    private final long answerLimit;
    private final LongSupplier requestLimits;
    private final AtomicInteger cutsLeft;
    private final AtomicInteger cuts = new AtomicInteger();
    private final AtomicLong requestBytes = new AtomicLong();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "cutting-proxy");
        t.setDaemon(true);
        return t;
    });

    /** Cuts the first {@code cuts} connections whose answer grows past {@code cutAfter} bytes. */
    public CuttingProxy(String upstreamHost, int upstreamPort, long cutAfter, int cuts) throws IOException {
        this(upstreamHost, upstreamPort, cutAfter, Long.MAX_VALUE, cuts);
    }

    private CuttingProxy(String upstreamHost, int upstreamPort, long answerLimit, long requestLimit, int cuts)
            throws IOException {
        this(upstreamHost, upstreamPort, answerLimit, () -> requestLimit, cuts);
    }

    private CuttingProxy(String upstreamHost, int upstreamPort, long answerLimit, LongSupplier requestLimits,
            int cuts) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.upstream = new InetSocketAddress(upstreamHost, upstreamPort);
        this.answerLimit = answerLimit;
        this.requestLimits = requestLimits;
        this.cutsLeft = new AtomicInteger(cuts);
        threads.submit(this::accept);
    }

    /**
     * Cuts the first {@code cuts} connections whose requests grow past {@code cutAfter} bytes (headers included;
     * a kept-alive connection counts all its requests), after passing that many on: smaller requests go through.
     */
    public static CuttingProxy cuttingRequests(String upstreamHost, int upstreamPort, long cutAfter, int cuts)
            throws IOException {
        return new CuttingProxy(upstreamHost, upstreamPort, Long.MAX_VALUE, cutAfter, cuts);
    }

    /**
     * Resets each connection once its requests grow past a random number of bytes, exponentially distributed with
     * mean {@code meanBytes} (memoryless: a kept-alive connection's next request is as likely to be cut as a new
     * connection's), drawn from {@code seed} in the order connections arrive.
     */
    public static CuttingProxy resettingAtRandom(String upstreamHost, int upstreamPort, long meanBytes, long seed)
            throws IOException {
        Random random = new Random(seed);
        LongSupplier limits = () -> {
            synchronized (random) {
                return (long) (-meanBytes * Math.log(1 - random.nextDouble()));
            }
        };
        return new CuttingProxy(upstreamHost, upstreamPort, Long.MAX_VALUE, limits, Integer.MAX_VALUE);
    }

    /** Request bytes passed on to the server (a cut request's counted up to the cut). */
    public long requestBytes() {
        return requestBytes.get();
    }

    public int port() {
        return server.getLocalPort();
    }

    public int cuts() {
        return cuts.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket up = new Socket(upstream.getHostString(), upstream.getPort());
                long limit = requestLimits.getAsLong();
                threads.submit(() -> pipe(client, up, limit, client));
                threads.submit(() -> pipe(up, client, answerLimit, client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pipe(Socket from, Socket to, long limit, Socket client) {
        byte[] buf = new byte[16 * 1024];
        long sent = 0;
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buf)) > 0; ) {
                if (sent + n > limit && cutsLeft.getAndUpdate(c -> Math.max(0, c - 1)) > 0) {
                    int last = (int) Math.max(0, limit - sent);
                    out.write(buf, 0, last);
                    count(from == client, last);
                    out.flush();
                    cuts.incrementAndGet();
                    client.setSoLinger(true, 0); // a reset, as a dropped connection looks
                    break;
                }
                out.write(buf, 0, n);
                count(from == client, n);
                sent += n;
            }
        } catch (IOException ignored) {
            // the other side went away
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void count(boolean request, int n) {
        if (request) {
            requestBytes.addAndGet(n);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
