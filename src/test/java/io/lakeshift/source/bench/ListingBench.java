package io.lakeshift.source.bench;

import com.amazonaws.services.s3.AmazonS3;
import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import io.lakeshift.config.ConfigLoader;
import io.lakeshift.config.OciSettings;
import io.lakeshift.model.OciLocation;
import io.lakeshift.plan.Planner;
import io.lakeshift.plan.SkipRules;
import io.lakeshift.source.Source;
import io.lakeshift.source.Sources;
import io.lakeshift.testing.AzuriteServer;
import io.lakeshift.testing.S3ProxyServer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Lists N small objects from the local file system, s3proxy and Azurite (all on 127.0.0.1) through lakeshift's
 * sources into the {@link Planner}, as the driver does, and reports the listing time and the driver's heap growth
 * per object (heap used after a full GC, before and after, with the plan still held). Not a test: run it with
 * bench/sources/run.sh [objects, default 100000] [stores, default local,s3,adls].
 */
public final class ListingBench {
    private static final int UPLOAD_THREADS = 16;

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        List<String> stores = List.of((args.length > 1 ? args[1] : "local,s3,adls").split(","));
        System.out.printf("objects: %,d; JVM: %s, max heap %d MiB, %d cores%n", n, System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        System.out.println("store | upload (s) | listing (s) | objects/s | heap growth (bytes/object)");
        for (String store : stores) {
            switch (store) {
                case "local" -> local(n);
                case "s3" -> s3(n);
                case "adls" -> adls(n);
                default -> throw new IllegalArgumentException("unknown store " + store);
            }
        }
    }

    private static String name(int i) {
        return String.format("year=%d/month=%02d/part-%07d.parquet", 2000 + i % 20, i % 12 + 1, i);
    }

    private static void local(int n) throws Exception {
        Path root = Files.createTempDirectory("listing-bench");
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            Path f = root.resolve(name(i));
            Files.createDirectories(f.getParent());
            Files.write(f, new byte[10]);
        }
        double upload = (System.nanoTime() - t0) / 1e9;
        measure("local", upload, n, sources(root.toUri().toString(), List.of()));
    }

    private static void s3(int n) throws Exception {
        try (S3ProxyServer s3 = S3ProxyServer.start()) {
            AmazonS3 client = s3.client();
            client.createBucket("bench");
            double upload = parallel(n, i -> client.putObject("bench", "lake/" + name(i), "0123456789"));
            measure("s3 (s3proxy, S3A)", upload, n, sources("s3a://bench/lake", s3.s3Args()));
            client.shutdown();
        }
    }

    private static void adls(int n) throws Exception {
        try (AzuriteServer azurite = AzuriteServer.start()) {
            BlobContainerClient container = azurite.client().createBlobContainer("bench");
            BinaryData data = BinaryData.fromString("0123456789");
            double upload = parallel(n, i -> container.getBlobClient("lake/" + name(i)).upload(data, true));
            measure("adls (Azurite, native)", upload, n, sources(AzuriteServer.uri("bench", "lake"),
                    azurite.azureArgs()));
        }
    }

    private static Source sources(String root, List<String> options) throws Exception {
        List<String> args = new ArrayList<>(List.of("--source", root, "--target", "oci://b@ns/"));
        args.addAll(options);
        return Sources.open(root, ConfigLoader.load(args).sources(),
                new OciSettings(io.lakeshift.config.OciAuth.CONFIG, "none", "DEFAULT", null, null), new HashMap<>());
    }

    interface Task {
        void run(int i) throws Exception;
    }

    private static double parallel(int n, Task task) throws Exception {
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(UPLOAD_THREADS);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < UPLOAD_THREADS; t++) {
            int first = t;
            futures.add(pool.submit(() -> {
                for (int i = first; i < n; i += UPLOAD_THREADS) {
                    task.run(i);
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void measure(String store, double upload, int n, Source source) throws Exception {
        // A warm-up listing, so class loading and client set-up are not counted as per-object growth.
        source.list(f -> { });
        long before = usedAfterGc();
        Planner planner = new Planner(OciLocation.parse("oci://bench@ns/"), new SkipRules(List.of()));
        long t0 = System.nanoTime();
        source.list(planner::add);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long after = usedAfterGc();
        var plan = planner.finish(0, 2);
        if (plan.fileCount() != n) {
            throw new IllegalStateException(store + ": listed " + plan.fileCount() + " of " + n);
        }
        System.out.printf("%s | %.1f | %.1f | %,.0f | %,d%n", store, upload, seconds, n / seconds,
                (after - before) / n);
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
