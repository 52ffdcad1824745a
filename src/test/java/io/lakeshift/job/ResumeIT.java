package io.lakeshift.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.emulator.FaultPolicy;
import io.lakeshift.log.MigrationRecord;
import io.lakeshift.log.RunSummary;
import io.lakeshift.log.Status;
import io.lakeshift.testing.ChildJvm;
import io.lakeshift.testing.EmulatorFixture;
import io.lakeshift.testing.JobRuns;
import io.lakeshift.testing.Lakes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed at any point (kill -9 of its JVM, mid-upload) and run again with the same arguments ends with every
 * file present once, byte-identical, and no multipart upload left open: the kill's upload continued from its parts
 * (part-level resume) or aborted.
 */
class ResumeIT {
    @TempDir
    Path dir;

    @Test
    void aRunKilledMidwayAndRunAgainEndsComplete() throws Exception {
        AtomicBoolean slow = new AtomicBoolean(true);
        FaultPolicy slowParts = request -> {
            if (slow.get() && request.operation().equals("UploadPart")) {
                try {
                    Thread.sleep(400);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return false;
        };
        try (EmulatorFixture oci = new EmulatorFixture(slowParts)) {
            oci.createBucket("resume");
            Path lake = dir.resolve("lake");
            Map<String, Path> files = new TreeMap<>();
            for (int i = 0; i < 40; i++) {
                files.put("small/s-" + i + ".bin", Lakes.write(lake, "small/s-" + i + ".bin", 5000 + i, i));
            }
            for (int i = 0; i < 4; i++) {
                files.put("big/b-" + i + ".bin", Lakes.write(lake, "big/b-" + i + ".bin", 6 << 20, 100 + i));
            }
            String target = "oci://resume@" + oci.namespace() + "/";
            List<String> args = new ArrayList<>(List.of("migrate", "--source", lake.toUri().toString(),
                    "--target", target, "--multipart-threshold", "1MiB", "--part-size", "1MiB",
                    "--parallel-parts", "1", "--run-id", "resume-1", "--master", "local[2]",
                    "--progress-interval", "0"));
            args.addAll(oci.ociArgs());

            Process child = startChild(args);
            try {
                waitForMidway(oci, child);
            } finally {
                child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            assertTrue(oci.openUploads("resume").size() >= 1, "the kill left an unfinished upload");
            int landedBefore = oci.list("resume", "big/").size() + oci.list("resume", "small/").size();
            assertTrue(landedBefore < files.size(), "killed before the end");

            slow.set(false);
            RunSummary again = new JobRuns(oci).run(args.subList(1, args.size()).toArray(String[]::new));
            assertEquals(0, again.failedCount());
            assertTrue(oci.openUploads("resume").isEmpty(), "no multipart upload left open");
            List<String> objects = new ArrayList<>(oci.list("resume", "big/"));
            objects.addAll(oci.list("resume", "small/"));
            assertEquals(files.size(), objects.size(), "every file present once");
            for (Map.Entry<String, Path> f : files.entrySet()) {
                assertEquals(Lakes.sha256(f.getValue()), Lakes.sha256(oci.get("resume", f.getKey())), f.getKey());
            }
            Map<String, MigrationRecord> log = new JobRuns(oci).log("resume", "resume-1");
            assertEquals(files.keySet(), log.keySet(), "one record per file in the run's log");
            long resumed = log.values().stream()
                    .filter(r -> r.note() != null && r.note().contains("resumed an open upload")).count();
            long abortedByTask = log.values().stream()
                    .filter(r -> r.note() != null && r.note().contains("could not be resumed")).count();
            // The kill's upload is continued (it carries the file's marker), or aborted if the kill came before
            // the marker landed: by the file's task when it finds it, or at the end of the run.
            assertTrue(resumed + abortedByTask + again.abortedUploads() >= 1,
                    "the leftover upload was resumed or aborted");
            long equal = log.values().stream().filter(r -> r.status() == Status.EQUAL).count();
            assertTrue(equal >= 1, "what the killed run had finished was not sent again");
            log.values().forEach(r -> assertTrue(r.status().targetVerified(), r.toString()));
        }
    }

    private static Process startChild(List<String> args) throws Exception {
        List<String> command = ChildJvm.java();
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.lakeshift.cli.Main"));
        command.addAll(args);
        Path log = Files.createTempFile("resume-child", ".log");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Until some files have landed and a multipart upload is under way. */
    private static void waitForMidway(EmulatorFixture oci, Process child) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            assertTrue(child.isAlive(), "the run ended before it could be killed");
            int landed = oci.list("resume", "small/").size();
            if (landed >= 5 && !oci.openUploads("resume").isEmpty()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the run never got midway");
    }
}
