package io.lakeshift.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.lakeshift.cli.Main;
import io.lakeshift.testing.EmulatorFixture;
import io.lakeshift.testing.Lakes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** Helpers of the end-to-end tests: a sample lake, a run of the CLI, what landed in the OCI emulator. */
final class StoreMigration {
    private StoreMigration() {}

    /** A small lake: partition folders, odd names, an empty file, one file sent as a 3-part multipart upload. */
    static Map<String, byte[]> sampleLake() {
        Map<String, byte[]> files = new TreeMap<>();
        files.put("big/multipart.bin", bytes((int) (2.5 * (1 << 20)), 1));
        files.put("empty/zero.bin", new byte[0]);
        files.put("with space/a b.txt", bytes(321, 2));
        files.put("unicode/données-日本.bin", bytes(2048, 3));
        for (int i = 0; i < 30; i++) {
            files.put(String.format("year=2024/month=%02d/part-%04d.bin", i % 12 + 1, i), bytes(100 + i * 13, i));
        }
        return files;
    }

    static byte[] bytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    record Result(int code, String out, String err) {}

    static Result migrate(EmulatorFixture oci, String source, String target, List<String> more) {
        List<String> args = new ArrayList<>(List.of("migrate", "--source", source, "--target", target,
                "--multipart-threshold", "1MiB", "--part-size", "1MiB", "--progress-interval", "0"));
        args.addAll(more);
        args.addAll(oci.ociArgs());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Every file arrived with its bytes, and nothing else did. */
    static void assertLanded(EmulatorFixture oci, String bucket, String prefix, Map<String, byte[]> files)
            throws Exception {
        List<String> expected = files.keySet().stream().map(k -> prefix + k).sorted().toList();
        assertEquals(expected, oci.list(bucket, prefix).stream().filter(n -> !n.startsWith("_lakeshift/")).sorted()
                .toList());
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            assertEquals(Lakes.sha256(f.getValue()), Lakes.sha256(oci.get(bucket, prefix + f.getKey())), f.getKey());
        }
    }

    /** No log line and no summary of the bucket holds the secret. */
    static void assertLogsHoldNo(EmulatorFixture oci, String bucket, String secret) throws Exception {
        for (String name : oci.list(bucket, "_lakeshift/")) {
            String text = new String(oci.get(bucket, name), StandardCharsets.UTF_8);
            assertFalse(text.contains(secret), name + " holds the secret");
        }
    }

    /** A run refused at the start: exit 3, one line on stderr, no stack trace, no secret. */
    static String assertRefusedInOneLine(Result r, String secret) {
        assertEquals(Main.CANNOT_RUN, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
        assertFalse(r.err().contains(secret) || r.out().contains(secret), "the secret was printed");
        return r.err().strip();
    }
}
