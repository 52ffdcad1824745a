package io.lakeshift.testing;

import io.lakeshift.emulator.OciEmulator;
import io.lakeshift.emulator.s3.S3Credentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The S3 command-line tools (Debian's rclone and awscli) pointed at an emulator's Amazon S3 Compatibility API.
 * Without a tool a test skips saying which package to install, unless LAKESHIFT_REQUIRE_TOOLS=1 (CI) makes it fail.
 */
public final class S3Tools {
    private S3Tools() {
    }

    /** The tool's path: the Debian package's first, then the PATH's. Skips (or fails, in CI) when it is missing. */
    public static Path require(String tool, String debianPackage) {
        Path debian = Path.of("/usr/bin", tool);
        Path found = Files.isExecutable(debian) ? debian : onPath(tool);
        if (found == null) {
            String message = tool + " is not installed: apt-get install -y " + debianPackage
                    + " (set LAKESHIFT_REQUIRE_TOOLS=1 to fail instead of skipping)";
            if ("1".equals(System.getenv("LAKESHIFT_REQUIRE_TOOLS"))) {
                throw new AssertionError(message);
            }
            Assumptions.abort(message);
        }
        return found;
    }

    /**
     * Every distinct installation of the tool, Debian's first, then the PATH's (e.g. a pyenv AWS CLI beside
     * Debian's), so a test can run each; skips (or fails, in CI) as {@link #require} when there is none.
     */
    public static List<Path> all(String tool, String debianPackage) {
        List<Path> found = new ArrayList<>();
        found.add(require(tool, debianPackage));
        String path = System.getenv("PATH");
        for (String dir : path == null ? new String[0] : path.split(":")) {
            Path p = Path.of(dir, tool);
            if (Files.isExecutable(p) && found.stream().noneMatch(f -> same(f, p))) {
                found.add(p);
            }
        }
        return found;
    }

    private static boolean same(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static Path onPath(String tool) {
        String path = System.getenv("PATH");
        for (String dir : path == null ? new String[0] : path.split(":")) {
            Path p = Path.of(dir, tool);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /**
     * The environment for the AWS CLI: the emulator's credentials file and region, nothing of the machine's, and
     * checksums only where an operation needs one. Since AWS CLI 1.37 / 2.23 (January 2025) the CLI adds a CRC32
     * to every upload ("when_supported"), which OCI's S3 Compatibility API refuses (it keeps CRC32C and SHA256), and
     * over https sends it as an aws-chunked trailer, which OCI refuses too; AWS's own advice for stores without the
     * new checksums is {@code when_required} (AWS SDKs and Tools Reference Guide, "Data integrity protections for
     * Amazon S3", settings request_checksum_calculation / response_checksum_validation, read 2026-12-02). Older
     * CLIs (Debian's 2.9) do not know the variables and send no checksum anyway. See docs/emulator.md, "Checksums".
     */
    public static Map<String, String> awsEnvironment(OciEmulator emu) {
        return Map.of("AWS_SHARED_CREDENTIALS_FILE", emu.configDir().resolve(S3Credentials.FILE).toString(),
                "AWS_CONFIG_FILE", emu.configDir().resolve("aws-config-none").toString(),
                "AWS_DEFAULT_REGION", emu.region(), "AWS_EC2_METADATA_DISABLED", "true", "AWS_PAGER", "",
                "AWS_REQUEST_CHECKSUM_CALCULATION", "when_required",
                "AWS_RESPONSE_CHECKSUM_VALIDATION", "when_required");
    }

    /**
     * rclone's S3 backend as a remote named "emu" in the environment, set up the way OCI's documentation has rclone
     * users set it: provider Other, the compat endpoint, the customer secret key, the region, path-style.
     */
    public static Map<String, String> rcloneEnvironment(OciEmulator emu) {
        S3Credentials c = emu.s3Credentials();
        return Map.of("RCLONE_CONFIG", emu.configDir().resolve("rclone-none.conf").toString(),
                "RCLONE_CONFIG_EMU_TYPE", "s3", "RCLONE_CONFIG_EMU_PROVIDER", "Other",
                "RCLONE_CONFIG_EMU_ENDPOINT", emu.s3Endpoint(), "RCLONE_CONFIG_EMU_REGION", emu.region(),
                "RCLONE_CONFIG_EMU_ACCESS_KEY_ID", c.accessKey(), "RCLONE_CONFIG_EMU_SECRET_ACCESS_KEY", c.secretKey(),
                "RCLONE_CONFIG_EMU_FORCE_PATH_STYLE", "true");
    }

    /** Runs a command with these variables added (CA-bundle variables of the machine removed); its output. */
    public static String run(Map<String, String> env, Path dir, String... command) throws IOException,
            InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        // A CA bundle variable makes the AWS SDK for Go (rclone) refuse a plain-http transport.
        List<String> drop = new ArrayList<>();
        pb.environment().keySet().stream().filter(k -> k.startsWith("AWS_") || k.startsWith("RCLONE_"))
                .forEach(drop::add);
        drop.forEach(pb.environment()::remove);
        pb.environment().putAll(env);
        Path out = Files.createTempFile(dir, "tool-", ".out");
        pb.redirectOutput(out.toFile());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + ": no end after 120 s; output:\n"
                    + Files.readString(out, StandardCharsets.UTF_8));
        }
        String output = Files.readString(out, StandardCharsets.UTF_8);
        Files.delete(out);
        if (p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + ": exit " + p.exitValue() + "\n" + output);
        }
        return output;
    }
}
