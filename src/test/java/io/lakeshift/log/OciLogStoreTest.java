package io.lakeshift.log;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.io.Retry;
import io.lakeshift.model.OciLocation;
import io.lakeshift.testing.EmulatorFixture;
import io.lakeshift.io.NotFoundException;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The log store contract on the OCI emulator, through the OCI Java SDK. */
class OciLogStoreTest extends LogStoreContract {
    @RegisterExtension
    static final EmulatorFixture oci = EmulatorFixture.perClass("logs");

    @Override
    LogStore store(String folder) {
        return new OciLogStore(oci.client(), new OciLocation("logs", oci.namespace(), "_lakeshift/" + folder), Retry.attempts(3));
    }

    /** Unlike a folder, a bucket is not made on the first write: a missing one is an error, never an empty log. */
    @Test
    void aMissingBucketIsAnErrorNamingTheLocation() {
        LogStore logs = new OciLogStore(oci.client(), new OciLocation("no-such-bucket", oci.namespace(), "logs/"), Retry.attempts(3));
        IOException listing = assertThrows(IOException.class, () -> logs.list(""));
        assertTrue(listing.getMessage().contains("no-such-bucket") && listing.getMessage().contains("404"),
                listing.getMessage());
        IOException writing = assertThrows(IOException.class, () -> logs.write("a.json", new byte[1]));
        assertTrue(writing.getMessage().contains("no-such-bucket"), writing.getMessage());
        assertThrows(NotFoundException.class, () -> logs.read("a.json"), "nothing to read there either");
    }
}
