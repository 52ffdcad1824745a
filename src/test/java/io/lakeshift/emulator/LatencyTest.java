package io.lakeshift.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.bmc.objectstorage.ObjectStorageClient;
import io.lakeshift.testing.DelayProxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** --latency: one pause per request of either API, before it is handled; and the test delay proxy's delay line. */
class LatencyTest {

    @Test
    void everyRequestOfBothApisIsDelayedOnceBeforeItIsHandled() throws Exception {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        Duration rtt = Duration.ofMillis(20);
        try (OciEmulator emu = OciEmulator.builder().s3Port(0).latency(rtt)
                .pause(d -> events.add("pause " + d.toMillis()))
                .faultPolicy(r -> {
                    events.add("handle " + r.operation()); // consulted first thing in both APIs' handlers
                    return false;
                }).start()) {
            try (ObjectStorageClient oci = Sdk.client(emu)) {
                Sdk.createBucket(oci, emu, "lat");
                Sdk.put(oci, emu, "lat", "o", new byte[]{1, 2, 3});
            }
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> s3 = http.send(HttpRequest.newBuilder(URI.create(emu.s3Endpoint() + "/lat/o"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(403, s3.statusCode(), "unsigned: refused, and still delayed");
        }
        assertEquals(List.of("pause 20", "handle CreateBucket", "pause 20", "handle PutObject", "pause 20",
                "handle GetObject"), events);
    }

    @Test
    void noLatencyNoPause() throws Exception {
        List<Duration> pauses = Collections.synchronizedList(new ArrayList<>());
        try (OciEmulator emu = OciEmulator.builder().pause(pauses::add).start();
             ObjectStorageClient oci = Sdk.client(emu)) {
            Sdk.createBucket(oci, emu, "none");
        }
        assertEquals(List.of(), pauses);
    }

    /** A clock that stands still and records what the proxy waits for: each chunk, half the RTT after it came. */
    @Test
    void theDelayProxyHoldsEachDirectionHalfARoundTrip() throws Exception {
        List<Long> waits = Collections.synchronizedList(new ArrayList<>());
        DelayProxy.Clock still = new DelayProxy.Clock() {
            @Override
            public long nanos() {
                return 1_000;
            }

            @Override
            public void sleepUntil(long nanos) {
                waits.add(nanos - 1_000);
            }
        };
        try (OciEmulator emu = OciEmulator.builder().start();
             DelayProxy proxy = new DelayProxy("127.0.0.1", emu.port(), Duration.ofMillis(50), still)) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(proxy.endpoint() + "/n/")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, r.statusCode(), "the emulator's answer came through whole: " + r.body());
            assertTrue(r.body().contains("NotAuthenticated"), r.body());
        }
        assertTrue(waits.size() >= 2, "a request and an answer: " + waits);
        waits.forEach(w -> assertEquals(Duration.ofMillis(25).toNanos(), w));
    }

}
