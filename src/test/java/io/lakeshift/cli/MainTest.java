package io.lakeshift.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.config.Option;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        Map<Option, List<String>> entries = entries(help);
        for (Option o : Option.values()) {
            String usage = "--" + (o.isFlag() ? o.key() : o.key() + " " + o.valueName());
            assertTrue(help.contains(usage), o.key());
            List<String> entry = entries.get(o);
            assertTrue(entry != null && entry.get(0).trim().startsWith(usage + " "), "an entry of its own: " + usage);
            List<String> defaults = entry.stream().map(String::trim).filter(l -> l.startsWith("Default:"))
                    .map(l -> l.substring("Default:".length()).trim()).filter(d -> !d.isEmpty()).toList();
            String d = o.defaultValue();
            if (d != null && !d.isEmpty()) {
                assertEquals(List.of(d), defaults, "the default in " + usage + "'s own entry");
            } else {
                // Empty "Default:" lines (the option schema's work) are tolerated; a value shown there is not.
                assertEquals(List.of(), defaults, usage + " has no default, so its entry shows none");
            }
        }
        assertEquals(Option.values().length, entries.size(), "one entry per option");
    }

    /** The option list of a help text, cut into each option's lines: its "  --key" line and the indented rest. */
    private static Map<Option, List<String>> entries(String help) {
        Map<Option, List<String>> entries = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : help.lines().toList()) {
            if (line.startsWith("  --")) {
                String key = line.substring(4).split(" ", 2)[0];
                Option o = Option.byKey(key).orElseThrow(() -> new AssertionError("not an option: " + line));
                current = new ArrayList<>();
                assertEquals(null, entries.put(o, current), "listed twice: " + key);
                current.add(line);
            } else if (current != null && line.startsWith("   ")) {
                current.add(line);
            } else {
                current = null;
            }
        }
        return entries;
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
