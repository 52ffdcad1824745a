package io.lakeshift.testing;

import com.oracle.bmc.objectstorage.ObjectStorageClient;
import com.oracle.bmc.objectstorage.model.MultipartUpload;
import com.oracle.bmc.objectstorage.model.ObjectSummary;
import com.oracle.bmc.objectstorage.requests.HeadObjectRequest;
import com.oracle.bmc.objectstorage.requests.ListMultipartUploadsRequest;
import com.oracle.bmc.objectstorage.requests.ListObjectsRequest;
import com.oracle.bmc.objectstorage.responses.HeadObjectResponse;
import io.lakeshift.emulator.OciEmulator;
import io.lakeshift.emulator.Sdk;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A running emulator and an independent OCI SDK client on it, for reading back what a run wrote. */
public final class EmulatorFixture implements AutoCloseable {
    public final OciEmulator emulator;
    public final ObjectStorageClient client;

    public EmulatorFixture() throws IOException {
        this.emulator = OciEmulator.builder().start();
        this.client = Sdk.client(emulator);
    }

    public String namespace() {
        return emulator.namespace();
    }

    public void createBucket(String name) {
        Sdk.createBucket(client, emulator, name);
    }

    public byte[] get(String bucket, String object) throws IOException {
        return Sdk.get(client, emulator, bucket, object);
    }

    public HeadObjectResponse head(String bucket, String object) {
        return client.headObject(HeadObjectRequest.builder().namespaceName(namespace()).bucketName(bucket)
                .objectName(object).build());
    }

    /** Every object name under a prefix, through the SDK's paginator. */
    public List<String> list(String bucket, String prefix) {
        List<String> names = new ArrayList<>();
        for (ObjectSummary o : client.getPaginators().listObjectsRecordIterator(ListObjectsRequest.builder()
                .namespaceName(namespace()).bucketName(bucket).prefix(prefix).build())) {
            names.add(o.getName());
        }
        return names;
    }

    public List<MultipartUpload> openUploads(String bucket) {
        List<MultipartUpload> uploads = new ArrayList<>();
        client.getPaginators().listMultipartUploadsRecordIterator(ListMultipartUploadsRequest.builder()
                .namespaceName(namespace()).bucketName(bucket).build()).forEach(uploads::add);
        return uploads;
    }

    /** The --oci-* options that point a run at this emulator. */
    public List<String> ociArgs() {
        return List.of("--oci-config", emulator.configFile().toString(), "--oci-profile", emulator.profile(),
                "--oci-endpoint", emulator.endpoint());
    }

    @Override
    public void close() {
        client.close();
        emulator.close();
    }
}
