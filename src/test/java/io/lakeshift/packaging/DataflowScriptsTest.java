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
 * on PATH that records each call and answers like the OCI CLI (no OCI is reachable from a build).
 */
class DataflowScriptsTest {
    private static final Path DIR = Path.of("packaging/dataflow").toAbsolutePath();

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
        List<String> create = calls().get(0);
        assertEquals(List.of("data-flow", "run", "create"), create.subList(0, 3));
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
        assertTrue(calls().get(0).contains("--wait-for-state"));
    }

    @Test
    void everyCrontabLineIsAValidScheduleRunningRunSh() throws Exception {
        int jobs = 0;
        for (String line : Files.readAllLines(DIR.resolve("schedule/crontab"))) {
            if (line.isBlank() || line.startsWith("#") || line.matches("[A-Z_]+=.*")) {
                continue;
            }
            String[] f = line.split("\\s+");
            for (int i = 0; i < 5; i++) {
                assertTrue(f[i].matches("[0-9*/,-]+"), "cron field " + f[i] + " in: " + line);
            }
            assertTrue(f[5].endsWith("/packaging/dataflow/run.sh"), line);
            List<String> command = new ArrayList<>(List.of(DIR.resolve("run.sh").toString()));
            for (int i = 6; i < f.length && !f[i].startsWith(">"); i++) {
                command.add(f[i]);
            }
            Files.deleteIfExists(tmp.resolve("calls"));
            Result r = run(command, Map.of());
            assertEquals(0, r.exit, line + ": " + r.err);
            String parameters = value(calls().get(0), "--parameters");
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
        Path stubs = tmp.resolve("py");
        Files.createDirectories(stubs.resolve("oci/data_flow"));
        Files.createDirectories(stubs.resolve("oci/auth/signers"));
        // Stand-ins for the oci and fdk packages (not installable here): they record what the handler asks for.
        Files.writeString(stubs.resolve("oci/__init__.py"), "from . import data_flow, auth\n");
        Files.writeString(stubs.resolve("oci/auth/__init__.py"), "from . import signers\n");
        Files.writeString(stubs.resolve("oci/auth/signers/__init__.py"),
                "def get_resource_principals_signer():\n    return 'rp-signer'\n");
        Files.writeString(stubs.resolve("oci/data_flow/__init__.py"), String.join("\n",
                "import types", "CALLS = []",
                "class _Model:", "    def __init__(self, **kw): self.__dict__.update(kw)",
                "models = types.SimpleNamespace(CreateRunDetails=_Model, ApplicationParameter=_Model)",
                "class DataFlowClient:",
                "    def __init__(self, config, signer): CALLS.append(('client', signer))",
                "    def create_run(self, details):",
                "        CALLS.append(('create_run', details))",
                "        return types.SimpleNamespace(data=types.SimpleNamespace(id='ocid1.dataflowrun.oc1..r',"
                        + " lifecycle_state='ACCEPTED'))", ""));
        Files.writeString(stubs.resolve("fdk.py"), String.join("\n", "import types",
                "class _Response:", "    def __init__(self, ctx, response_data, headers): self.data = response_data",
                "response = types.SimpleNamespace(Response=_Response)", ""));
        Path check = Files.writeString(tmp.resolve("check.py"), String.join("\n",
                "import io, json, sys, types",
                "sys.path.insert(0, sys.argv[1])",
                "import func, oci",
                "ctx = types.SimpleNamespace(Config=lambda: {'APPLICATION_OCID': 'ocid1.dataflowapplication.oc1..a',"
                        + " 'COMPARTMENT_OCID': 'ocid1.compartment.oc1..c', 'PARAM_source': 's3a://x/',"
                        + " 'PARAM_log': 'oci://l@ns/'})",
                "out = func.handler(ctx, io.BytesIO(b'{\"parameters\": {\"source\": \"abfss://c@a.dfs.core.windows.net/t\"}}'))",
                "kind, d = oci.data_flow.CALLS[1]",
                "print(json.dumps({'response': json.loads(out.data), 'signer': oci.data_flow.CALLS[0][1],",
                "  'application': d.application_id, 'compartment': d.compartment_id, 'name': d.display_name,",
                "  'parameters': {p.name: p.value for p in d.parameters}}))",
                "oci.data_flow.CALLS.clear()",
                "func.handler(ctx, io.BytesIO(b'{\"eventType\": \"com.oraclecloud.objectstorage.createobject\"}'))",
                "print(json.dumps({p.name: p.value for p in oci.data_flow.CALLS[1][1].parameters}))", ""));
        Result r = run(List.of("python3", check.toString(), DIR.resolve("schedule/function").toString()),
                Map.of("PYTHONPATH", stubs.toString()));
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

    // --- a stand-in oci on PATH ---

    private record Result(int exit, String out, String err) {}

    private Result run(List<String> command, Map<String, String> env) throws Exception {
        Path bin = tmp.resolve("bin");
        Files.createDirectories(bin);
        Path oci = bin.resolve("oci");
        Files.writeString(oci, String.join("\n", "#!/usr/bin/env bash",
                "{ for a in \"$@\"; do printf '%s\\0' \"$a\"; done; printf '\\n'; } >> \"$FAKE_CALLS\"",
                "case \"$1 $2 $3\" in",
                "  'os ns get') echo testns ;;",
                "  'data-flow application list') echo \"${FAKE_APP:-}\" ;;",
                "  'data-flow application create') echo ocid1.dataflowapplication.oc1..new ;;",
                "  'data-flow run create') case \" $* \" in *' --wait-for-state '*) echo \"${FAKE_STATE:-SUCCEEDED}\" ;;"
                        + " *) echo ocid1.dataflowrun.oc1..run ;; esac ;;",
                "esac", ""));
        oci.toFile().setExecutable(true);
        ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile());
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("FAKE_CALLS", tmp.resolve("calls").toString());
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

    private static String value(List<String> call, String flag) {
        int i = call.indexOf(flag);
        return i < 0 ? null : call.get(i + 1);
    }
}
