package io.lakeshift.log;

import com.oracle.bmc.model.BmcException;
import com.oracle.bmc.objectstorage.ObjectStorage;
import com.oracle.bmc.objectstorage.requests.DeleteObjectRequest;
import com.oracle.bmc.objectstorage.requests.GetObjectRequest;
import com.oracle.bmc.objectstorage.requests.PutObjectRequest;
import com.oracle.bmc.objectstorage.responses.GetObjectResponse;
import io.lakeshift.model.OciLocation;
import io.lakeshift.sink.OciErrors;
import io.lakeshift.sink.OciListing;
import io.lakeshift.sink.Retry;
import io.lakeshift.verify.Md5;
import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Log files as objects in an OCI bucket. */
public final class OciLogStore implements LogStore {
    private final ObjectStorage client;
    private final OciLocation location;
    private final Retry retry = Retry.standard();

    public OciLogStore(ObjectStorage client, OciLocation location) {
        this.client = client;
        this.location = location;
    }

    @Override
    public String location() {
        return location.toString();
    }

    @Override
    public void write(String name, byte[] content) throws IOException {
        String object = location.objectName(name);
        try {
            retry.call(() -> client.putObject(PutObjectRequest.builder()
                    .namespaceName(location.namespace()).bucketName(location.bucket()).objectName(object)
                    .contentLength((long) content.length).contentMD5(Md5.base64(Md5.of(content, 0, content.length)))
                    .contentType(name.endsWith(".parquet") ? "application/octet-stream" : "application/json")
                    .putObjectBody(new ByteArrayInputStream(content)).build()));
        } catch (RuntimeException e) {
            throw new IOException("cannot write log " + location.child(name) + ": " + OciErrors.describe(e), e);
        }
    }

    @Override
    public byte[] read(String name) throws IOException {
        String object = location.objectName(name);
        try {
            GetObjectResponse r = retry.call(() -> client.getObject(GetObjectRequest.builder()
                    .namespaceName(location.namespace()).bucketName(location.bucket()).objectName(object).build()))
                    .value();
            try (InputStream in = r.getInputStream()) {
                return in.readAllBytes();
            }
        } catch (RuntimeException e) {
            String message = "cannot read log " + location.child(name) + ": " + OciErrors.describe(e);
            if (e instanceof BmcException b && b.getStatusCode() == 404) {
                FileNotFoundException missing = new FileNotFoundException(message);
                missing.initCause(e);
                throw missing;
            }
            throw new IOException(message, e);
        }
    }

    @Override
    public List<Entry> list(String prefix) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try {
            OciListing.list(client, location.namespace(), location.bucket(), location.objectName(prefix),
                    "name,timeModified", s -> entries.add(new Entry(s.getName().substring(location.prefix().length()),
                            s.getTimeModified() == null ? 0 : s.getTimeModified().getTime())));
        } catch (RuntimeException e) {
            throw new IOException("cannot list log " + location.child(prefix) + ": " + OciErrors.describe(e), e);
        }
        return entries;
    }

    @Override
    public void delete(String name) throws IOException {
        try {
            retry.call(() -> client.deleteObject(DeleteObjectRequest.builder().namespaceName(location.namespace())
                    .bucketName(location.bucket()).objectName(location.objectName(name)).build()));
        } catch (BmcException e) {
            if (e.getStatusCode() != 404) {
                throw new IOException("cannot delete log " + location.child(name) + ": " + OciErrors.describe(e), e);
            }
        }
    }
}
