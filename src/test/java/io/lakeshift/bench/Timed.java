package io.lakeshift.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a benchmarked tool as a child process under GNU {@code /usr/bin/time -v} and reads what time measured. */
final class Timed {
    private Timed() {}

    /**
     * @param exit the tool's exit code, or -1 if it timed out or never started
     * @param wall wall-clock seconds, CPU seconds (user + system) and peak RSS of the tool (its children included)
     * @param launchNanos System.nanoTime just before the process was started, for start-up events
     */
    record Result(int exit, double wall, double cpu, long rssKiB, String problem, long launchNanos) {
        boolean finished() {
            return problem == null;
        }
    }

    /**
     * Runs {@code command} in {@code dir}, output to {@code log}, with {@code unset} taken from this process's
     * environment and then {@code env} added; kills it (and its children) after {@code timeoutMinutes}.
     */
    static Result run(List<String> command, Path dir, Path log, Path timeFile, Map<String, String> env,
            List<String> unset, long timeoutMinutes) throws IOException, InterruptedException {
        return run(command, dir, log, timeFile, env, unset, timeoutMinutes, null);
    }

    /** Something that watches a running tool (its process under time, and its output file) from another thread. */
    interface Watcher {
        void watch(Process timeProcess, Path log) throws Exception;
    }

    /** As above, with {@code watcher} (if not null) run on its own thread while the tool runs. */
    static Result run(List<String> command, Path dir, Path log, Path timeFile, Map<String, String> env,
            List<String> unset, long timeoutMinutes, Watcher watcher) throws IOException, InterruptedException {
        Files.deleteIfExists(timeFile);
        List<String> full = new ArrayList<>(List.of("/usr/bin/time", "-v", "-o", timeFile.toString()));
        full.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        unset.forEach(pb.environment()::remove);
        pb.environment().putAll(env);
        long launch = System.nanoTime();
        Process p = pb.start();
        Thread watching = null;
        if (watcher != null) {
            watching = new Thread(() -> {
                try {
                    watcher.watch(p, log);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Exception e) {
                    System.out.println("  watcher: " + e);
                }
            }, "watcher");
            watching.setDaemon(true);
            watching.start();
        }
        boolean finished = p.waitFor(timeoutMinutes, TimeUnit.MINUTES);
        if (watching != null) {
            watching.interrupt();
            watching.join(10_000);
        }
        if (!finished) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
            return new Result(-1, Double.NaN, Double.NaN, 0, "timed out after " + timeoutMinutes + " min",
                    launch);
        }
        if (!Files.exists(timeFile)) {
            return new Result(p.exitValue(), Double.NaN, Double.NaN, 0, "no output from /usr/bin/time", launch);
        }
        Map<String, String> t = parse(timeFile);
        try {
            double wall = elapsed(t.get("Elapsed (wall clock) time (h:mm:ss or m:ss)"));
            double cpu = Double.parseDouble(t.get("User time (seconds)"))
                    + Double.parseDouble(t.get("System time (seconds)"));
            long rss = Long.parseLong(t.get("Maximum resident set size (kbytes)"));
            return new Result(p.exitValue(), wall, cpu, rss, null, launch);
        } catch (RuntimeException e) {
            return new Result(p.exitValue(), Double.NaN, Double.NaN, 0, "unreadable " + timeFile + ": " + e, launch);
        }
    }

    private static Map<String, String> parse(Path file) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            int i = line.lastIndexOf(": ");
            if (i > 0) {
                m.put(line.substring(0, i).trim(), line.substring(i + 2).trim());
            }
        }
        return m;
    }

    private static double elapsed(String s) {
        double total = 0;
        for (String part : s.split(":")) {
            total = total * 60 + Double.parseDouble(part);
        }
        return total;
    }

    /** The median of the values (NaN for none). */
    static double median(double[] values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
