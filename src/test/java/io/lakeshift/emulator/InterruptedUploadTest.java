package io.lakeshift.emulator;

import com.oracle.bmc.model.BmcException;
import com.oracle.bmc.objectstorage.ObjectStorageClient;
import com.sun.net.httpserver.HttpExchange;
import io.lakeshift.emulator.auth.Pem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A PUT whose body stops short of its Content-Length never creates or replaces an object. The test does not
 * guess when the server is done with a cut request: a {@link FaultPolicy} (the emulator's per-request hook) wraps
 * each PutObject body, and the test waits until the server has read every byte that was sent, seen the body end
 * early, and closed it: the body is closed only once the store has refused it, so from then on the state the
 * test reads is the state the request left.
 */
class InterruptedUploadTest {
    private static final int DECLARED = 1_000_000;
    private static final int SENT = 300_000;

    @TempDir
    Path data;

    @Test
    void shortBodyInMemory() throws Exception {
        check(OciEmulator.builder());
    }

    @Test
    void shortBodyOnDiskLeavesNoFiles() throws Exception {
        check(OciEmulator.builder().dataDir(data));
        try (Stream<Path> tmp = Files.list(data.resolve("tmp"))) {
            assertEquals(0, tmp.count());
        }
    }

    private static void check(OciEmulator.Builder builder) throws Exception {
        BodyWatch bodies = new BodyWatch();
        try (OciEmulator emu = builder.faultPolicy(bodies).start(); ObjectStorageClient client = Sdk.client(emu)) {
            Sdk.createBucket(client, emu, "cut");
            Sdk.put(client, emu, "cut", "kept", new byte[] {7, 7, 7});
            assertEquals(new ClosedBody("kept", 3, false), bodies.next(), "a whole body is read to its length");
            for (String object : new String[] {"kept", "new"}) {
                sendShortPut(emu, "/n/" + emu.namespace() + "/b/cut/o/" + object, DECLARED, SENT);
                assertEquals(new ClosedBody(object, SENT, true), bodies.next(),
                        "the server read all that was sent, saw the body end early and let it go");
            }
            assertArrayEquals(new byte[] {7, 7, 7}, Sdk.get(client, emu, "cut", "kept"));
            assertEquals(404, assertThrows(BmcException.class, () -> Sdk.get(client, emu, "cut", "new"))
                    .getStatusCode());
        }
    }

    /** A PutObject body the server closed: the bytes it read, and whether it ended before its Content-Length. */
    record ClosedBody(String object, long read, boolean cutShort) {}

    /** Wraps every PutObject body, and hands out each one once the server has closed it, in order. */
    static final class BodyWatch implements FaultPolicy {
        private final BlockingQueue<ClosedBody> closed = new LinkedBlockingQueue<>();

        /** The next body the server closed; fails if none is closed within 30 seconds. */
        ClosedBody next() throws InterruptedException {
            ClosedBody body = closed.poll(30, TimeUnit.SECONDS);
            assertNotNull(body, "the server never let go of a request body");
            return body;
        }

        @Override
        public boolean intercept(FaultRequest request) {
            if (request.operation().equals("PutObject")) {
                HttpExchange exchange = request.exchange();
                exchange.setStreams(new Watched(exchange.getRequestBody(), request.object(), closed), null);
            }
            return false;
        }
    }

    /** Counts what is read and notes an early end; reports itself when closed. */
    private static final class Watched extends FilterInputStream {
        private final String object;
        private final BlockingQueue<ClosedBody> closed;
        private long read;
        private boolean cutShort;
        private boolean reported;

        Watched(InputStream in, String object, BlockingQueue<ClosedBody> closed) {
            super(in);
            this.object = object;
            this.closed = closed;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? n : Byte.toUnsignedInt(one[0]);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = super.read(b, off, len);
            } catch (IOException e) {
                cutShort = true; // how the JDK server says the connection closed before the length
                throw e;
            }
            // the store reads no further than the Content-Length, so any end it sees is early
            cutShort |= n < 0;
            read += Math.max(n, 0);
            return n;
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                if (!reported) {
                    reported = true;
                    closed.add(new ClosedBody(object, read, cutShort));
                }
            }
        }
    }

    /** A correctly signed PUT announcing {@code declared} bytes that sends {@code sent} and closes the socket. */
    private static void sendShortPut(OciEmulator emu, String path, int declared, int sent) throws Exception {
        URI uri = URI.create(emu.endpoint());
        String host = uri.getHost() + ":" + uri.getPort();
        String date = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
                .format(ZonedDateTime.now(ZoneOffset.UTC));
        String signing = "date: " + date + "\n(request-target): put " + path + "\nhost: " + host;
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(Pem.readPrivateKey(emu.keyFile()));
        signer.update(signing.getBytes(StandardCharsets.UTF_8));
        String authorization = "Signature version=\"1\",keyId=\"" + emu.tenancyId() + "/" + emu.userId() + "/"
                + emu.fingerprint() + "\",algorithm=\"rsa-sha256\",headers=\"date (request-target) host\",signature=\""
                + Base64.getEncoder().encodeToString(signer.sign()) + "\"";
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("PUT " + path + " HTTP/1.1\r\nHost: " + host + "\r\nDate: " + date + "\r\nAuthorization: "
                    + authorization + "\r\nContent-Length: " + declared + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[sent]);
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            in.readAllBytes(); // the server closes the connection without storing anything
        }
    }
}
