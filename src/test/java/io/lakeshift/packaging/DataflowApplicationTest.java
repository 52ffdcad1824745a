package io.lakeshift.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lakeshift.config.ConfigLoader;
import io.lakeshift.config.MigrationConfig;
import io.lakeshift.model.OciLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Data Flow application definition (application.json for {@code oci data-flow application create --from-json},
 * and application.tf) is one lakeshift accepts: its arguments, after Data Flow's substitution, load as a
 * configuration, and the two files say the same thing.
 */
class DataflowApplicationTest {
    /** The keys of {@code oci data-flow application create/update --from-json} this file may use. */
    private static final Set<String> CLI_KEYS = Set.of("displayName", "description", "language", "sparkVersion",
            "className", "arguments", "parameters", "configuration", "driverShape", "driverShapeConfig",
            "executorShape", "executorShapeConfig", "numExecutors", "fileUri", "logsBucketUri", "archiveUri",
            "type", "maxDurationInMinutes", "idleTimeoutInMinutes", "freeformTags", "definedTags");

    @Test
    void itIsAJavaSpark35ApplicationOfLakeshiftsMainWithTheResourcePrincipal() throws Exception {
        JsonNode app = DataflowApplication.read().json();
        app.fieldNames().forEachRemaining(k -> assertTrue(CLI_KEYS.contains(k), "not an --from-json key: " + k));
        assertEquals("JAVA", app.get("language").asText());
        assertEquals("3.5.0", app.get("sparkVersion").asText());
        assertEquals(io.lakeshift.cli.Main.class.getName(), app.get("className").asText());
        assertEquals("resource_principal", app.get("configuration").get("dataflow.auth").asText());
        assertTrue(app.get("numExecutors").asInt() >= 1);
        assertEquals(Set.of("source", "target", "log", "mode", "azure_auth", "azure_tenant_id", "azure_client_id",
                "azure_client_secret", "s3_access_key", "s3_secret_key"), DataflowApplication.read().parameters().keySet());
    }

    @Test
    void substitutedArgumentsLoadAsAConfiguration() throws Exception {
        DataflowApplication app = DataflowApplication.read();
        List<String> args = app.arguments(Map.of());
        assertEquals("migrate", args.get(0));
        MigrationConfig c = ConfigLoader.load(args.subList(1, args.size()));
        assertEquals(app.parameters().get("source"), c.source());
        assertEquals("lake", ((OciLocation) c.target()).bucket());
        assertEquals(app.parameters().get("log"), c.log());

        List<String> run = app.arguments(Map.of("source", "s3a://old-lake/archive", "target", "oci://a@ns/x/"));
        MigrationConfig r = ConfigLoader.load(run.subList(1, run.size()));
        assertEquals("s3a://old-lake/archive", r.source());
        assertEquals(new OciLocation("a", "ns", "x/"), r.target());
        assertTrue(run.stream().noneMatch(a -> a.contains("${")), run.toString());
    }

    @Test
    void anArgumentNamingAnUndefinedParameterIsRefused() {
        DataflowApplication app = new DataflowApplication(new ObjectMapper().createObjectNode()
                .<com.fasterxml.jackson.databind.node.ObjectNode>set("arguments",
                        new ObjectMapper().createArrayNode().add("--source").add("${sorce}"))
                .set("parameters", new ObjectMapper().createArrayNode()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> app.arguments(Map.of()));
        assertTrue(e.getMessage().contains("sorce"), e.getMessage());
    }

    @Test
    void theTerraformExampleSaysWhatTheJsonSays() throws Exception {
        String tf = Files.readString(Path.of("packaging/dataflow/application.tf"));
        JsonNode app = DataflowApplication.read().json();
        assertEquals(balanced(tf), 0, "braces balance");
        assertTrue(tf.contains("resource \"oci_dataflow_application\" \"lakeshift\""));
        for (String[] kv : new String[][] {{"language", "language"}, {"spark_version", "sparkVersion"},
                {"class_name", "className"}, {"display_name", "displayName"}, {"driver_shape", "driverShape"},
                {"executor_shape", "executorShape"}}) {
            assertTrue(Pattern.compile("(?m)^\\s*" + kv[0] + "\\s*=\\s*\"" + Pattern.quote(app.get(kv[1]).asText())
                    + "\"").matcher(tf).find(), kv[0]);
        }
        Matcher args = Pattern.compile("(?m)^\\s*arguments\\s*=\\s*\\[(.*)]").matcher(tf);
        assertTrue(args.find());
        List<String> tfArgs = new ArrayList<>();
        Matcher s = Pattern.compile("\"([^\"]*)\"").matcher(args.group(1));
        while (s.find()) {
            tfArgs.add(s.group(1).replace("$${", "${"));
        }
        List<String> jsonArgs = new ArrayList<>();
        app.get("arguments").forEach(a -> jsonArgs.add(a.asText()));
        assertEquals(jsonArgs, tfArgs);
        Set<String> tfParams = new TreeSet<>();
        Matcher p = Pattern.compile("parameters \\{\\s*name\\s*=\\s*\"([a-z0-9_]+)\"").matcher(tf);
        while (p.find()) {
            tfParams.add(p.group(1));
        }
        assertEquals(new TreeSet<>(DataflowApplication.read().parameters().keySet()), tfParams);
        assertTrue(tf.contains("\"dataflow.auth\"                   = \"resource_principal\""));
        assertTrue(tf.contains("num_executors = " + app.get("numExecutors").asInt()));
    }

    // --- against the Data Flow API and the Terraform provider (oracles/dataflow-api.tsv, its header cites them) ---

    /**
     * Every field of application.json is a field of the API's CreateApplicationDetails and UpdateApplicationDetails
     * (deploy.sh sends the file to both), with the API's type and allowed values, nested models included; the
     * required fields the file leaves out are the ones deploy.sh gives on the command line.
     */
    @Test
    void everyFieldIsTheDataFlowApisWithItsTypeAndAllowedValues() throws Exception {
        DataflowApiFields api = DataflowApiFields.read();
        JsonNode app = DataflowApplication.read().json();
        for (String model : List.of("CreateApplicationDetails", "UpdateApplicationDetails")) {
            List<String> wrong = new ArrayList<>();
            check(api, model, app, model, wrong);
            assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        }
        Set<String> missing = new TreeSet<>();
        api.model("CreateApplicationDetails").values().stream().filter(DataflowApiFields.Field::required)
                .forEach(f -> {
                    if (!app.has(f.name())) {
                        missing.add(f.name());
                    }
                });
        assertEquals(Set.of("compartmentId"), missing, "deploy.sh gives --compartment-id; the rest is in the file");
        assertTrue(app.path("maxDurationInMinutes").asInt() > 0, "maxDurationInMinutes: a run that hangs is stopped");
    }

    /** The oracle finds what it should: a misspelled field, a wrong type, a value outside the allowed ones. */
    @Test
    void theApiCheckRefusesMisspelledFieldsWrongTypesAndValues() throws Exception {
        DataflowApiFields api = DataflowApiFields.read();
        ObjectMapper m = new ObjectMapper();
        String[][] cases = {
            {"{\"maxDurationInMinute\": 60}", "maxDurationInMinute: not a field"},
            {"{\"numExecutors\": \"4\"}", "numExecutors: \"4\" is not int"},
            {"{\"language\": \"KOTLIN\"}", "language: \"KOTLIN\" is not one of"},
            {"{\"driverShapeConfig\": {\"memoryInGbs\": 16}}", "driverShapeConfig.memoryInGbs: not a field"},
            {"{\"parameters\": [{\"name\": \"source-uri\", \"value\": \"x\"}]}", "not word characters"},
            {"{\"parameters\": [{\"name\": \"x\"}]}", "parameters[0].value: required"},
        };
        for (String[] c : cases) {
            List<String> wrong = new ArrayList<>();
            check(api, "CreateApplicationDetails", m.readTree(c[0]), "CreateApplicationDetails", wrong);
            assertTrue(wrong.stream().anyMatch(w -> w.contains(c[1])), c[0] + " -> " + wrong);
        }
    }

    /**
     * {@code --from-json} keys become the command's options (camelCase to snake_case, oci_cli/string_utils.py);
     * a key that is no option of the command is silently dropped by the CLI (json_skeleton_utils.py), so each key
     * must be an option of both commands deploy.sh gives the file to (oracles/oci-cli-options.tsv).
     */
    @Test
    void everyKeyIsAnOptionOfTheCliCommandsThatReadTheFile() throws Exception {
        Map<String, Set<String>> options = new java.util.HashMap<>();
        for (String line : Files.readAllLines(DataflowScriptsTest.CLI_TABLE)) {
            String[] c = line.split("\t");
            if (!line.startsWith("#") && c.length > 1) {
                options.computeIfAbsent(c[0], k -> new TreeSet<>()).add(c[1].replaceFirst("^--", "")
                        .replace('-', '_'));
            }
        }
        JsonNode app = DataflowApplication.read().json();
        for (String command : List.of("data-flow application create", "data-flow application update")) {
            app.fieldNames().forEachRemaining(k -> assertTrue(options.get(command).contains(underscore(k)),
                    "oci " + command + " --from-json drops '" + k + "': no option --" + underscore(k)
                            .replace('_', '-')));
        }
    }

    /** The CLI's own conversion of --from-json keys (oci-cli 3.89.3, src/oci_cli/string_utils.py underscore). */
    private static String underscore(String word) {
        return word.replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2").replaceAll("([a-z\\d])([A-Z])", "$1_$2")
                .replace('-', '_').toLowerCase(java.util.Locale.ROOT);
    }

    private static void check(DataflowApiFields api, String model, JsonNode node, String at, List<String> wrong) {
        if (!node.isObject()) {
            wrong.add(at + ": " + node + " is not a " + model);
            return;
        }
        Map<String, DataflowApiFields.Field> fields = api.model(model);
        node.fieldNames().forEachRemaining(k -> {
            DataflowApiFields.Field f = fields.get(k);
            if (f == null) {
                wrong.add(at + "." + k + ": not a field of " + model);
            } else {
                checkType(api, f.type(), f.allowed(), node.get(k), at + "." + k, wrong);
            }
        });
        if (!model.endsWith("Details")) { // a nested model's required fields (the request's own: see the test)
            fields.values().stream().filter(DataflowApiFields.Field::required).filter(f -> !node.has(f.name()))
                    .forEach(f -> wrong.add(at + "." + f.name() + ": required in " + model));
        }
        if (model.equals("ApplicationParameter") && node.has("name") && !node.get("name").asText().matches("\\w+")) {
            // ApplicationParameter.name: "a string of one or more word characters (a-z, A-Z, 0-9, _)" (its doc)
            wrong.add(at + ".name: " + node.get("name") + " is not word characters");
        }
    }

    private static void checkType(DataflowApiFields api, String type, List<String> allowed, JsonNode v, String at,
            List<String> wrong) {
        boolean ok = switch (type) {
            case "str" -> v.isTextual();
            case "int" -> v.isIntegralNumber();
            case "float" -> v.isNumber();
            case "bool" -> v.isBoolean();
            case "object" -> true;
            default -> true;
        };
        if (type.startsWith("list[")) {
            ok = v.isArray();
            if (ok) {
                String element = type.substring(5, type.length() - 1);
                for (int i = 0; i < v.size(); i++) {
                    checkType(api, element, List.of(), v.get(i), at.replace(".", "") .isEmpty() ? at : at + "[" + i
                            + "]", wrong);
                }
            }
        } else if (type.startsWith("dict(str, ")) {
            ok = v.isObject();
            if (ok) {
                String value = type.substring(10, type.length() - 1);
                v.fields().forEachRemaining(e -> checkType(api, value, List.of(), e.getValue(), at + "." + e.getKey(),
                        wrong));
            }
        } else if (Character.isUpperCase(type.charAt(0))) {
            check(api, type, v, at, wrong);
            return;
        }
        if (!ok) {
            wrong.add(at + ": " + v + " is not " + type);
        } else if (!allowed.isEmpty() && !allowed.contains(v.asText())) {
            wrong.add(at + ": " + v + " is not one of " + allowed);
        }
    }

    /**
     * application.tf's resource uses only attributes and blocks of the provider's schema for
     * oci_dataflow_application, each with its type (a number the schema takes as a string is a quoted integer),
     * blocks of at most one at most once, every required attribute, the API's allowed values; and it names the
     * provider's source, so terraform init does not look for hashicorp/oci.
     */
    @Test
    void theTerraformResourceIsTheProvidersSchema() throws Exception {
        String tf = Files.readString(Path.of("packaging/dataflow/application.tf"));
        assertTrue(Pattern.compile("(?s)terraform\\s*\\{\\s*required_providers\\s*\\{\\s*oci\\s*=\\s*\\{[^}]*"
                + "source\\s*=\\s*\"oracle/oci\"").matcher(tf.replaceAll("(?m)^\\s*#.*$", "")).find(), "required_providers: oci = { source = \"oracle/oci\" }");
        Map<String, DataflowApiFields.Field> schema = DataflowApiFields.read().model("terraform:oci_dataflow_application");
        List<String> wrong = new ArrayList<>();
        Map<String, String> attrs = new java.util.LinkedHashMap<>();
        Map<String, Integer> blocks = new java.util.HashMap<>();
        hcl(tf, wrong, attrs, blocks);
        attrs.forEach((name, value) -> {
            DataflowApiFields.Field f = schema.get(name);
            if (f == null) {
                wrong.add(name + ": not in the provider's schema");
                return;
            }
            String t = f.type();
            boolean ok = switch (t) {
                case "string" -> value.startsWith("\"") || value.matches("(var|local)\\..*|.*\\?.*:.*|null");
                case "int" -> value.matches("\\d+") || value.startsWith("var.");
                case "float" -> value.matches("\\d+(\\.\\d+)?") || value.startsWith("var.");
                case "bool" -> value.matches("true|false") || value.startsWith("var.");
                default -> t.startsWith("list(") ? value.startsWith("[") : t.startsWith("map(") ? value.startsWith("{")
                        : false;
            };
            if (!ok) {
                wrong.add(name + " = " + value + ": not a " + t);
            }
            if (f.allowed().contains("int64 as string") && !value.matches("\"\\d+\"")) {
                wrong.add(name + " = " + value + ": the provider takes this number as a string, \"N\"");
            }
        });
        blocks.forEach((name, n) -> {
            DataflowApiFields.Field f = schema.get(name);
            if (f == null || !f.type().startsWith("block")) {
                wrong.add(name + " { }: not a block of the provider's schema");
            } else if (f.type().equals("block max=1") && n > 1) {
                wrong.add(name + " { }: at most one");
            }
        });
        schema.values().stream().filter(f -> f.required() && !f.name().contains("."))
                .filter(f -> !attrs.containsKey(f.name()) && !blocks.containsKey(f.name()))
                .forEach(f -> wrong.add(f.name() + ": required by the provider"));
        String language = attrs.get("language").replace("\"", "");
        List<String> languages = DataflowApiFields.read().model("CreateApplicationDetails").get("language").allowed();
        assertTrue(languages.contains(language), language + " not in " + languages);
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertEquals("\"" + DataflowApplication.read().json().get("maxDurationInMinutes").asInt() + "\"",
                attrs.get("max_duration_in_minutes"));
    }

    /** The attributes (name and value's first line) and blocks (a.b inside block a) of the resource. */
    private static void hcl(String tf, List<String> wrong, Map<String, String> attrs, Map<String, Integer> blocks) {
        int start = tf.indexOf("resource \"oci_dataflow_application\"");
        assertTrue(start >= 0);
        String[] lines = tf.substring(tf.indexOf('{', start) + 1).split("\n");
        int depth = 0;
        String block = null;
        for (String raw : lines) {
            String line = raw.replaceAll("#.*", "").trim();
            if (line.isEmpty()) {
                continue;
            }
            if (line.equals("}")) {
                if (depth == 0) {
                    break;
                }
                depth--;
                if (depth == 0) {
                    block = null;
                }
                continue;
            }
            Matcher b = Pattern.compile("^([a-z_]+)\\s*\\{$").matcher(line);
            Matcher a = Pattern.compile("^([a-z_0-9]+)\\s*=\\s*(.*)$").matcher(line);
            if (b.matches()) {
                depth++;
                block = b.group(1);
                blocks.merge(block, 1, Integer::sum);
            } else if (a.matches()) {
                String name = (block == null ? "" : block + ".") + a.group(1);
                attrs.put(name, a.group(2));
                if (a.group(2).equals("{")) {
                    depth++; // a map written over several lines
                    block = depth == 1 ? "\0map" : block;
                }
            } else if (depth == 0 || block == null) {
                wrong.add("cannot read: " + line);
            }
        }
        attrs.keySet().removeIf(k -> k.startsWith("\0map."));
    }

    private static int balanced(String text) {
        int depth = 0;
        for (char ch : text.replaceAll("\\$?\\$\\{[^}]*}", "").toCharArray()) {
            depth += ch == '{' ? 1 : ch == '}' ? -1 : 0;
            assertTrue(depth >= 0);
        }
        return depth;
    }
}
