package io.lakeshift.emulator;

import com.oracle.bmc.ClientConfiguration;
import com.oracle.bmc.auth.ConfigFileAuthenticationDetailsProvider;
import com.oracle.bmc.objectstorage.ObjectStorageClient;
import com.oracle.bmc.objectstorage.model.CreateBucketDetails;
import com.oracle.bmc.objectstorage.requests.CreateBucketRequest;
import com.oracle.bmc.objectstorage.requests.GetObjectRequest;
import com.oracle.bmc.objectstorage.requests.PutObjectRequest;
import com.oracle.bmc.objectstorage.responses.PutObjectResponse;
import com.oracle.bmc.retrier.RetryConfiguration;
import com.oracle.bmc.util.CircuitBreakerUtils;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;

/** Builds real OCI SDK clients against an emulator. Retries and the circuit breaker are off so errors show. */
public final class Sdk {
    private Sdk() {
    }

    public static ObjectStorageClient client(OciEmulator emu) throws IOException {
        ConfigFileAuthenticationDetailsProvider provider =
                new ConfigFileAuthenticationDetailsProvider(emu.configFile().toString(), emu.profile());
        ClientConfiguration configuration = ClientConfiguration.builder()
                .retryConfiguration(RetryConfiguration.NO_RETRY_CONFIGURATION)
                .circuitBreakerConfiguration(CircuitBreakerUtils.getNoCircuitBreakerConfiguration())
                .build();
        return ObjectStorageClient.builder().configuration(configuration).endpoint(emu.endpoint()).build(provider);
    }

    public static void createBucket(ObjectStorageClient client, OciEmulator emu, String name) {
        client.createBucket(CreateBucketRequest.builder().namespaceName(emu.namespace())
                .createBucketDetails(CreateBucketDetails.builder().name(name).compartmentId(emu.tenancyId()).build())
                .build());
    }

    public static PutObjectResponse put(ObjectStorageClient client, OciEmulator emu, String bucket, String name,
                                        byte[] body) {
        return client.putObject(PutObjectRequest.builder().namespaceName(emu.namespace()).bucketName(bucket)
                .objectName(name).contentLength((long) body.length).putObjectBody(new ByteArrayInputStream(body))
                .build());
    }

    public static byte[] get(ObjectStorageClient client, OciEmulator emu, String bucket, String name)
            throws IOException {
        try (InputStream in = client.getObject(GetObjectRequest.builder().namespaceName(emu.namespace())
                .bucketName(bucket).objectName(name).build()).getInputStream()) {
            return in.readAllBytes();
        }
    }

    public static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
