package io.lakeshift.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * conf/jvm.options, which bin/lakeshift starts lakeshift with: the JVM running the tests accepts every option and
 * reports it as set from the command line ({@code -XX:+PrintFlagsFinal}), so a mistyped or retired flag, which
 * the JVM refuses at start, fails here and not in a user's first run.
 */
class JvmOptionsTest {
    private static final Pattern FLAG = Pattern.compile("-XX:([A-Za-z0-9]+)=(\\S+)");

    @Test
    void everyOptionIsAcceptedAndTakenFromTheCommandLine() throws Exception {
        // Read as the bench reads it for the lakeshift it races (bin/lakeshift reads it the same way, in bash).
        List<String> options = MigrationBench.jvmOptions(Path.of(System.getProperty("basedir", ".")));
        assertFalse(options.isEmpty(), "conf/jvm.options holds no option");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(options);
        command.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        for (String option : options) {
            Matcher m = FLAG.matcher(option);
            assertTrue(m.matches(), "not an -XX:Name=value option: " + option);
            Pattern set = Pattern.compile("\\b" + m.group(1) + "\\s+= " + Pattern.quote(m.group(2))
                    + "\\s+\\{[^}]*\\} \\{command line\\}");
            assertTrue(set.matcher(out).find(), option + " is not in effect: " + out.lines()
                    .filter(l -> l.contains(m.group(1))).toList());
        }
    }
}
