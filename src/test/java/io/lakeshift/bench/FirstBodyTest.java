package io.lakeshift.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.emulator.Sdk;
import io.lakeshift.testing.DelayProxy;
import io.lakeshift.testing.EmulatorFixture;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The benchmark's start-up event as the proxy tap reads it: the first PUT with a body, nothing before it. */
class FirstBodyTest {
    private static void send(DelayProxy.Tap tap, String text, long at) {
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        tap.sent(b, b.length, at);
    }

    @Test
    void listingsGetsAnEmptyPutAndALogObjectAreNotTheEventTheDataPutWithABodyIs() {
        FirstBody first = new FirstBody();
        first.arm("small/");
        DelayProxy.Tap tap = first.proxyTap();
        send(tap, "GET /bench?list-type=2 HTTP/1.1\r\nHost: x\r\n\r\n", 1_000);
        send(tap, "PUT /dst/small/dir/ HTTP/1.1\r\nContent-Length: 0\r\n\r\n", 2_000);
        // S3A's directory marker: an empty body in aws-chunked framing (86 bytes on the wire)
        String frame = "0;chunk-signature=" + "a".repeat(64) + "\r\n\r\n";
        send(tap, "PUT /dst/small/d2/ HTTP/1.1\r\nContent-Length: " + frame.length()
                + "\r\nx-amz-decoded-content-length: 0\r\n\r\n" + frame, 2_200);
        send(tap, "PUT /dst/small/empty.bin HTTP/1.1\r\nContent-Length: " + frame.length()
                + "\r\nx-amz-decoded-content-length: 0\r\n\r\n" + frame, 2_300);
        send(tap, "PUT /dst/_lakeshift/logs/started.json HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}", 2_500);
        // a POST whose body looks like a PUT's head: skipped by its length, not read as a request
        String fake = "PUT /fake HTTP/1.1\r\nContent-Length: 9\r\n\r\n";
        send(tap, "POST /dst/k?uploads HTTP/1.1\r\nContent-Length: " + fake.length() + "\r\n\r\n" + fake, 3_000);
        assertTrue(first.waiting());
        // the head of the real one arrives in two pieces; the event is when it is complete
        send(tap, "PUT /dst/small/f1.bin HTTP/1.1\r\nContent-Le", 4_000);
        send(tap, "ngth: 32768\r\n\r\nbody...", 5_000);
        assertFalse(first.waiting());
        assertEquals(5e-6 - 1e-6, first.secondsAfter(1_000), 1e-12);
        assertEquals("PUT /dst/small/f1.bin", first.what());
    }

    @Test
    void aChunkedUploadIsTheEventAndOnlyTheFirstCounts() {
        FirstBody first = new FirstBody();
        first.arm("small/");
        DelayProxy.Tap a = first.proxyTap();
        DelayProxy.Tap b = first.proxyTap();
        send(a, "PUT /dst/small/x?partNumber=1&uploadId=u HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n", 7_000);
        send(b, "PUT /dst/small/y HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello", 8_000);
        assertEquals(7e-6, first.secondsAfter(0), 1e-12);
        assertEquals("PUT /dst/small/x", first.what());
    }

    @Test
    void nothingIsRecordedUnlessArmed() {
        FirstBody first = new FirstBody();
        send(first.proxyTap(), "PUT /dst/y HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello", 8_000);
        assertTrue(Double.isNaN(first.secondsAfter(0)));
        first.arm("");
        first.disarm();
        send(first.proxyTap(), "PUT /dst/y HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello", 9_000);
        assertTrue(Double.isNaN(first.secondsAfter(0)));
    }

    @Test
    void theEmulatorHookSeesTheFirstDataPutNotTheLogNorAnEmptyMarker() throws Exception {
        FirstBody first = new FirstBody();
        try (EmulatorFixture oci = new EmulatorFixture(first.emulatorHook(Duration.ZERO))) {
            oci.createBucket("dest");
            first.arm("small/");
            long before = System.nanoTime();
            Sdk.put(oci.client(), oci.emulator(), "dest", "_lakeshift/logs/started.json", new byte[] {'{', '}'});
            Sdk.put(oci.client(), oci.emulator(), "dest", "small/d00/", new byte[0]);
            assertTrue(first.waiting());
            Sdk.put(oci.client(), oci.emulator(), "dest", "small/d00/f1.bin", new byte[] {1, 2, 3});
            assertEquals("PUT /n/" + oci.namespace() + "/b/dest/o/small%2Fd00%2Ff1.bin", first.what());
            assertTrue(first.secondsAfter(before) > 0);
        }
    }

    @Test
    void theObjectOfAPathStyleRequestIsDecoded() {
        assertEquals("small/d 1/f+x.bin", FirstBody.objectOf("/dst/small/d%201/f+x.bin"));
        assertEquals(null, FirstBody.objectOf("/dst"));
    }

    @Test
    void onlyPutsWithABodyCarryData() {
        assertTrue(FirstBody.carriesBody("PUT", "1", null));
        assertTrue(FirstBody.carriesBody("PUT", null, "chunked"));
        assertFalse(FirstBody.carriesBody("PUT", "0", null));
        assertFalse(FirstBody.carriesBody("POST", "120", null));
        assertFalse(FirstBody.carriesBody("GET", null, null));
    }
}
