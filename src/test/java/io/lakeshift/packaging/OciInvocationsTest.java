package io.lakeshift.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code oci} invocation written in packaging/ (scripts, crontab, READMEs) and in docs/ (shell code blocks of
 * every .md, fenced or indented) is one the real OCI CLI accepts: its command exists, it uses only options that
 * command or the CLI itself has, with allowed values, and gives every required option (on the line or in its
 * --from-json file). The oracle is oci-cli 3.89.3's own command tree, {@code oracles/oci-cli-options.tsv}, applied
 * by the stand-in {@code fake_oci.py}. Values that are shell variables ($x) are not checked against allowed values.
 */
class OciInvocationsTest {
    private static final Set<String> SHELL_FENCES = Set.of("", "bash", "sh", "shell", "console");
    private static final Pattern FENCE = Pattern.compile("(?m)^```([A-Za-z]*)[^\\n]*\\n(.*?)^```", Pattern.DOTALL);
    private static final Pattern INDENTED = Pattern.compile("(?m)^(?: {4}|\\t)(oci .*(?:\\\\\\n(?: {4}|\\t).*)*)$");

    /** An oci invocation: where it is written, its arguments (after "oci"), whether its command is not known. */
    record Invocation(String where, List<String> args, boolean opaque) {}

    static List<Invocation> invocations() throws Exception {
        List<Invocation> found = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> p = Stream.concat(Files.walk(Path.of("packaging")), Files.walk(Path.of("docs")))) {
            files = p.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
        files.add(Path.of("README.md"));
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (!name.endsWith(".md") && !name.endsWith(".sh") && !name.equals("crontab")) {
                continue;
            }
            String text = Files.readString(f);
            if (name.endsWith(".md")) {
                Matcher m = FENCE.matcher(text);
                StringBuilder rest = new StringBuilder(text);
                while (m.find()) {
                    if (SHELL_FENCES.contains(m.group(1).toLowerCase())) {
                        add(found, f + ":" + lineOf(text, m.start(2)), m.group(2));
                    }
                }
                String outside = FENCE.matcher(rest).replaceAll("");
                Matcher ind = INDENTED.matcher(outside);
                while (ind.find()) {
                    add(found, f + " (indented block)", ind.group(1).replaceAll("\\n(?: {4}|\\t)", "\n"));
                }
            } else if (name.endsWith(".sh") || name.equals("crontab")) {
                add(found, f.toString(), text);
            }
        }
        return found;
    }

    private static int lineOf(String text, int offset) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    private static void add(List<Invocation> found, String where, String shell) {
        for (ShellCommands.Command c : ShellCommands.of(shell)) {
            List<String> w = c.words();
            int k = 0;
            while (k < w.size() && w.get(k).matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
                k++; // VAR=value prefixes
            }
            if (k < w.size() && w.get(k).equals("oci")) {
                // An array expansion's words are not known here: they are left out (run by DataflowScriptsTest).
                // A command whose very first argument is an array expansion is not known at all (opaque).
                boolean opaque = k + 1 < w.size() && w.get(k + 1).contains("[@]}");
                found.add(new Invocation(where + " line " + c.line(), w.subList(k + 1, w.size()).stream()
                        .filter(a -> !a.contains("[@]}")).toList(), opaque));
            }
        }
    }

    /** Each invocation as the stand-in CLI judges it by the oracle table: "ok" or the real CLI's error. */
    static List<String> judge(List<List<String>> argvs) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("python3", DataflowScriptsTest.FAKE_OCI.toString());
        pb.environment().put("FAKE_OCI_CHECK", "1");
        pb.environment().put("FAKE_OCI_TABLE", DataflowScriptsTest.CLI_TABLE.toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        ObjectMapper json = new ObjectMapper();
        StringBuilder in = new StringBuilder();
        for (List<String> a : argvs) {
            in.append(json.writeValueAsString(a)).append('\n');
        }
        p.getOutputStream().write(in.toString().getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(1, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), out);
        List<String> verdicts = out.lines().toList();
        assertEquals(argvs.size(), verdicts.size(), out);
        return verdicts;
    }

    @Test
    void everyOciInvocationInPackagingAndDocsIsOneTheRealCliAccepts() throws Exception {
        List<Invocation> all = invocations();
        List<Invocation> known = all.stream().filter(i -> !i.opaque()).toList();
        List<String> verdicts = judge(known.stream().map(Invocation::args).toList());
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < known.size(); i++) {
            if (!verdicts.get(i).equals("ok")) {
                wrong.add(known.get(i).where() + ": oci " + String.join(" ", known.get(i).args()) + "\n    "
                        + verdicts.get(i));
            }
        }
        assertTrue(wrong.isEmpty(), "not what oci-cli 3.89.3 accepts (oracles/oci-cli-options.tsv; a new command"
                + " goes into oci_cli_options.py's COMMANDS and the table is generated again):\n"
                + String.join("\n", wrong));

        // Only run.sh builds a whole command in an array; DataflowScriptsTest runs it against the same oracle.
        Set<String> opaque = all.stream().filter(i -> !known.contains(i)).map(i -> i.where().replaceAll(" line.*", ""))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of("packaging/dataflow/run.sh"), opaque);

        // The extraction saw what is there: the commands of the scripts and of the walkthrough.
        Set<String> commands = known.stream().map(i -> command(i.args())).collect(Collectors.toCollection(TreeSet::new));
        for (String c : List.of("os ns get", "os object put", "os bucket create", "data-flow application list",
                "data-flow application create", "data-flow application update", "data-flow run create",
                "data-flow run list", "data-integration task-schedule create", "iam policy create")) {
            assertTrue(commands.contains(c), c + " not found in " + commands);
        }
    }

    /**
     * A Data Integration task schedule runs the task its registry metadata names (RegistryMetadata.aggregatorKey,
     * oci-python-sdk 2.182.1 oci/data_integration/models/registry_metadata.py) on the schedule its schedule-ref
     * names; the CLI requires neither, and without the first the schedule runs nothing.
     */
    @Test
    void everyDataIntegrationTaskScheduleNamesItsTaskAndItsSchedule() throws Exception {
        List<Invocation> schedules = invocations().stream()
                .filter(i -> command(i.args()).equals("data-integration task-schedule create")).toList();
        assertTrue(!schedules.isEmpty());
        for (Invocation i : schedules) {
            String metadata = value(i.args(), "--registry-metadata");
            assertTrue(metadata != null, i.where() + ": no --registry-metadata, so no task");
            assertTrue(new ObjectMapper().readTree(metadata).hasNonNull("aggregatorKey"), i.where() + ": " + metadata);
            String ref = value(i.args(), "--schedule-ref");
            assertTrue(ref != null && new ObjectMapper().readTree(ref).hasNonNull("key"), i.where() + ": " + ref);
        }
    }

    private static String value(List<String> args, String option) {
        int i = args.indexOf(option);
        return i < 0 || i + 1 >= args.size() ? null : args.get(i + 1);
    }

    private static String command(List<String> args) {
        List<String> words = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("-")) {
                if (!words.isEmpty()) {
                    break;
                }
                continue;
            }
            if (words.size() == 3 || !words.isEmpty() && a.contains("$")) {
                break;
            }
            words.add(a);
        }
        return String.join(" ", words);
    }

    /** The reader joins continuations, keeps quoted values whole and finds commands inside $(...). */
    @Test
    void multiLineCommandsQuotedValuesAndSubstitutionsAreRead() {
        List<ShellCommands.Command> c = ShellCommands.of(String.join("\n",
                "# a comment with oci in it",
                "app=\"$(oci data-flow application list --compartment-id \"$c\" \\",
                "  --query \"data[?\\\"lifecycle-state\\\"=='ACTIVE'].id | [0]\" --raw-output)\"",
                "oci os object put -bn b --file 'my file' --force >&2 2>/dev/null; echo done | tee x",
                "oci \"${args[@]}\" --query 'data.id'"));
        assertEquals(List.of("data-flow", "application", "list", "--compartment-id", "$c", "--query",
                "data[?\"lifecycle-state\"=='ACTIVE'].id | [0]", "--raw-output"), c.get(0).words().subList(1, 9));
        assertEquals(2, c.get(0).line());
        assertEquals(List.of("app=$(...)"), c.get(1).words());
        assertEquals(List.of("oci", "os", "object", "put", "-bn", "b", "--file", "my file", "--force"),
                c.get(2).words());
        assertEquals(List.of("echo", "done"), c.get(3).words());
        assertTrue(c.get(5).dynamic());
    }

    /** The oracle refuses what the real CLI refuses, so this test can fail: the defects issue 12 found. */
    @Test
    void theDefectsFoundInReviewAreRefused() throws Exception {
        List<String> verdicts = judge(List.of(
                List.of("data-flow", "application", "list", "--compartment-id", "$c", "--display-name", "x",
                        "--lifecycle-state", "ACTIVE"),
                List.of("data-flow", "run", "create", "--application-id", "a", "-c", "c", "--display-name", "n",
                        "--wait-for-state", "DONE"),
                List.of("data-flow", "run", "list", "-c", "c", "--application-id", "a", "--lifecycle-state",
                        "IN_PROGRESS"),
                List.of("iam", "policy", "create", "-c", "c", "--name", "n", "--statements", "file://p.json")));
        assertTrue(verdicts.get(0).contains("No such option: --lifecycle-state"), verdicts.get(0));
        assertTrue(verdicts.get(1).contains("Invalid value for '--wait-for-state'"), verdicts.get(1));
        assertTrue(verdicts.get(2).contains("takes one parameter besides --compartment-id"), verdicts.get(2));
        assertTrue(verdicts.get(3).contains("Missing option(s) --description."), verdicts.get(3));
    }
}
