package io.lakeshift.target;

import io.lakeshift.config.ObjectSettings;
import io.lakeshift.config.OciSettings;
import io.lakeshift.secrets.SecretException;
import io.lakeshift.secrets.SecretResolver;
import io.lakeshift.config.TransferSettings;
import io.lakeshift.io.Retry;
import io.lakeshift.io.StorageException;
import io.lakeshift.model.HadoopLocation;
import io.lakeshift.model.OciLocation;
import io.lakeshift.model.TargetLocation;
import io.lakeshift.oci.OciClients;
import io.lakeshift.oci.OciTargetCheck;
import java.util.Map;

/** The one place a target's kind is told apart: the rest of lakeshift sees only {@link Target}. */
public final class Targets {
    private Targets() {}

    /**
     * The location ready to use. An OCI target is signed in to and its bucket read, its namespace filled in if
     * left out; a Hadoop target is checked by its first listing, with the run's Hadoop settings.
     *
     * @throws StorageException naming the profile, bucket or setting at fault
     */
    public static TargetLocation resolve(TargetLocation location, OciSettings oci, Retry retry)
            throws StorageException {
        return location instanceof OciLocation o ? OciTargetCheck.resolve(OciClients.get(oci), retry, oci, o) : location;
    }

    /** The target of a resolved location; {@code hadoop} are the settings of a Hadoop target's file system. */
    public static Target open(TargetLocation location, OciSettings oci, Map<String, String> hadoop,
            TransferSettings transfer, Retry retry) {
        return location instanceof OciLocation o ? new OciTarget(o, oci, retry)
                : HadoopTarget.of((HadoopLocation) location, hadoop, transfer);
    }

    /**
     * The same, an OCI target's objects encrypted as {@code objects} says: the SSE-C key resolved here, on the
     * driver, with {@code secrets} (the config refused both options for a Hadoop target).
     *
     * @throws io.lakeshift.config.ConfigException naming --sse-c-key when its value is no AES-256 key
     */
    public static Target open(TargetLocation location, OciSettings oci, Map<String, String> hadoop,
            TransferSettings transfer, Retry retry, ObjectSettings objects, SecretResolver secrets)
            throws SecretException {
        if (!(location instanceof OciLocation o)) {
            return open(location, oci, hadoop, transfer, retry);
        }
        return new OciTarget(o, oci, retry,
                new OciEncryption(objects.kmsKeyId(), secrets.resolve(objects.sseCustomerKey())));
    }
}
