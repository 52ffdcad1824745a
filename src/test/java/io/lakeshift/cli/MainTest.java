package io.lakeshift.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.config.Option;
import io.lakeshift.config.RunIds;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out), new PrintStream(err));
    }

    /** The option rows of a help text: option name to its Default line's value (null when it has none). */
    static Map<String, String> optionRows(String help) {
        Map<String, String> rows = new LinkedHashMap<>();
        List<String> lines = help.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = Pattern.compile("^  --([a-z0-9-]+)").matcher(lines.get(i));
            if (m.find()) {
                assertFalse(rows.containsKey(m.group(1)), "listed twice: " + m.group(1));
                String next = i + 1 < lines.size() ? lines.get(i + 1) : "";
                Matcher d = Pattern.compile("^ {20,}Default: (.*?)(?: \\(allowed: .*\\))?$").matcher(next);
                rows.put(m.group(1), d.matches() ? d.group(1) : null);
            }
        }
        return rows;
    }

    /** The help lists exactly these options, each as written, with its default exactly when it has one. */
    private static void assertDocuments(String help, List<Option> options) {
        assertFalse(Pattern.compile("(?m)Default:\\s*$").matcher(help).find(), "an empty Default: line\n" + help);
        Map<String, String> rows = optionRows(help);
        Map<String, String> expected = new LinkedHashMap<>();
        for (Option o : options) {
            expected.put(o.key(), o.isFlag() ? null : o.defaultValue());
            assertTrue(help.contains("\n  " + o.usage() + " "), o.usage());
        }
        assertEquals(expected, rows);
    }

    @Test
    void migrateHelpExplainsEveryOptionWithItsDefault() {
        assertEquals(Main.OK, run("migrate", "--help"));
        String help = out.toString(StandardCharsets.UTF_8);
        assertDocuments(help, List.of(Option.values()));
        assertTrue(help.contains("  --parallel-parts N"), help);
        assertTrue(help.contains("Default: 4 (allowed: from 1 to 64)"), help);
        assertTrue(help.contains("the start time in UTC, " + RunIds.PATTERN), help);
    }

    @Test
    void planStatusAndReportHelpListTheirOptionsFromTheSchema() {
        assertEquals(Main.OK, run("plan", "--help"));
        assertDocuments(out.toString(StandardCharsets.UTF_8), List.of(Option.values()));
        out.reset();
        assertEquals(Main.OK, run("status", "--help"));
        String status = out.toString(StandardCharsets.UTF_8);
        assertDocuments(status, Help.STATUS_OPTIONS);
        assertTrue(status.contains("  --run-id ID "), status);
        out.reset();
        assertEquals(Main.OK, run("report", "--help"));
        assertDocuments(out.toString(StandardCharsets.UTF_8), Help.LOG_OPTIONS);
    }

    @Test
    void checkHelpListsItsOptionsAndExitCodes() {
        assertEquals(Main.OK, run("check", "--help"));
        String help = out.toString(StandardCharsets.UTF_8);
        assertDocuments(help, Help.CHECK_OPTIONS);
        assertTrue(Help.CHECK_OPTIONS.contains(Option.DOWNLOAD) && Help.CHECK_OPTIONS.contains(Option.INCLUDE));
        assertFalse(Help.CHECK_OPTIONS.contains(Option.MODE));
        assertTrue(help.contains("0 everything matches; 1 something does not"), help);
        out.reset();
        assertEquals(Main.OK, run("help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("  check  "), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void checkRefusesABadDownloadValueNamingIt() {
        assertEquals(Main.USAGE, run("check", "--source", "file:///tmp/a/", "--target", "file:///tmp/b/",
                "--download=maybe"));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("--download") && e.lines().count() == 1, e);
    }

    @Test
    void demoHelpListsTheDemosOptionsWithTheirDefaults() {
        assertEquals(Main.OK, run("demo", "--help"));
        String help = out.toString(StandardCharsets.UTF_8);
        Map<String, String> expected = new LinkedHashMap<>();
        for (Demo.Arg a : Demo.Arg.values()) {
            expected.put(a.key(), a.defaultValue());
        }
        assertEquals(expected, optionRows(help));
        assertEquals(Long.parseLong(optionRows(help).get("rows")), Demo.rows(Map.of()), "the default it runs with");
    }

    private int runWithoutEnvironment(String... args) {
        return Main.run(args, Map.of(), new PrintStream(out), new PrintStream(err));
    }

    @Test
    void badDemoAndStatusOptionsAreOneLineInTheSameForm() {
        assertEquals(Main.USAGE, runWithoutEnvironment("demo", "--rowz", "5"));
        assertEquals(Main.USAGE, runWithoutEnvironment("demo", "--rows", "many"));
        assertEquals(Main.USAGE, runWithoutEnvironment("demo", "--dir"));
        assertEquals(Main.USAGE, runWithoutEnvironment("status", "--log", "file:///nowhere/"));
        assertEquals(Main.USAGE, runWithoutEnvironment("report"));
        assertEquals(List.of("lakeshift: --rowz: unknown demo option; did you mean --rows?",
                "lakeshift: --rows: 'many' is not a whole number of 1 or more; give --rows N, e.g. 1000000",
                "lakeshift: --dir: needs a value; give --dir DIR",
                "lakeshift: --run-id: not set, but status needs it; give --run-id ID (see 'lakeshift report' for the"
                        + " runs)",
                "lakeshift: --log: not set, nor --target; give --log URI (where the runs were logged) or --target"
                        + " oci://bucket@namespace/ (their default log)"),
                err.toString(StandardCharsets.UTF_8).lines().toList());
    }

    @Test
    void theOldValueSpellingOfAFlagWarnsOnceOnStderr() {
        assertEquals(Main.USAGE, runWithoutEnvironment("migrate", "--s3-path-style", "true", "--source",
                "file:///x", "--target", "oci://b@n/", "--oci-config", "/nonexistent/oci/config"));
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(2, lines.size(), lines.toString());
        assertEquals("lakeshift: warning: --s3-path-style true is an old spelling: --s3-path-style is a flag now;"
                + " write --s3-path-style to turn it on, or leave it out (or --s3-path-style=false)", lines.get(0));
        assertTrue(lines.get(1).contains("(--oci-config)"), lines.get(1));
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
        assertEquals("lakeshift: --partitons: unknown option; did you mean --partitions?\n",
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
