package io.lakeshift.testing;

import com.oracle.bmc.objectstorage.ObjectStorageClient;
import com.oracle.bmc.objectstorage.model.MultipartUpload;
import com.oracle.bmc.objectstorage.model.ObjectSummary;
import com.oracle.bmc.objectstorage.requests.HeadObjectRequest;
import com.oracle.bmc.objectstorage.requests.ListMultipartUploadsRequest;
import com.oracle.bmc.objectstorage.requests.ListObjectsRequest;
import com.oracle.bmc.objectstorage.responses.HeadObjectResponse;
import io.lakeshift.emulator.FaultPolicy;
import io.lakeshift.emulator.OciEmulator;
import io.lakeshift.emulator.Sdk;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A running emulator and an independent OCI SDK client on it, for reading back what a run wrote. */
public final class EmulatorFixture implements AutoCloseable {
    public final OciEmulator emulator;
    public final ObjectStorageClient client;

    public EmulatorFixture() throws IOException {
        this(FaultPolicy.NONE);
    }

    public EmulatorFixture(FaultPolicy faults) throws IOException {
        this.emulator = OciEmulator.builder().faultPolicy(faults).start();
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

    /** Name to ETag of every object under a prefix: an ETag changes whenever an object is written again. */
    public Map<String, String> etags(String bucket, String prefix) {
        Map<String, String> etags = new TreeMap<>();
        for (ObjectSummary o : client.getPaginators().listObjectsRecordIterator(ListObjectsRequest.builder()
                .namespaceName(namespace()).bucketName(bucket).prefix(prefix).fields("name,etag").build())) {
            etags.put(o.getName(), o.getEtag());
        }
        return etags;
    }

    public void put(String bucket, String object, byte[] body) {
        Sdk.put(client, emulator, bucket, object, body);
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
