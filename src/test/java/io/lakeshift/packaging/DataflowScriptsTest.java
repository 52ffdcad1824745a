package io.lakeshift.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lakeshift.config.ConfigLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * packaging/dataflow's scripts, the crontab and the Function, run for real against a stand-in {@code oci} command
 * on PATH that records each call and answers like the OCI CLI (no OCI is reachable from a build). The stand-in
 * ({@code fake_oci.py}) refuses, as the real CLI does, every command, option, value and missing required option
 * that the table {@code src/test/resources/oracles/oci-cli-options.tsv} (read from oci-cli 3.89.3's own command
 * tree) does not allow; the Function runs against stand-in {@code oci} modules that refuse every model field and
 * method parameter that {@code oracles/dataflow-api.tsv} (oci-python-sdk 2.182.1) does not list.
 */
class DataflowScriptsTest {
    private static final Path DIR = Path.of("packaging/dataflow").toAbsolutePath();
    static final Path FAKE_OCI = Path.of("src/test/resources/io/lakeshift/packaging/fake_oci.py").toAbsolutePath();
    static final Path CLI_TABLE = Path.of("src/test/resources/oracles/oci-cli-options.tsv").toAbsolutePath();
    static final Path API_TABLE = Path.of("src/test/resources/oracles/dataflow-api.tsv").toAbsolutePath();

    @TempDir
    Path tmp;

    @Test
    void scriptsParse() throws Exception {
        for (String script : new String[] {"deploy.sh", "run.sh"}) {
            Result r = run(List.of("bash", "-n", DIR.resolve(script).toString()), Map.of());
            assertEquals(0, r.exit, script + ": " + r.err);
            assertTrue(Files.isExecutable(DIR.resolve(script)), script + " is executable");
        }
    }

    @Test
    void deployUploadsTheJarAndCreatesTheApplicationWhenThereIsNone() throws Exception {
        Path jar = Files.write(tmp.resolve("lakeshift-9.9-dataflow.jar"), new byte[] {1, 2, 3});
        Result r = run(List.of(DIR.resolve("deploy.sh").toString(), "ocid1.compartment.oc1..c", "artifacts", "logs"),
                Map.of("LAKESHIFT_JAR", jar.toString(), "FAKE_APP", ""));
        assertEquals(0, r.exit, r.err);
        assertEquals("ocid1.dataflowapplication.oc1..new", r.out.trim());
        List<List<String>> calls = calls();
        assertEquals(List.of("os", "ns", "get", "--query", "data", "--raw-output"), calls.get(0));
        assertEquals(List.of("os", "object", "put", "--namespace", "testns", "--bucket-name", "artifacts", "--name",
                "lakeshift/lakeshift-9.9-dataflow.jar", "--file", jar.toString(), "--force"), calls.get(1));
        assertEquals(List.of("data-flow", "application", "list"), calls.get(2).subList(0, 3));
        List<String> create = calls.get(3);
        assertEquals(List.of("data-flow", "application", "create"), create.subList(0, 3));
        assertEquals("file://" + DIR.resolve("application.json"), value(create, "--from-json"));
        assertEquals("oci://artifacts@testns/lakeshift/lakeshift-9.9-dataflow.jar", value(create, "--file-uri"));
        assertEquals("oci://logs@testns/", value(create, "--logs-bucket-uri"));
        assertEquals("ocid1.compartment.oc1..c", value(create, "--compartment-id"));
        assertEquals(4, calls.size());
    }

    @Test
    void deployUpdatesAnExistingApplication() throws Exception {
        Path jar = Files.write(tmp.resolve("lakeshift-9.9-dataflow.jar"), new byte[] {1});
        Result r = run(List.of(DIR.resolve("deploy.sh").toString(), "ocid1.compartment.oc1..c", "artifacts", "logs"),
                Map.of("LAKESHIFT_JAR", jar.toString(), "FAKE_APP", "ocid1.dataflowapplication.oc1..old",
                        "OCI_NAMESPACE", "given"));
        assertEquals(0, r.exit, r.err);
        assertEquals("ocid1.dataflowapplication.oc1..old", r.out.trim());
        List<List<String>> calls = calls();
        assertEquals("object", calls.get(0).get(1), "no namespace lookup when OCI_NAMESPACE is set");
        List<String> update = calls.get(2);
        assertEquals(List.of("data-flow", "application", "update"), update.subList(0, 3));
        assertEquals("ocid1.dataflowapplication.oc1..old", value(update, "--application-id"));
        assertEquals("oci://artifacts@given/lakeshift/lakeshift-9.9-dataflow.jar", value(update, "--file-uri"));
    }

    @Test
    void runPassesParametersThatDataFlowSubstitutesIntoValidArguments() throws Exception {
        Result r = run(List.of(DIR.resolve("run.sh").toString(), "ocid1.dataflowapplication.oc1..a",
                "ocid1.compartment.oc1..c", "source=s3a://old \"lake\"/x", "target=oci://t@ns/p/"), Map.of());
        assertEquals(0, r.exit, r.err);
        assertEquals("ocid1.dataflowrun.oc1..run", r.out.trim());
        List<String> create = call("data-flow", "run", "create");
        assertEquals("ocid1.dataflowapplication.oc1..a", value(create, "--application-id"));
        JsonNode params = new ObjectMapper().readTree(value(create, "--parameters"));
        Map<String, String> given = new HashMap<>();
        params.forEach(p -> given.put(p.get("name").asText(), p.get("value").asText()));
        assertEquals(Map.of("source", "s3a://old \"lake\"/x", "target", "oci://t@ns/p/"), given);
        List<String> args = DataflowApplication.read().arguments(given);
        assertEquals("s3a://old \"lake\"/x", ConfigLoader.load(args.subList(1, args.size())).source());
    }

    @Test
    void runRefusesAPairWithoutAValue() throws Exception {
        Result r = run(List.of(DIR.resolve("run.sh").toString(), "a", "c", "source"), Map.of());
        assertEquals(2, r.exit);
        assertTrue(r.err.contains("'source' is not NAME=VALUE"), r.err);
        assertTrue(calls().isEmpty());
    }

    @Test
    void runWaitsAndFailsWithTheRun() throws Exception {
        Result r = run(List.of(DIR.resolve("run.sh").toString(), "a", "c"),
                Map.of("LAKESHIFT_WAIT", "1", "FAKE_STATE", "FAILED"));
        assertEquals(1, r.exit);
        assertTrue(r.err.contains("run ended: FAILED"), r.err);
        assertTrue(call("data-flow", "run", "create").contains("--wait-for-state"));
    }

    /** Data Flow's terminal run states (oci-cli 3.89.3's run create --wait-for-state choices, oracles table). */
    @Test
    void runWaitsForEveryTerminalStateLongerThanTheCliDefaultAndFailsUnlessSucceeded() throws Exception {
        for (String state : List.of("SUCCEEDED", "FAILED", "CANCELED", "STOPPED")) {
            Files.deleteIfExists(tmp.resolve("calls"));
            Result r = run(List.of(DIR.resolve("run.sh").toString(), "a", "c"),
                    Map.of("LAKESHIFT_WAIT", "1", "FAKE_STATE", state));
            assertEquals(state.equals("SUCCEEDED") ? 0 : 1, r.exit, state + ": " + r.err);
            assertTrue(r.err.contains("run ended: " + state), r.err);
            List<String> create = call("data-flow", "run", "create");
            assertEquals(java.util.Set.of("SUCCEEDED", "FAILED", "CANCELED", "STOPPED"), new java.util.HashSet<>(
                    values(create, "--wait-for-state")));
            // The CLI gives up after 1200 s by default (exit 2); a migration runs for hours.
            long maxWait = Long.parseLong(value(create, "--max-wait-seconds"));
            long maxDuration = DataflowApplication.read().json().get("maxDurationInMinutes").asLong() * 60;
            assertTrue(maxWait > maxDuration, maxWait + " s is not longer than the run may take, " + maxDuration);
        }
    }

    @Test
    void runSaysSoWhenTheWaitRunsOutWhileTheRunGoesOn() throws Exception {
        Result r = run(List.of(DIR.resolve("run.sh").toString(), "ocid1.dataflowapplication.oc1..a", "c"),
                Map.of("LAKESHIFT_WAIT", "1", "FAKE_WAIT_TIMEOUT", "1", "LAKESHIFT_MAX_WAIT_SECONDS", "60"));
        assertEquals(3, r.exit, r.err);
        assertTrue(r.err.contains("is still IN_PROGRESS after 60 s (LAKESHIFT_MAX_WAIT_SECONDS)"), r.err);
        assertEquals("60", value(call("data-flow", "run", "create"), "--max-wait-seconds"));
    }

    @Test
    void runStartsNoSecondRunWhileOneIsAcceptedOrInProgress() throws Exception {
        for (String state : List.of("ACCEPTED", "IN_PROGRESS")) {
            Files.deleteIfExists(tmp.resolve("calls"));
            Result r = run(List.of(DIR.resolve("run.sh").toString(), "ocid1.dataflowapplication.oc1..a", "c"),
                    Map.of("FAKE_RUNNING", state + ":ocid1.dataflowapplication.oc1..a@ocid1.dataflowrun.oc1..busy"));
            assertEquals(0, r.exit, r.err);
            assertEquals("", r.out);
            assertTrue(r.err.contains("not starting a run: run ocid1.dataflowrun.oc1..busy of application"
                    + " ocid1.dataflowapplication.oc1..a is still " + state), r.err);
            assertTrue(calls().stream().noneMatch(c -> c.subList(0, 3).equals(List.of("data-flow", "run", "create"))));
            List<String> list = calls().get(calls().size() - 1);
            assertEquals(List.of("data-flow", "run", "list"), list.subList(0, 3));
            assertEquals(state, value(list, "--lifecycle-state"));
        }
        Result other = run(List.of(DIR.resolve("run.sh").toString(), "ocid1.dataflowapplication.oc1..a", "c"),
                Map.of("FAKE_RUNNING", "IN_PROGRESS:ocid1.dataflowapplication.oc1..other@ocid1.dataflowrun.oc1..x"));
        assertEquals("ocid1.dataflowrun.oc1..run", other.out.trim(), "another application's run: " + other.err);
        Result waited = run(List.of(DIR.resolve("run.sh").toString(), "a", "c"),
                Map.of("LAKESHIFT_WAIT", "1", "FAKE_RUNNING", "IN_PROGRESS:a@ocid1.dataflowrun.oc1..busy"));
        assertEquals(4, waited.exit, "waiting for a run that was not started is no success");
        Result forced = run(List.of(DIR.resolve("run.sh").toString(), "a", "c"),
                Map.of("LAKESHIFT_ALLOW_CONCURRENT", "1", "FAKE_RUNNING", "IN_PROGRESS:a@ocid1.dataflowrun.oc1..busy"));
        assertEquals("ocid1.dataflowrun.oc1..run", forced.out.trim(), forced.err);
    }

    @Test
    void deployKeepsOnlyAnActiveApplicationOfThatName() throws Exception {
        Path jar = Files.write(tmp.resolve("lakeshift-9.9-dataflow.jar"), new byte[] {1});
        Result r = run(List.of(DIR.resolve("deploy.sh").toString(), "ocid1.compartment.oc1..c", "artifacts", "logs"),
                Map.of("LAKESHIFT_JAR", jar.toString(), "FAKE_APP", "ocid1.dataflowapplication.oc1..gone",
                        "FAKE_APP_STATE", "DELETED"));
        assertEquals(0, r.exit, r.err);
        assertEquals("ocid1.dataflowapplication.oc1..new", r.out.trim(), "a deleted application is not updated");
        List<String> list = call("data-flow", "application", "list");
        assertTrue(list.contains("--all"), list.toString());
        assertEquals(-1, list.indexOf("--lifecycle-state"), "application list has no --lifecycle-state");
    }

    @Test
    void deployUploadsTheDependencyArchiveAndPointsTheApplicationAtIt() throws Exception {
        Path jar = Files.write(tmp.resolve("lakeshift-9.9-dataflow.jar"), new byte[] {1});
        Path archive = Files.write(tmp.resolve("lakeshift-9.9-dataflow-archive.zip"), new byte[] {2});
        Result r = run(List.of(DIR.resolve("deploy.sh").toString(), "ocid1.compartment.oc1..c", "artifacts", "logs"),
                Map.of("LAKESHIFT_JAR", jar.toString(), "FAKE_APP", ""));
        assertEquals(0, r.exit, r.err);
        List<List<String>> puts = calls().stream().filter(c -> c.subList(0, 3).equals(List.of("os", "object", "put")))
                .toList();
        assertEquals(archive.toString(), value(puts.get(1), "--file"));
        assertEquals("lakeshift/lakeshift-9.9-dataflow-archive.zip", value(puts.get(1), "--name"));
        assertEquals("oci://artifacts@testns/lakeshift/lakeshift-9.9-dataflow-archive.zip",
                value(call("data-flow", "application", "create"), "--archive-uri"));

        Result missing = run(List.of(DIR.resolve("deploy.sh").toString(), "c", "artifacts", "logs"),
                Map.of("LAKESHIFT_JAR", jar.toString(), "LAKESHIFT_ARCHIVE", tmp.resolve("nope.zip").toString()));
        assertEquals(2, missing.exit);
        assertTrue(missing.err.contains("LAKESHIFT_ARCHIVE " + tmp.resolve("nope.zip") + " is not a file"),
                missing.err);
    }

    /**
     * The stand-in refuses what oci-cli 3.89.3 refuses, with its messages and exit codes (click's usage errors: 2;
     * a missing required option: 1), as the real CLI, run from its source, answered each of these.
     */
    @Test
    void theStandInCliRefusesWhatTheRealOneRefuses() throws Exception {
        Path json = Files.writeString(tmp.resolve("app.json"), "{\"displayName\": \"x\", \"sparkVersio\": \"3.5.0\"}");
        String[][] refused = {
            {"Error: No such option: --lifecycle-state", "data-flow", "application", "list", "--compartment-id", "c",
                "--lifecycle-state", "ACTIVE"},
            {"Error: Missing option(s) --compartment-id.", "data-flow", "application", "list"},
            {"Error: No such command 'creat'.", "data-flow", "run", "creat"},
            {"Error: Invalid value for '--wait-for-state': invalid choice: DONE. (choose from ACCEPTED,", "data-flow", "run", "create", "-c", "c",
                "--application-id", "a", "--display-name", "n", "--wait-for-state", "DONE"},
            {"Error: Option '--query' requires an argument.", "os", "ns", "get", "--query"},
            {"--from-json key 'sparkVersio' is no option", "data-flow", "application", "create", "-c", "c",
                "--from-json", "file://" + json},
        };
        for (String[] c : refused) {
            Result r = run(java.util.Arrays.asList(c).subList(1, c.length).stream()
                    .collect(java.util.stream.Collectors.toCollection(() -> new ArrayList<>(List.of(tmp.resolve("bin/oci")
                            .toString())))),
                    Map.of());
            assertEquals(c[0].contains("Missing option") ? 1 : 2, r.exit, String.join(" ", c));
            assertTrue(r.err.contains(c[0]), c[0] + " <> " + r.err);
        }
        Result ok = run(List.of(tmp.resolve("bin/oci").toString(), "--config-file", "x", "os", "object", "put", "-bn", "b", "--file", "f",
                "--namespace", "n", "--force", "--query", "data", "--raw-output"), Map.of());
        assertEquals(0, ok.exit, "global options before and after the command, short aliases: " + ok.err);
    }

    /**
     * Each job line runs as cron runs it: {@code /bin/sh -c} with only HOME, SHELL, LOGNAME and the crontab's own
     * variables (cron expands none of them), PATH being cron's /usr/bin:/bin unless the crontab sets one, and the
     * OCI CLI where its installer puts it, ~/bin (here: the crontab's home folder /home/opc stands for HOME).
     */
    @Test
    void everyCrontabLineIsAValidScheduleRunningRunSh() throws Exception {
        Path home = tmp.resolve("home");
        Path checkout = Files.createDirectories(home.resolve("lakeshift/packaging"));
        Files.createSymbolicLink(checkout.resolve("dataflow"), DIR);
        Map<String, String> cronEnv = new HashMap<>(Map.of("HOME", home.toString(), "SHELL", "/bin/sh", "LOGNAME",
                "opc", "PATH", "/usr/bin:/bin"));
        int jobs = 0;
        for (String line : Files.readAllLines(DIR.resolve("schedule/crontab"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.matches("[A-Z_]+=.*")) {
                String value = line.substring(line.indexOf('=') + 1);
                assertTrue(!value.contains("$") && !value.contains("~"), "cron expands nothing: " + line);
                cronEnv.put(line.substring(0, line.indexOf('=')), value.replace("/home/opc", home.toString()));
                continue;
            }
            String[] f = line.split("\\s+");
            for (int i = 0; i < 5; i++) {
                assertTrue(f[i].matches("[0-9*/,-]+"), "cron field " + f[i] + " in: " + line);
            }
            assertTrue(f[5].endsWith("/packaging/dataflow/run.sh"), line);
            Files.deleteIfExists(tmp.resolve("calls"));
            Result r = runIn(List.of("/bin/sh", "-c", line.substring(line.indexOf(f[5]))), cronEnv, home);
            assertEquals(0, r.exit, line + ": " + r.err + Files.readString(home.resolve("lakeshift-runs.log")));
            assertTrue(Files.readString(home.resolve("lakeshift-runs.log")).contains("ocid1.dataflowrun.oc1..run"));
            assertEquals("instance_principal", Files.readString(tmp.resolve("auth")).trim(),
                    "the CLI signs in as the instance");
            String parameters = value(call("data-flow", "run", "create"), "--parameters");
            Map<String, String> given = new HashMap<>();
            if (parameters != null) {
                new ObjectMapper().readTree(parameters).forEach(p -> given.put(p.get("name").asText(),
                        p.get("value").asText()));
            }
            List<String> args = DataflowApplication.read().arguments(given);
            ConfigLoader.load(args.subList(1, args.size()));
            jobs++;
        }
        assertEquals(2, jobs);
    }

    @Test
    void theFunctionStartsARunWithItsConfigAndTheRequestsParameters() throws Exception {
        Path stubs = functionStubs();
        Path check = Files.writeString(tmp.resolve("check.py"), String.join("\n",
                "import io, json, sys, types",
                "sys.path.insert(0, sys.argv[1])",
                "import func, oci",
                "ctx = types.SimpleNamespace(Config=lambda: {'APPLICATION_OCID': 'ocid1.dataflowapplication.oc1..a',"
                        + " 'COMPARTMENT_OCID': 'ocid1.compartment.oc1..c', 'PARAM_source': 's3a://x/',"
                        + " 'PARAM_log': 'oci://l@ns/'})",
                "out = func.handler(ctx, io.BytesIO(b'{\"parameters\": {\"source\": \"abfss://c@a.dfs.core.windows.net/t\"}}'))",
                "kind, d = [c for c in oci.data_flow.CALLS if c[0] == 'create_run'][0]",
                "print(json.dumps({'response': json.loads(out.data), 'signer': oci.data_flow.CALLS[0][1],",
                "  'application': d.application_id, 'compartment': d.compartment_id, 'name': d.display_name,",
                "  'parameters': {p.name: p.value for p in d.parameters}}))",
                "oci.data_flow.CALLS.clear()",
                "func.handler(ctx, io.BytesIO(b'{\"eventType\": \"com.oraclecloud.objectstorage.createobject\"}'))",
                "print(json.dumps({p.name: p.value for p in [c for c in oci.data_flow.CALLS if c[0] == 'create_run'][0][1]"
                        + ".parameters}))", ""));
        Result r = run(List.of("python3", check.toString(), DIR.resolve("schedule/function").toString()),
                Map.of("PYTHONPATH", stubs.toString(), "API_TABLE", API_TABLE.toString()));
        assertEquals(0, r.exit, r.err);
        String[] lines = r.out.trim().split("\n");
        JsonNode first = new ObjectMapper().readTree(lines[0]);
        assertEquals("ocid1.dataflowrun.oc1..r", first.get("response").get("run_id").asText());
        assertEquals("rp-signer", first.get("signer").asText());
        assertEquals("ocid1.dataflowapplication.oc1..a", first.get("application").asText());
        assertTrue(first.get("name").asText().matches("lakeshift \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
        Map<String, String> params = new HashMap<>();
        first.get("parameters").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
        assertEquals(Map.of("source", "abfss://c@a.dfs.core.windows.net/t", "log", "oci://l@ns/"), params);
        List<String> args = DataflowApplication.read().arguments(params);
        assertEquals(params.get("source"), ConfigLoader.load(args.subList(1, args.size())).source());
        assertEquals("{\"log\": \"oci://l@ns/\", \"source\": \"s3a://x/\"}", lines[1],
                "an event starts a run with the configured parameters only");
    }

    @Test
    void theFunctionStartsNoSecondRunWhileOneIsAcceptedOrInProgress() throws Exception {
        Path stubs = functionStubs();
        Path check = Files.writeString(tmp.resolve("busy.py"), String.join("\n",
                "import io, json, sys, types",
                "sys.path.insert(0, sys.argv[1])",
                "import func, oci",
                "ctx = types.SimpleNamespace(Config=lambda: {'APPLICATION_OCID': 'ocid1.dataflowapplication.oc1..a',"
                        + " 'COMPARTMENT_OCID': 'ocid1.compartment.oc1..c'})",
                "for state in ['ACCEPTED', 'IN_PROGRESS', 'SUCCEEDED']:",
                "    oci.data_flow.RUNS[:] = [('ocid1.dataflowapplication.oc1..other', 'ocid1.dataflowrun.oc1..o', state),",
                "        ('ocid1.dataflowapplication.oc1..a', 'ocid1.dataflowrun.oc1..busy', state)]",
                "    oci.data_flow.CALLS.clear()",
                "    out = json.loads(func.handler(ctx, io.BytesIO(b'')).data)",
                "    print(json.dumps({'state': state, 'out': out,",
                "        'created': any(c[0] == 'create_run' for c in oci.data_flow.CALLS)}))",
                "oci.data_flow.RUNS[:] = [('ocid1.dataflowapplication.oc1..a', 'ocid1.dataflowrun.oc1..busy', 'ACCEPTED')]",
                "oci.data_flow.CALLS.clear()",
                "func.handler(ctx, io.BytesIO(b'{\"allow_concurrent\": true}'))",
                "print(json.dumps({'forced': any(c[0] == 'create_run' for c in oci.data_flow.CALLS)}))", ""));
        Result r = run(List.of("python3", check.toString(), DIR.resolve("schedule/function").toString()),
                Map.of("PYTHONPATH", stubs.toString(), "API_TABLE", API_TABLE.toString()));
        assertEquals(0, r.exit, r.err);
        String[] lines = r.out.trim().split("\n");
        for (int i = 0; i < 2; i++) {
            JsonNode busy = new ObjectMapper().readTree(lines[i]);
            String state = busy.get("state").asText();
            assertTrue(!busy.get("created").asBoolean(), lines[i]);
            assertEquals("ocid1.dataflowrun.oc1..busy", busy.get("out").get("running_run_id").asText());
            assertEquals("not starting a run: run ocid1.dataflowrun.oc1..busy of application"
                    + " ocid1.dataflowapplication.oc1..a is still " + state, busy.get("out").get("skipped").asText());
            assertTrue(r.err.contains("is still " + state), "and says so in the Function's log: " + r.err);
        }
        JsonNode done = new ObjectMapper().readTree(lines[2]);
        assertTrue(done.get("created").asBoolean(), "a SUCCEEDED run is no reason to wait: " + lines[2]);
        assertTrue(new ObjectMapper().readTree(lines[3]).get("forced").asBoolean());
    }

    /**
     * Stand-ins for the oci and fdk packages (not installable here). They record what the handler asks for and
     * refuse, as the SDK does, a model field or a method parameter that oci-python-sdk 2.182.1 does not have (the
     * sdk and method rows of oracles/dataflow-api.tsv), a value outside a parameter's allowed values, and a second
     * ListRuns filter besides the compartment (its API reference: "Only one parameter other than compartmentId").
     */
    private Path functionStubs() throws Exception {
        Path stubs = tmp.resolve("py");
        Files.createDirectories(stubs.resolve("oci/data_flow"));
        Files.createDirectories(stubs.resolve("oci/auth/signers"));
        Files.writeString(stubs.resolve("oci/__init__.py"), "from . import data_flow, auth, pagination\n");
        Files.writeString(stubs.resolve("oci/pagination.py"), String.join("\n",
                "def list_call_get_all_results(list_func_ref, *args, **kwargs):",
                "    return list_func_ref(*args, **kwargs)", ""));
        Files.writeString(stubs.resolve("oci/auth/__init__.py"), "from . import signers\n");
        Files.writeString(stubs.resolve("oci/auth/signers/__init__.py"),
                "def get_resource_principals_signer():\n    return 'rp-signer'\n");
        Files.writeString(stubs.resolve("oci/data_flow/__init__.py"), String.join("\n",
                "import inspect, os, types",
                "CALLS = []",
                "RUNS = []  # (application id, run id, state) that list_runs finds",
                "ROWS = [l.rstrip('\\n').split('\\t') for l in open(os.environ['API_TABLE'], encoding='utf-8')",
                "        if l.strip() and not l.startswith('#')]",
                "FIELDS, PARAMS = {}, {}",
                "for r in ROWS:",
                "    if r[0] == 'sdk':",
                "        FIELDS.setdefault(r[1], {})[r[6]] = (r[4] == 'required', r[5].split('|') if r[5] else None)",
                "    elif r[0] == 'method':",
                "        PARAMS.setdefault(r[1], {})[r[2]] = (r[4] == 'required', r[5].split('|') if r[5] else None)",
                "LIST_RUNS_FILTERS = {'application_id', 'pool_id', 'owner_principal_id', 'display_name_starts_with',",
                "                     'lifecycle_state', 'time_created_greater_than', 'display_name'}",
                "def _model(name):",
                "    def init(self, **kw):",
                "        for k, v in kw.items():",
                "            if k not in FIELDS[name]:",
                "                raise TypeError(name + ' got an unexpected keyword argument ' + repr(k))",
                "            allowed = FIELDS[name][k][1]",
                "            if allowed and v is not None and v not in allowed:",
                "                raise ValueError('Invalid value for ' + k + ', must be one of ' + repr(allowed))",
                "        self.__dict__.update({k: None for k in FIELDS[name]})",
                "        self.__dict__.update(kw)",
                "    def getattr_(self, k):",
                "        raise AttributeError(name + ' has no attribute ' + repr(k))",
                "    return type(name, (), {'__init__': init, '__getattr__': getattr_})",
                "models = types.SimpleNamespace(**{n: _model(n) for n in FIELDS})",
                "def _check(method, args, kw):",
                "    spec = PARAMS['DataFlowClient.' + method]",
                "    required = [p for p, (req, _) in spec.items() if req]",
                "    if len(args) != len(required):",
                "        raise TypeError(method + ' takes ' + repr(required) + ' positionally, got ' + repr(args))",
                "    for k, v in kw.items():",
                "        if k not in spec:",
                "            raise ValueError(method + ' got unknown kwargs: ' + repr([k]))",
                "        if spec[k][1] and v not in spec[k][1]:",
                "            raise ValueError('Invalid value for `' + k + '`, must be one of ' + repr(spec[k][1]))",
                "class DataFlowClient:",
                "    def __init__(self, config, signer): CALLS.append(('client', signer))",
                "    def create_run(self, *args, **kw):",
                "        _check('create_run', args, kw)",
                "        details = args[0]",
                "        if type(details).__name__ != 'CreateRunDetails': raise TypeError('not a CreateRunDetails')",
                "        CALLS.append(('create_run', details))",
                "        return types.SimpleNamespace(data=types.SimpleNamespace(id='ocid1.dataflowrun.oc1..r',"
                        + " lifecycle_state='ACCEPTED'))",
                "    def list_runs(self, *args, **kw):",
                "        _check('list_runs', args, kw)",
                "        if len(LIST_RUNS_FILTERS & set(kw)) > 1:",
                "            raise ValueError('ListRuns: only one parameter other than compartmentId, not ' + repr(kw))",
                "        CALLS.append(('list_runs', args, kw))",
                "        found = [models.RunSummary(application_id=a, id=i, lifecycle_state=s, compartment_id=args[0])",
                "                 for a, i, s in RUNS if kw.get('lifecycle_state', s) == s",
                "                 and kw.get('application_id', a) == a]",
                "        return types.SimpleNamespace(data=found)", ""));
        Files.writeString(stubs.resolve("fdk.py"), String.join("\n", "import types",
                "class _Response:", "    def __init__(self, ctx, response_data, headers): self.data = response_data",
                "response = types.SimpleNamespace(Response=_Response)", ""));
        return stubs;
    }

    // --- a stand-in oci on PATH ---

    private record Result(int exit, String out, String err) {}

    private Result run(List<String> command, Map<String, String> env) throws Exception {
        Path bin = fakeOci(tmp.resolve("bin"));
        ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile());
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        return start(pb, env);
    }

    /** A command in exactly this environment (and the stand-in's own settings), the stand-in oci in HOME/bin. */
    private Result runIn(List<String> command, Map<String, String> env, Path home) throws Exception {
        fakeOci(home.resolve("bin"));
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile());
        pb.environment().clear();
        return start(pb, env);
    }

    private Path fakeOci(Path bin) throws Exception {
        Files.createDirectories(bin);
        Path oci = bin.resolve("oci");
        // The stand-in notes how it was told to sign in (OCI_CLI_AUTH), as the real CLI reads it.
        Files.writeString(oci, "#!/bin/sh\necho \"${OCI_CLI_AUTH:-api_key}\" > '" + tmp.resolve("auth") + "'\n"
                + "exec python3 '" + FAKE_OCI + "' \"$@\"\n");
        oci.toFile().setExecutable(true);
        return bin;
    }

    private Result start(ProcessBuilder pb, Map<String, String> env) throws Exception {
        List<String> command = pb.command();
        pb.environment().put("FAKE_CALLS", tmp.resolve("calls").toString());
        pb.environment().put("FAKE_OCI_TABLE", CLI_TABLE.toString());
        pb.environment().remove("OCI_NAMESPACE");
        pb.environment().putAll(env);
        pb.redirectOutput(tmp.resolve("out").toFile()).redirectError(tmp.resolve("err").toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "did not end: " + command);
        return new Result(p.exitValue(), Files.readString(tmp.resolve("out")), Files.readString(tmp.resolve("err")));
    }

    /** Each recorded oci call, as its arguments. */
    private List<List<String>> calls() throws Exception {
        Path file = tmp.resolve("calls");
        List<List<String>> calls = new ArrayList<>();
        if (!Files.exists(file)) {
            return calls;
        }
        for (String line : new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                calls.add(Arrays.asList(line.split("\0")));
            }
        }
        return calls;
    }

    /** The last recorded call of this command. */
    private List<String> call(String... command) throws Exception {
        List<List<String>> matching = calls().stream().filter(c -> c.size() >= command.length
                && c.subList(0, command.length).equals(List.of(command))).toList();
        assertTrue(!matching.isEmpty(), "no call of oci " + String.join(" ", command) + " in " + calls());
        return matching.get(matching.size() - 1);
    }

    private static List<String> values(List<String> call, String flag) {
        List<String> v = new ArrayList<>();
        for (int i = 0; i < call.size() - 1; i++) {
            if (call.get(i).equals(flag)) {
                v.add(call.get(i + 1));
            }
        }
        return v;
    }

    private static String value(List<String> call, String flag) {
        int i = call.indexOf(flag);
        return i < 0 ? null : call.get(i + 1);
    }
}
