package io.lakeshift.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The emulator's help is its option table: every option, as written, with its default exactly when it has one. */
class EmulatorMainTest {
    @Test
    void helpListsEveryOptionWithItsDefault() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, EmulatorMain.run(new String[] {"--help"}, new PrintStream(out), new PrintStream(out)));
        String help = out.toString(StandardCharsets.UTF_8);
        assertFalse(Pattern.compile("(?m)Default:\\s*$").matcher(help).find(), help);
        Map<String, String> rows = new LinkedHashMap<>();
        List<String> lines = help.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = Pattern.compile("^  (--[a-z0-9-]+(?: [A-Z]+)?) ").matcher(lines.get(i));
            if (m.find()) {
                Matcher d = Pattern.compile("^ {20,}Default: (.*)$").matcher(i + 1 < lines.size() ? lines.get(i + 1)
                        : "");
                rows.put(m.group(1), d.matches() ? d.group(1) : null);
            }
        }
        Map<String, String> expected = new LinkedHashMap<>();
        for (EmulatorMain.Arg a : EmulatorMain.Arg.values()) {
            expected.put(a.usage(), a.defaultValue);
        }
        assertEquals(expected, rows);
    }

    @Test
    void badOptionsAreOneLineNamingTheOption() {
        for (String[] args : new String[][] {{"--bogus"}, {"--port", "x"}, {"--host"}, {"--restore-delay", "-1"}}) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            assertEquals(2, EmulatorMain.run(args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err)));
            List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
            assertEquals(1, lines.size(), lines.toString());
            assertEquals(true, lines.get(0).startsWith("lakeshift emulator: " + args[0] + ": "), lines.get(0));
        }
    }
}
