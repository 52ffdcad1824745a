package io.lakeshift.target;

import io.lakeshift.io.Retry;

import io.lakeshift.testing.EmulatorFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The sink contract on the OCI emulator, through the OCI Java SDK. */
class OciObjectSinkTest extends ObjectSinkContract {
    private static EmulatorFixture oci;

    @BeforeAll
    static void start() throws Exception {
        oci = new EmulatorFixture();
        oci.createBucket("sink");
    }

    @AfterAll
    static void stop() {
        oci.close();
    }

    @Override
    ObjectSink open() {
        return new OciObjectSink(oci.client, oci.namespace(), "sink", SETTINGS, Retry.attempts(2));
    }

    @Override
    byte[] stored(String name) throws Exception {
        return oci.get("sink", name);
    }
}
