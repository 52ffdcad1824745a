package io.lakeshift.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The machine a benchmark ran on, as a short Markdown block for the top of {@code results.md}: CPU, cores,
 * memory, the disk under {@code target/bench} (type and a quick sequential write and direct read of 256 MiB),
 * kernel, JDK, Maven, rclone and the Hadoop, S3A, Spark and connector versions on the tools' classpaths.
 */
final class MachineFacts {
    private MachineFacts() {}

    static String markdown(Path project, Path work) {
        List<String> lines = new ArrayList<>();
        lines.add("### machine");
        lines.add("");
        lines.add("- measured: " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", load average at start "
                + loadAverage());
        lines.add("- CPU: " + grep("/proc/cpuinfo", "model name") + ", " + Runtime.getRuntime().availableProcessors()
                + " cores visible to the JVM (" + lscpu("Thread(s) per core") + " thread(s) per core, hypervisor "
                + lscpu("Hypervisor vendor") + ")");
        lines.add("- memory: " + memTotal());
        double md5 = md5MegabytesPerSecond();
        lines.add(String.format(Locale.ROOT, "- MD5 (JDK MessageDigest, one thread, 512 MiB after warm-up, per CPU"
                + " second of that thread): %.0f MB/s = %.2f CPU s per GB (one MD5 pass in the CPU goal)", md5,
                1000 / md5));
        lines.add("- disk (" + work + "): " + disk(work));
        lines.add("- OS: " + osName() + ", kernel " + firstLine(List.of("uname", "-r")));
        lines.add("- JDK: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + "; " + firstLine(List.of("mvn", "-v")).replaceAll("\u001b\\[[0-9;]*m", "").replaceAll(" \\(.*", ""));
        lines.add("- rclone: " + firstLine(List.of("rclone", "version")));
        lines.add("- lakeshift's classpath: " + versions(project.resolve("target/bench-classpath.txt"),
                List.of("spark-core_2.12", "hadoop-client-api", "hadoop-aws", "aws-java-sdk-bundle")));
        lines.add("- DistCp's classpath: " + versions(project.resolve("target/peers/hadoop-oci.classpath"),
                List.of("hadoop-client-api", "hadoop-distcp", "hadoop-aws", "oci-hdfs-connector")));
        lines.add("- servers: s3proxy " + pomProperty(project, "s3proxy.version")
                + " (filesystem store, own JVM), lakeshift's OCI emulator (in the harness JVM)");
        lines.add("");
        return String.join("\n", lines) + "\n";
    }

    private static volatile double md5Rate;

    /**
     * This machine's MD5 rate in MB/s (10^6 bytes) per CPU second, measured once per harness run: 512 MiB of random
     * bytes through one MessageDigest after 128 MiB of warm-up, so the JIT has compiled the intrinsic. Timed by the
     * thread's own CPU time, not the wall clock, so other load on a shared machine does not make it look slower.
     */
    static double md5MegabytesPerSecond() {
        if (md5Rate > 0) {
            return md5Rate;
        }
        try {
            byte[] buf = new byte[64 << 20];
            new java.util.SplittableRandom(1).nextBytes(buf);
            java.security.MessageDigest md5 = java.security.MessageDigest.getInstance("MD5");
            for (int i = 0; i < 2; i++) {
                md5.update(buf);
            }
            md5.digest();
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < 8; i++) {
                md5.update(buf);
            }
            md5.digest();
            md5Rate = 8.0 * buf.length / 1e6 / ((threads.getCurrentThreadCpuTime() - start) / 1e9);
            return md5Rate;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String loadAverage() {
        String[] f = read("/proc/loadavg").split(" ");
        return f.length >= 3 ? f[0] + " " + f[1] + " " + f[2] : "?";
    }

    private static String memTotal() {
        String kb = grep("/proc/meminfo", "MemTotal").replaceAll("[^0-9]", "");
        return kb.isEmpty() ? "?" : String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(kb) / 1048576.0);
    }

    private static String osName() {
        for (String line : read("/etc/os-release").split("\n")) {
            if (line.startsWith("PRETTY_NAME=")) {
                return line.substring(12).replace("\"", "");
            }
        }
        return "?";
    }

    /** File system type, block device with its rotational flag and model, and a quick dd write and direct read. */
    private static String disk(Path work) {
        StringBuilder sb = new StringBuilder();
        try {
            Files.createDirectories(work);
            String[] df = lastLine(run(List.of("df", "-PT", work.toString()))).split("\\s+");
            sb.append(df.length > 1 ? df[1] + " on " + df[0] : "?");
            String dev = df[0].replaceFirst("^/dev/", "").replaceFirst("p?\\d+$", "");
            String lsblk = run(List.of("lsblk", "-dno", "ROTA,SIZE,MODEL", "/dev/" + dev)).trim();
            if (!lsblk.isEmpty()) {
                String[] f = lsblk.split("\\s+", 3);
                sb.append(" (").append(f[1]).append(", rotational=").append(f[0])
                        .append(f.length > 2 && !f[2].isBlank() ? ", " + f[2].trim() : "").append(')');
            }
            Path probe = work.resolve("disk-probe.bin");
            String write = run(List.of("dd", "if=/dev/zero", "of=" + probe, "bs=1M", "count=256", "conv=fdatasync"));
            String read = run(List.of("dd", "if=" + probe, "of=/dev/null", "bs=1M", "iflag=direct"));
            Files.deleteIfExists(probe);
            sb.append("; dd 256 MiB: write+fdatasync ").append(rate(write)).append(", direct read ").append(rate(read));
        } catch (IOException | RuntimeException e) {
            sb.append(" (not measured: ").append(e.getMessage()).append(')');
        }
        return sb.toString();
    }

    private static String rate(String ddOutput) {
        String last = lastLine(ddOutput);
        int comma = last.lastIndexOf(',');
        return comma > 0 ? last.substring(comma + 1).trim() : "?";
    }

    private static String versions(Path classpathFile, List<String> artifacts) {
        if (!Files.exists(classpathFile)) {
            return "(not resolved)";
        }
        String cp = read(classpathFile.toString());
        List<String> found = new ArrayList<>();
        for (String artifact : artifacts) {
            for (String entry : cp.split(":")) {
                String file = Path.of(entry.trim()).getFileName().toString();
                if (file.startsWith(artifact + "-") && file.endsWith(".jar")
                        && Character.isDigit(file.charAt(artifact.length() + 1))) {
                    found.add(artifact + " " + file.substring(artifact.length() + 1, file.length() - 4));
                    break;
                }
            }
        }
        return String.join(", ", found);
    }

    private static String pomProperty(Path project, String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)<").matcher(read(project.resolve("pom.xml").toString()));
        return m.find() ? m.group(1) : "?";
    }

    private static String grep(String file, String key) {
        for (String line : read(file).split("\n")) {
            if (line.startsWith(key)) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return "?";
    }

    private static String lscpu(String key) {
        for (String line : run(List.of("lscpu")).split("\n")) {
            if (line.startsWith(key + ":")) {
                return line.substring(key.length() + 1).trim();
            }
        }
        return "?";
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    static String firstLine(List<String> command) {
        String out = run(command).strip();
        int nl = out.indexOf('\n');
        return out.isEmpty() ? "(not found)" : nl < 0 ? out : out.substring(0, nl);
    }

    private static String lastLine(String s) {
        String[] lines = s.strip().split("\n");
        return lines[lines.length - 1];
    }

    /** stdout and stderr of a short command, or "" if it cannot run. */
    private static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
