package io.lakeshift.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.config.Option;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out), new PrintStream(err));
    }

    @Test
    void migrateHelpExplainsEveryOptionWithItsDefault() {
        assertEquals(Main.OK, run("migrate", "--help"));
        String help = out.toString(StandardCharsets.UTF_8);
        for (Option o : Option.values()) {
            assertTrue(help.contains("--" + (o.isFlag() ? o.key() : o.key() + " " + o.valueName())), o.key());
            if (o.defaultValue() != null) {
                assertTrue(help.contains("Default: " + o.defaultValue()), o.key());
            }
        }
    }

    @Test
    void noArgumentsPrintsUsageAndFails() {
        assertEquals(Main.USAGE, run());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Usage: lakeshift <command>"));
    }

    @Test
    void unknownCommandSuggestsTheClosest() {
        assertEquals(Main.USAGE, run("migrat", "--source", "x"));
        assertEquals("lakeshift: unknown command 'migrat'; did you mean 'migrate'?\n",
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void badOptionIsOneLineAndUsageExitCode() {
        assertEquals(Main.USAGE, run("migrate", "--source", "file:///x", "--target", "oci://b@n/", "--partitons", "4"));
        assertEquals("lakeshift: unknown option --partitons; did you mean --partitions?\n",
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void missingOciConfigNamesTheFileAndTheWayOutBeforeSparkStarts() {
        assertEquals(Main.USAGE, run("migrate", "--source", "file:///x", "--target", "oci://b@n/",
                "--oci-config", "/nonexistent/oci/config"));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.startsWith("lakeshift: OCI config file /nonexistent/oci/config does not exist or cannot be read"
                + " (--oci-config)"), e);
        assertEquals(1, e.strip().lines().count(), e);
    }
}
