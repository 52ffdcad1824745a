package io.lakeshift.log;

import io.lakeshift.config.OciSettings;
import io.lakeshift.io.Retry;
import io.lakeshift.model.OciLocation;
import io.lakeshift.oci.OciClients;
import java.util.Map;

/** Opens the log store a location names: {@code oci://} through the OCI SDK, anything else through Hadoop. */
public final class LogStores {
    private LogStores() {}

    /**
     * @param location folder of the log, {@code oci://bucket@namespace/prefix} (namespace required) or a Hadoop URI
     */
    public static LogStore open(String location, OciSettings oci, Map<String, String> hadoopProperties,
            Retry retry) {
        if (location.startsWith("oci://")) {
            OciLocation l = OciLocation.parse(location);
            if (l.namespace() == null) {
                throw new IllegalArgumentException("log location " + location + " needs its namespace");
            }
            return new OciLogStore(OciClients.get(oci), l, retry);
        }
        return new HadoopLogStore(location, hadoopProperties);
    }
}
