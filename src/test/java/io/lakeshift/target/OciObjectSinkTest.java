package io.lakeshift.target;

import io.lakeshift.io.Retry;

import com.oracle.bmc.model.BmcException;
import io.lakeshift.testing.EmulatorFixture;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The sink contract on the OCI emulator, through the OCI Java SDK. */
class OciObjectSinkTest extends ObjectSinkContract {
    @RegisterExtension
    static final EmulatorFixture oci = EmulatorFixture.perClass("sink");

    @Override
    ObjectSink open() {
        return new OciObjectSink(oci.client(), oci.namespace(), "sink", SETTINGS, Retry.attempts(2));
    }

    @Override
    byte[] stored(String name) throws Exception {
        return oci.get("sink", name);
    }

    @Override
    boolean keepsMetadata() {
        return true;
    }

}
