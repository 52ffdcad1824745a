package io.lakeshift.testing;

import com.oracle.bmc.objectstorage.ObjectStorageClient;
import com.oracle.bmc.objectstorage.model.MultipartUpload;
import com.oracle.bmc.objectstorage.model.ObjectSummary;
import com.oracle.bmc.objectstorage.requests.HeadObjectRequest;
import com.oracle.bmc.objectstorage.requests.ListMultipartUploadsRequest;
import com.oracle.bmc.objectstorage.requests.ListObjectsRequest;
import com.oracle.bmc.objectstorage.responses.HeadObjectResponse;
import io.lakeshift.config.OciAuth;
import io.lakeshift.config.OciSettings;
import io.lakeshift.emulator.FaultPolicy;
import io.lakeshift.emulator.OciEmulator;
import io.lakeshift.emulator.Sdk;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A running emulator and an independent OCI SDK client on it, for reading back what a run wrote. Either started
 * at once ({@code try (EmulatorFixture oci = new EmulatorFixture())}) or, for a whole test class, registered as a
 * JUnit extension that starts it with the class's buckets before the first test and stops it after the last:
 * <pre>
 *   {@literal @}RegisterExtension
 *   static final EmulatorFixture oci = EmulatorFixture.perClass("bucket");
 * </pre>
 */
public final class EmulatorFixture implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
    private final FaultPolicy faults;
    private final List<String> buckets;
    private final AtomicInteger bucketsMade = new AtomicInteger();
    private OciEmulator emulator;
    private ObjectStorageClient client;

    public EmulatorFixture() throws IOException {
        this(FaultPolicy.NONE);
    }

    public EmulatorFixture(FaultPolicy faults) throws IOException {
        this(faults, List.of());
        start();
    }

    private EmulatorFixture(FaultPolicy faults, List<String> buckets) {
        this.faults = faults;
        this.buckets = buckets;
    }

    /** A fixture for a test class's static {@code @RegisterExtension} field, with these buckets made at start. */
    public static EmulatorFixture perClass(String... buckets) {
        return perClass(FaultPolicy.NONE, buckets);
    }

    /** The same on an emulator that consults {@code faults} on every request. */
    public static EmulatorFixture perClass(FaultPolicy faults, String... buckets) {
        return new EmulatorFixture(faults, List.of(buckets));
    }

    private void start() throws IOException {
        emulator = OciEmulator.builder().faultPolicy(faults).start();
        client = Sdk.client(emulator);
        buckets.forEach(this::createBucket);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    public OciEmulator emulator() {
        return running(emulator);
    }

    /** An SDK client of the test's own (not the one the code under test builds). */
    public ObjectStorageClient client() {
        return running(client);
    }

    private static <T> T running(T part) {
        if (part == null) {
            throw new IllegalStateException("the emulator is not running: register the fixture as a static"
                    + " @RegisterExtension field, or create it with new EmulatorFixture()");
        }
        return part;
    }

    /** What lakeshift's own OCI clients need to reach this emulator (as --oci-* would give them). */
    public OciSettings ociSettings() {
        return new OciSettings(OciAuth.CONFIG, emulator().configFile().toString(), emulator().profile(),
                emulator().endpoint(), null);
    }

    public String namespace() {
        return emulator().namespace();
    }

    public void createBucket(String name) {
        Sdk.createBucket(client(), emulator(), name);
    }

    /**
     * Oracle's oci-hdfs-connector set up for this emulator and its user, as {@code spark.hadoop.*} settings (the
     * keys HadoopPeer's core-site.xml has).
     */
    public Map<String, String> connectorConf() {
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("spark.hadoop.fs.oci.client.hostname", emulator().endpoint());
        conf.put("spark.hadoop.fs.oci.client.auth.tenantId", emulator().tenancyId());
        conf.put("spark.hadoop.fs.oci.client.auth.userId", emulator().userId());
        conf.put("spark.hadoop.fs.oci.client.auth.fingerprint", emulator().fingerprint());
        conf.put("spark.hadoop.fs.oci.client.auth.pemfilepath", emulator().keyFile().toAbsolutePath().toString());
        return conf;
    }

    /** Makes a bucket no other test of the class has used, named {@code prefix-N}, and returns its name. */
    public String newBucket(String prefix) {
        String name = prefix + "-" + bucketsMade.incrementAndGet();
        createBucket(name);
        return name;
    }

    /** The {@code oci://} target URI of a folder (ending in '/', or "" for the bucket) in a bucket here. */
    public String target(String bucket, String folder) {
        return "oci://" + bucket + "@" + namespace() + "/" + folder;
    }

    public byte[] get(String bucket, String object) throws IOException {
        return Sdk.get(client(), emulator(), bucket, object);
    }

    public HeadObjectResponse head(String bucket, String object) {
        return client().headObject(HeadObjectRequest.builder().namespaceName(namespace()).bucketName(bucket)
                .objectName(object).build());
    }

    /** Every object name under a prefix, through the SDK's paginator. */
    public List<String> list(String bucket, String prefix) {
        List<String> names = new ArrayList<>();
        for (ObjectSummary o : client().getPaginators().listObjectsRecordIterator(ListObjectsRequest.builder()
                .namespaceName(namespace()).bucketName(bucket).prefix(prefix).build())) {
            names.add(o.getName());
        }
        return names;
    }

    /** Name to ETag of every object under a prefix: an ETag changes whenever an object is written again. */
    public Map<String, String> etags(String bucket, String prefix) {
        Map<String, String> etags = new TreeMap<>();
        for (ObjectSummary o : client().getPaginators().listObjectsRecordIterator(ListObjectsRequest.builder()
                .namespaceName(namespace()).bucketName(bucket).prefix(prefix).fields("name,etag").build())) {
            etags.put(o.getName(), o.getEtag());
        }
        return etags;
    }

    public void put(String bucket, String object, byte[] body) {
        Sdk.put(client(), emulator(), bucket, object, body);
    }

    public List<MultipartUpload> openUploads(String bucket) {
        List<MultipartUpload> uploads = new ArrayList<>();
        client().getPaginators().listMultipartUploadsRecordIterator(ListMultipartUploadsRequest.builder()
                .namespaceName(namespace()).bucketName(bucket).build()).forEach(uploads::add);
        return uploads;
    }

    /** The --oci-* options that point a run at this emulator. */
    public List<String> ociArgs() {
        return List.of("--oci-config", emulator().configFile().toString(), "--oci-profile", emulator().profile(),
                "--oci-endpoint", emulator().endpoint());
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
            client = null;
        }
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
    }
}
