package io.lakeshift.log;

import com.oracle.bmc.objectstorage.ObjectStorage;
import com.oracle.bmc.objectstorage.requests.DeleteObjectRequest;
import com.oracle.bmc.objectstorage.requests.GetObjectRequest;
import com.oracle.bmc.objectstorage.requests.PutObjectRequest;
import com.oracle.bmc.objectstorage.responses.GetObjectResponse;
import io.lakeshift.model.OciLocation;
import io.lakeshift.oci.OciExceptions;
import io.lakeshift.io.NotFoundException;
import io.lakeshift.oci.OciListing;
import io.lakeshift.io.Retry;
import io.lakeshift.verify.Md5;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Log files as objects in an OCI bucket. */
public final class OciLogStore implements LogStore {
    private final ObjectStorage client;
    private final OciLocation location;
    private final Retry retry;

    public OciLogStore(ObjectStorage client, OciLocation location, Retry retry) {
        this.client = client;
        this.location = location;
        this.retry = retry;
    }

    @Override
    public String location() {
        return location.toString();
    }

    @Override
    public void write(String name, byte[] content) throws IOException {
        String object = location.objectName(name);
        retry.call(() -> OciExceptions.call("cannot write log " + location.child(name), () -> client.putObject(
                PutObjectRequest.builder()
                    .namespaceName(location.namespace()).bucketName(location.bucket()).objectName(object)
                    .contentLength((long) content.length).contentMD5(Md5.base64(Md5.of(content, 0, content.length)))
                    .contentType(name.endsWith(".parquet") ? "application/octet-stream" : "application/json")
                    .putObjectBody(new ByteArrayInputStream(content)).build())));
    }

    @Override
    public byte[] read(String name) throws IOException {
        String object = location.objectName(name);
        GetObjectResponse r = retry.call(() -> OciExceptions.call("cannot read log " + location.child(name),
                () -> client.getObject(GetObjectRequest.builder().namespaceName(location.namespace())
                        .bucketName(location.bucket()).objectName(object).build()))).value();
        try (InputStream in = r.getInputStream()) {
            return in.readAllBytes();
        }
    }

    @Override
    public List<Entry> list(String prefix) throws IOException {
        List<Entry> entries = new ArrayList<>();
        OciListing.list(client, retry, "cannot list log " + location.child(prefix), location.namespace(),
                location.bucket(), location.objectName(prefix), "name,timeModified",
                s -> entries.add(new Entry(s.getName().substring(location.prefix().length()),
                        s.getTimeModified() == null ? 0 : s.getTimeModified().getTime())));
        return entries;
    }

    @Override
    public void delete(String name) throws IOException {
        try {
            retry.call(() -> OciExceptions.call("cannot delete log " + location.child(name),
                    () -> client.deleteObject(DeleteObjectRequest.builder().namespaceName(location.namespace())
                            .bucketName(location.bucket()).objectName(location.objectName(name)).build())));
        } catch (NotFoundException gone) {
            // already gone: the contract's outcome
        }
    }
}
