package io.lakeshift.emulator;

import com.oracle.bmc.model.BmcException;
import com.oracle.bmc.objectstorage.ObjectStorageClient;
import io.lakeshift.emulator.auth.Pem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A PUT whose body stops short of its Content-Length never creates or replaces an object. */
class InterruptedUploadTest {
    @TempDir
    Path data;

    @Test
    void shortBodyInMemory() throws Exception {
        try (OciEmulator emu = OciEmulator.builder().start()) {
            check(emu);
        }
    }

    @Test
    void shortBodyOnDiskLeavesNoFiles() throws Exception {
        try (OciEmulator emu = OciEmulator.builder().dataDir(data).start()) {
            check(emu);
        }
        try (Stream<Path> tmp = Files.list(data.resolve("tmp"))) {
            assertEquals(0, tmp.count());
        }
    }

    private static void check(OciEmulator emu) throws Exception {
        try (ObjectStorageClient client = Sdk.client(emu)) {
            Sdk.createBucket(client, emu, "cut");
            Sdk.put(client, emu, "cut", "kept", new byte[] {7, 7, 7});
            sendShortPut(emu, "/n/" + emu.namespace() + "/b/cut/o/kept", 1_000_000, 300_000);
            sendShortPut(emu, "/n/" + emu.namespace() + "/b/cut/o/new", 1_000_000, 300_000);
            // give the server a moment to notice the closed connections; then the state must be unchanged
            Thread.sleep(300);
            assertArrayEquals(new byte[] {7, 7, 7}, Sdk.get(client, emu, "cut", "kept"));
            assertEquals(404, assertThrows(BmcException.class, () -> Sdk.get(client, emu, "cut", "new"))
                    .getStatusCode());
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
