package io.lakeshift.target;

import io.lakeshift.oci.OciClients;
import io.lakeshift.oci.OciListing;
import io.lakeshift.io.Retry;

import io.lakeshift.config.OciSettings;
import io.lakeshift.config.TransferSettings;
import io.lakeshift.model.OciLocation;
import io.lakeshift.model.TargetObject;
import java.io.IOException;
import java.util.Map;

/**
 * An OCI bucket and prefix, reached with the OCI Java SDK.
 *
 * @param encryption what every object's writes (and SSE-C reads) carry
 */
public record OciTarget(OciLocation location, OciSettings oci, Retry retry, OciEncryption encryption)
        implements Target {
    public OciTarget {
        if (location.namespace() == null) {
            throw new IllegalArgumentException("target " + location + " needs its namespace resolved");
        }
        encryption = encryption == null ? OciEncryption.NONE : encryption;
    }

    public OciTarget(OciLocation location, OciSettings oci, Retry retry) {
        this(location, oci, retry, OciEncryption.NONE);
    }

    /** The location only: the settings may hold keys. */
    @Override
    public String toString() {
        return location.toString();
    }

    @Override
    public Map<String, TargetObject> objects() throws IOException {
        return OciListing.objects(OciClients.get(oci), retry, location);
    }

    @Override
    public boolean listsByRange() {
        return true;
    }

    /** ListObjects with {@code start} and {@code end} lists by name, folders or not. */
    @Override
    public boolean splitsFolders() {
        return true;
    }

    /** ListObjects with {@code start} and {@code end}: one range's pages only. */
    @Override
    public void objects(String from, String to, java.util.function.Consumer<TargetObject> each) throws IOException {
        OciListing.objects(OciClients.get(oci), retry, location, from, to, each);
    }

    @Override
    public int abortLeftovers(long before) throws IOException {
        return OciListing.abortLeftovers(OciClients.get(oci), retry, location, before);
    }

    @Override
    public ObjectSink openSink(TransferSettings settings, Retry retry) {
        return new OciObjectSink(OciClients.get(oci), location.namespace(), location.bucket(), settings, retry,
                encryption, Long.MIN_VALUE);
    }

    /** Uploads a killed run left (started before this run) are resumed where they carry the file's marker. */
    @Override
    public ObjectSink openSink(TransferSettings settings, Retry retry, long runStart) {
        return new OciObjectSink(OciClients.get(oci), location.namespace(), location.bucket(), settings, retry,
                encryption, runStart);
    }
}
