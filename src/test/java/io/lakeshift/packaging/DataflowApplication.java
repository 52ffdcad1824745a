package io.lakeshift.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** packaging/dataflow/application.json read the way Data Flow reads it, with its ${parameter} substitution. */
public record DataflowApplication(JsonNode json) {
    public static final Path FILE = Path.of("packaging/dataflow/application.json");
    private static final Pattern PARAMETER = Pattern.compile("\\$\\{([^}]*)}");

    public static DataflowApplication read() throws IOException {
        return new DataflowApplication(new ObjectMapper().readTree(FILE.toFile()));
    }

    /** The application's parameters and their default values. */
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        json.get("parameters").forEach(n -> p.put(n.get("name").asText(), n.get("value").asText()));
        return p;
    }

    /**
     * The run's arguments: each ${name} replaced by the run's value for that parameter, else the application's;
     * a name that is neither is an error, as Data Flow refuses such a run.
     */
    public List<String> arguments(Map<String, String> runParameters) {
        Map<String, String> values = new LinkedHashMap<>(parameters());
        values.putAll(runParameters);
        List<String> args = new ArrayList<>();
        for (JsonNode a : json.get("arguments")) {
            Matcher m = PARAMETER.matcher(a.asText());
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String value = values.get(m.group(1));
                if (value == null) {
                    throw new IllegalArgumentException("argument " + a + " names parameter '" + m.group(1)
                            + "', which the application does not define");
                }
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            m.appendTail(out);
            args.add(out.toString());
        }
        return args;
    }
}
