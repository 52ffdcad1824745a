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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy in front of a server that cuts the first {@code cuts} connections whose answer grows past
 * {@code cutAfter} bytes: a source stream that breaks mid-file. Counts the cuts it made.
 */
public final class CuttingProxy implements AutoCloseable {
    private final ServerSocket server;
    private final InetSocketAddress upstream;
    private final long cutAfter;
    private final AtomicInteger cutsLeft;
    private final AtomicInteger cuts = new AtomicInteger();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "cutting-proxy");
        t.setDaemon(true);
        return t;
    });

    public CuttingProxy(String upstreamHost, int upstreamPort, long cutAfter, int cuts) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.upstream = new InetSocketAddress(upstreamHost, upstreamPort);
        this.cutAfter = cutAfter;
        this.cutsLeft = new AtomicInteger(cuts);
        threads.submit(this::accept);
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
                threads.submit(() -> pipe(client, up, Long.MAX_VALUE));
                threads.submit(() -> pipe(up, client, cutAfter));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pipe(Socket from, Socket to, long limit) {
        byte[] buf = new byte[16 * 1024];
        long sent = 0;
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buf)) > 0; ) {
                if (sent + n > limit && cutsLeft.getAndUpdate(c -> Math.max(0, c - 1)) > 0) {
                    out.write(buf, 0, (int) Math.max(0, limit - sent));
                    out.flush();
                    cuts.incrementAndGet();
                    to.setSoLinger(true, 0); // a reset, as a dropped connection looks
                    break;
                }
                out.write(buf, 0, n);
                sent += n;
            }
        } catch (IOException ignored) {
            // the other side went away
        } finally {
            closeQuietly(from);
            closeQuietly(to);
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
