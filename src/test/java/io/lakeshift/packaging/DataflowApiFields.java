package io.lakeshift.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * src/test/resources/oracles/dataflow-api.tsv: the Data Flow API's request fields (oci-python-sdk 2.182.1's
 * models) and the Terraform resource oci_dataflow_application's schema (terraform-provider-oci 8.28.0), as
 * generated from their public sources by dataflow_api_fields.py beside it.
 */
record DataflowApiFields(Map<String, Map<String, Field>> objects) {
    static final Path FILE = Path.of("src/test/resources/oracles/dataflow-api.tsv");

    /**
     * @param name the JSON field name (sdk rows) or the Terraform attribute path, a.b inside block a
     * @param type the SDK's swagger type (str, int, float, list[str], dict(str, str), a model's name) or Terraform's
     *     (string, int, float, list(string), map(string), block, block max=1)
     * @param required whether the API or the schema requires it
     * @param allowed the allowed values (empty: any); for Terraform, "int64 as string" for numbers taken as strings
     */
    record Field(String name, String type, boolean required, List<String> allowed) {}

    static DataflowApiFields read() throws IOException {
        Map<String, Map<String, Field>> objects = new LinkedHashMap<>();
        for (String line : Files.readAllLines(FILE)) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] c = (line + "\t\t\t").split("\t", -1);
            String object = c[0].equals("sdk") ? c[1] : c[0] + ":" + c[1];
            List<String> allowed = c[5].isEmpty() ? List.of() : List.of(c[5].split("\\|"));
            objects.computeIfAbsent(object, k -> new LinkedHashMap<>())
                    .put(c[2], new Field(c[2], c[3], c[4].equals("required"), allowed));
        }
        return new DataflowApiFields(objects);
    }

    Map<String, Field> model(String name) {
        Map<String, Field> m = objects.get(name);
        if (m == null) {
            throw new IllegalArgumentException("no " + name + " in " + FILE);
        }
        return m;
    }
}
