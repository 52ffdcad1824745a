package io.lakeshift.emulator;

import com.oracle.bmc.objectstorage.ObjectStorageClient;
import com.oracle.bmc.objectstorage.requests.GetNamespaceRequest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SmokeTest {
    @Test
    void namespaceAndPutGet() throws Exception {
        try (OciEmulator emu = OciEmulator.builder().start(); ObjectStorageClient client = Sdk.client(emu)) {
            assertEquals("lakeshift", client.getNamespace(GetNamespaceRequest.builder().build()).getValue());
            Sdk.createBucket(client, emu, "b1");
            byte[] body = Sdk.randomBytes(100_000, 1);
            Sdk.put(client, emu, "b1", "a/b c+d%.bin", body);
            assertArrayEquals(body, Sdk.get(client, emu, "b1", "a/b c+d%.bin"));
        }
    }
}
