package io.lakeshift.emulator.bench;

import io.lakeshift.emulator.OciEmulator;
import io.lakeshift.emulator.RawClient;

import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Raw PUT and GET throughput of the emulator over plain signed HTTP (java.net.http, not the OCI SDK, so the
 * numbers are the server's and not the SDK's), single stream and 4 parallel streams, in memory and on disk.
 * Not a test: run it with bench/emulator/run.sh.
 * Arguments: [object size in MiB (default 64)] [objects per stream (default 4)].
 */
public final class EmulatorBench {
    private static final double MIB = 1024 * 1024;

    private EmulatorBench() {
    }

    public static void main(String[] args) throws Exception {
        int sizeMib = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int perStream = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        byte[] body = new byte[sizeMib * 1024 * 1024];
        new Random(1).nextBytes(body);
        System.out.printf("object size %d MiB, %d objects per stream; %d cores, Java %s%n%n", sizeMib, perStream,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.println("| storage | streams | PUT MB/s | GET MB/s |");
        System.out.println("|---|---|---|---|");
        for (String storage : new String[] {"memory", "disk"}) {
            Path data = storage.equals("disk") ? Files.createTempDirectory("emulator-bench-") : null;
            try (OciEmulator emu = OciEmulator.builder().dataDir(data).start()) {
                RawClient client = RawClient.forEmulator(emu);
                String bucket = "/n/" + emu.namespace() + "/b/bench";
                byte[] create = ("{\"name\":\"bench\",\"compartmentId\":\"" + emu.tenancyId() + "\"}").getBytes();
                check(client.send("POST", "/n/" + emu.namespace() + "/b/", create, Map.of()));
                run(client, bucket, body, 1, 1, true); // warm-up
                run(client, bucket, body, 1, 1, false);
                for (int streams : new int[] {1, 4}) {
                    double put = run(client, bucket, body, streams, perStream, true);
                    double get = run(client, bucket, body, streams, perStream, false);
                    System.out.printf("| %s | %d | %.0f | %.0f |%n", storage, streams, put, get);
                }
            } finally {
                if (data != null) {
                    deleteTree(data);
                }
            }
        }
    }

    /** Moves streams * perStream objects and returns MB/s (MiB/s) over the wall time. */
    private static double run(RawClient client, String bucket, byte[] body, int streams, int perStream, boolean put)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(streams);
        try {
            long start = System.nanoTime();
            List<Future<Long>> done = new ArrayList<>();
            for (int s = 0; s < streams; s++) {
                int stream = s;
                done.add(pool.submit(() -> {
                    long bytes = 0;
                    for (int i = 0; i < perStream; i++) {
                        String path = bucket + "/o/s" + stream + "-" + i;
                        bytes += put ? put(client, path, body) : get(client, path);
                    }
                    return bytes;
                }));
            }
            long total = 0;
            for (Future<Long> f : done) {
                total += f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return total / MIB / seconds;
        } finally {
            pool.shutdown();
        }
    }

    private static long put(RawClient client, String path, byte[] body) throws Exception {
        HttpRequest request = client.request("PUT", path, body, Map.of(), ZonedDateTime.now(ZoneOffset.UTC));
        check(client.http().send(request, HttpResponse.BodyHandlers.ofByteArray()));
        return body.length;
    }

    private static long get(RawClient client, String path) throws Exception {
        HttpRequest request = client.request("GET", path, null, Map.of(), ZonedDateTime.now(ZoneOffset.UTC));
        HttpResponse<InputStream> response = client.http().send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
        }
        long bytes = 0;
        byte[] buf = new byte[256 * 1024];
        try (InputStream in = response.body()) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                bytes += n;
            }
        }
        return bytes;
    }

    private static void check(HttpResponse<byte[]> response) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("answered " + response.statusCode() + ": " + new String(response.body()));
        }
    }

    private static void deleteTree(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
