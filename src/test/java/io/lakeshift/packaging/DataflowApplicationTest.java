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

    private static int balanced(String text) {
        int depth = 0;
        for (char ch : text.replaceAll("\\$?\\$\\{[^}]*}", "").toCharArray()) {
            depth += ch == '{' ? 1 : ch == '}' ? -1 : 0;
            assertTrue(depth >= 0);
        }
        return depth;
    }
}
