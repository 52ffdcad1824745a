package io.lakeshift.job;

import io.lakeshift.packaging.DataflowApplication;
import io.lakeshift.testing.ChildJvm;
import io.lakeshift.testing.EmulatorFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Data Flow jar run under spark-submit on the Data Flow-like peer runtime (bench/peers/dataflow-delta), as
 * packaging/dataflow/application.json runs it (its arguments and configuration), with oci-hdfs-connector set up
 * for the emulator.
 */
final class DataflowSubmit {
    static final String PEER = "bench/peers/dataflow-delta/pom.xml";

    private DataflowSubmit() {}

    /**
     * Runs the application to its end and returns its output.
     *
     * @param more arguments after the application's own and before the emulator's OCI options
     * @param conf Spark settings on top of the application's and the connector's
     */
    static String run(EmulatorFixture oci, Path dir, Map<String, String> parameters, List<String> more,
            Map<String, String> conf) throws Exception {
        DataflowApplication app = DataflowApplication.read();
        List<String> args = new ArrayList<>(app.arguments(parameters));
        args.addAll(more);
        args.addAll(oci.ociArgs());
        Map<String, String> all = new LinkedHashMap<>();
        app.json().get("configuration").fields().forEachRemaining(c -> all.put(c.getKey(), c.getValue().asText()));
        all.putAll(oci.connectorConf());
        all.putAll(conf);
        return ChildJvm.runToEnd(dir, ChildJvm.sparkSubmit(PEER, "dataflow-delta", all,
                app.json().get("className").asText(), DataflowJarIT.dataflowJar(), args), "spark-submit");
    }
}
