package io.lakeshift.source;

import io.lakeshift.io.Errors;
import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.http.rest.PagedResponse;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.AccessTier;
import com.azure.storage.blob.models.ArchiveStatus;
import com.azure.storage.blob.models.BlobItemProperties;
import com.azure.storage.blob.models.BlobListDetails;
import com.azure.storage.blob.models.BlobRange;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.models.RehydratePriority;
import com.azure.storage.blob.options.BlobSetAccessTierOptions;
import com.azure.storage.blob.options.BlobInputStreamOptions;
import com.azure.storage.blob.specialized.BlobInputStream;
import com.azure.core.util.Context;
import io.lakeshift.model.Archived;
import io.lakeshift.model.ObjectHeaders;
import io.lakeshift.model.SourceFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import java.util.function.Consumer;

/**
 * ADLS Gen2 through the Azure SDK's Blob API calls, which serve hierarchical-namespace accounts too (and local
 * emulators without a Data Lake endpoint): one flat, paged listing of every blob below the path (the server
 * recurses; directory markers, blobs with {@code hdi_isfolder=true}, are left out), and reads pinned to the
 * listed ETag, in parallel ranges for large files.
 */
public final class AdlsSource implements Source {
    static final int PAGE_SIZE = 5000;
    private static final int STREAM_BLOCK = 4 << 20;

    private final String root;
    private final AdlsLocation location;
    private final String endpoint;
    private final AzureCredentials credentials;
    private final int readThreads;
    private final int pageSize;
    private transient BlobContainerClient container;

    AdlsSource(String root, String endpoint, AzureCredentials credentials, int readThreads) {
        this(root, endpoint, credentials, readThreads, PAGE_SIZE);
    }

    AdlsSource(String root, String endpoint, AzureCredentials credentials, int readThreads, int pageSize) {
        this.pageSize = pageSize;
        this.root = root;
        this.location = AdlsLocation.parse(root);
        this.endpoint = endpoint == null ? location.blobEndpoint() : endpoint.replaceAll("/+$", "");
        this.credentials = credentials;
        this.readThreads = readThreads;
    }

    @Override
    public String root() {
        return root;
    }

    @Override
    public void list(Consumer<SourceFile> sink) throws IOException {
        try {
            if (listFlat(location.prefix(), sink) == 0 && !location.path().isEmpty()) {
                listSingleFile(sink);
            }
        } catch (BlobStorageException e) {
            throw new SourceException(describe(e, "list " + root), e);
        } catch (ClientAuthenticationException e) {
            throw new SourceException(signInFailed(e), e);
        } catch (RuntimeException e) {
            throw new SourceException("cannot list source " + root + ": " + Errors.oneLine(e), e);
        }
    }

    /** Every blob below {@code prefix} but directory markers, to {@code sink}; how many entries were listed. */
    private long listFlat(String prefix, Consumer<SourceFile> sink) {
        long seen = 0;
        ListBlobsOptions options = new ListBlobsOptions().setPrefix(prefix).setMaxResultsPerPage(pageSize)
                .setDetails(new BlobListDetails().setRetrieveMetadata(true));
        for (PagedResponse<BlobItem> page : client().listBlobs(options, null).iterableByPage()) {
            for (BlobItem item : page.getValue()) {
                seen++;
                if (Boolean.TRUE.equals(item.isPrefix()) || isDirectory(item.getMetadata())) {
                    continue;
                }
                sink.accept(toSourceFile(item.getName(), item.getName().substring(location.prefix().length()),
                        item.getProperties()));
            }
        }
        return seen;
    }

    /** Subtrees are listed apart: the cluster lists the top folders by level, then each below them flat. */
    @Override
    public boolean listsInParts() {
        return true;
    }

    /**
     * One folder's direct children: List Blobs with the delimiter '/' (blobs, and each subfolder as a prefix
     * ending in '/'); directory markers ({@code hdi_isfolder}) are left out, as the flat listing leaves them out.
     */
    @Override
    public void listFolder(String folder, Consumer<SourceFile> files, Consumer<String> folders) throws IOException {
        String prefix = location.prefix() + folder;
        try {
            long seen = 0;
            ListBlobsOptions options = new ListBlobsOptions().setPrefix(prefix).setMaxResultsPerPage(pageSize)
                    .setDetails(new BlobListDetails().setRetrieveMetadata(true));
            for (PagedResponse<BlobItem> page : client().listBlobsByHierarchy("/", options, null).iterableByPage()) {
                for (BlobItem item : page.getValue()) {
                    seen++;
                    String relative = item.getName().substring(location.prefix().length());
                    if (Boolean.TRUE.equals(item.isPrefix())) {
                        folders.accept(relative);
                    } else if (!isDirectory(item.getMetadata())) {
                        files.accept(toSourceFile(item.getName(), relative, item.getProperties()));
                    }
                }
            }
            if (seen == 0 && folder.isEmpty() && !location.path().isEmpty()) {
                listSingleFile(files);
            }
        } catch (BlobStorageException e) {
            throw new SourceException(describe(e, "list " + root + (folder.isEmpty() ? "" : " at " + folder)), e);
        } catch (ClientAuthenticationException e) {
            throw new SourceException(signInFailed(e), e);
        } catch (RuntimeException e) {
            throw new SourceException("cannot list source " + root + (folder.isEmpty() ? "" : " at " + folder) + ": "
                    + Errors.oneLine(e), e);
        }
    }

    @Override
    public void listBelow(String folder, Consumer<SourceFile> sink) throws IOException {
        try {
            listFlat(location.prefix() + folder, sink);
        } catch (BlobStorageException e) {
            throw new SourceException(describe(e, "list " + root + " at " + folder), e);
        } catch (ClientAuthenticationException e) {
            throw new SourceException(signInFailed(e), e);
        } catch (RuntimeException e) {
            throw new SourceException("cannot list source " + root + " at " + folder + ": " + Errors.oneLine(e), e);
        }
    }

    /** Nothing below the path: the path is a file, or nothing at all. */
    private void listSingleFile(Consumer<SourceFile> sink) throws SourceException {
        BlobClient blob = client().getBlobClient(location.path());
        if (!blob.exists()) {
            throw new SourceException("source " + root + " does not exist (no blob in container '"
                    + location.container() + "' of account '" + location.account() + "' starts with '"
                    + location.path() + "'); check --source");
        }
        var props = blob.getProperties();
        if (isDirectory(props.getMetadata())) {
            return;
        }
        String name = location.path();
        sink.accept(new SourceFile(location.uri(name), name.substring(name.lastIndexOf('/') + 1),
                props.getBlobSize(), props.getLastModified().toInstant().toEpochMilli(), props.getETag(),
                props.getContentMd5() == null ? null : Base64.getEncoder().encodeToString(props.getContentMd5()),
                AccessTier.ARCHIVE.equals(props.getAccessTier())
                        ? new Archived(AccessTier.ARCHIVE.toString(), props.getArchiveStatus() != null) : null));
    }

    static boolean isDirectory(Map<String, String> metadata) {
        if (metadata == null) {
            return false;
        }
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            if (e.getKey().equalsIgnoreCase("hdi_isfolder") && "true".equalsIgnoreCase(e.getValue())) {
                return true;
            }
        }
        return false;
    }

    private SourceFile toSourceFile(String name, String relative, BlobItemProperties p) {
        byte[] md5 = p.getContentMd5();
        return new SourceFile(location.uri(name), relative, p.getContentLength() == null ? 0 : p.getContentLength(),
                p.getLastModified().toInstant().toEpochMilli(), p.getETag(),
                md5 == null || md5.length == 0 ? null : Base64.getEncoder().encodeToString(md5), archived(p));
    }

    /**
     * From the listing, no request of its own: a blob in the Archive tier cannot be read (Get Blob answers 409
     * BlobArchived) until it is rehydrated. While a rehydration runs the tier stays Archive and the archive
     * status says rehydrate-pending-to-hot (or -cool, -cold): "returned indicating that rehydrate is pending" (Azure
     * Storage Blob reference, archiveStatus of Get Blob Properties, which List Blobs also returns per blob); once it
     * is done the tier is Hot or Cool and the blob reads like any other.
     */
    static Archived archived(BlobItemProperties p) {
        if (!AccessTier.ARCHIVE.equals(p.getAccessTier())) {
            return null;
        }
        ArchiveStatus status = p.getArchiveStatus();
        return new Archived(AccessTier.ARCHIVE.toString(), status != null);
    }

    /**
     * Rehydrates the blob to the Hot tier at standard priority (Set Blob Tier: 202 Accepted, the rehydration takes
     * up to 15 hours); unlike S3 the blob stays Hot afterwards. Conditioned on nothing: Set Blob Tier takes no
     * If-Match, and a blob rewritten since the listing is copied by the next run as it then is.
     */
    @Override
    public void restore(SourceFile file, int days) throws IOException {
        try {
            blob(file).setAccessTierWithResponse(new BlobSetAccessTierOptions(AccessTier.HOT)
                    .setPriority(RehydratePriority.STANDARD), null, Context.NONE);
        } catch (BlobStorageException e) {
            throw AzureExceptions.translate(describe(e, "restore " + file.uri()), e);
        } catch (ClientAuthenticationException e) {
            throw new SourceException(signInFailed(e), e);
        }
    }

    @Override
    public int listPageSize() {
        return pageSize;
    }

    /** Large files are read in ranges ({@link ParallelRangeInputStream#RANGE_SIZE} bytes), one GET each. */
    @Override
    public long readRequests(long size) {
        return ParallelRangeInputStream.requests(size, readThreads);
    }

    @Override
    public InputStream open(SourceFile file) throws IOException {
        if (ParallelRangeInputStream.inRanges(file.size(), readThreads)) {
            BlobClient blob = blob(file);
            return new ParallelRangeInputStream((offset, length) -> range(blob, file, offset, length), file.size(),
                    readThreads, file.uri());
        }
        return open(file, 0, file.size());
    }

    @Override
    public InputStream open(SourceFile file, long offset, long length) throws IOException {
        long count = Math.max(0, Math.min(length, file.size() - offset));
        if (count == 0) {
            return InputStream.nullInputStream();
        }
        try {
            BlobInputStream in = blob(file).openInputStream(new BlobInputStreamOptions()
                    .setRange(new BlobRange(offset, count))
                    .setRequestConditions(conditions(file)).setBlockSize(STREAM_BLOCK));
            return new BoundedInputStream(in, length);
        } catch (BlobStorageException e) {
            throw readFailed(e, file);
        } catch (ClientAuthenticationException e) {
            throw new SourceException(signInFailed(e), e);
        }
    }

    /** The blob's properties: one request, pinned to the listed ETag (a blob changed since is this file's failure). */
    @Override
    public ObjectHeaders headers(SourceFile file) throws IOException {
        try {
            com.azure.storage.blob.models.BlobProperties p = blob(file)
                    .getPropertiesWithResponse(conditions(file), null, Context.NONE).getValue();
            return new ObjectHeaders(p.getContentType(), p.getContentEncoding(), p.getContentLanguage(),
                    p.getContentDisposition(), p.getCacheControl(), p.getMetadata());
        } catch (BlobStorageException e) {
            throw readFailed(e, file);
        } catch (ClientAuthenticationException e) {
            throw new SourceException(signInFailed(e), e);
        }
    }

    /** Deletes the blob if it is still the version listed (move mode); one already gone is not an error. */
    @Override
    public void delete(SourceFile file) throws IOException {
        try {
            blob(file).deleteWithResponse(null, conditions(file), null, Context.NONE);
        } catch (BlobStorageException e) {
            if (e.getStatusCode() != 404) {
                throw new SourceException(describe(e, "delete " + file.uri()), e);
            }
        } catch (ClientAuthenticationException e) {
            throw new SourceException(signInFailed(e), e);
        }
    }

    private byte[] range(BlobClient blob, SourceFile file, long offset, int length) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length);
        try {
            blob.downloadStreamWithResponse(out, new BlobRange(offset, (long) length), null, conditions(file), false,
                    null, Context.NONE);
        } catch (BlobStorageException e) {
            throw readFailed(e, file);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return out.toByteArray();
    }

    private static BlobRequestConditions conditions(SourceFile file) {
        return file.etag() == null ? null : new BlobRequestConditions().setIfMatch(file.etag());
    }

    private BlobClient blob(SourceFile file) {
        return client().getBlobClient(location.blobName(file.uri()));
    }

    /** A read refused: the file changed or disappeared since the listing (this file only), or the store says no. */
    private IOException readFailed(BlobStorageException e, SourceFile file) {
        String message = describe(e, "read " + file.uri());
        String code = e.getErrorCode() == null ? "" : e.getErrorCode().toString();
        boolean changed = e.getStatusCode() == 412 || (e.getStatusCode() == 404 && "BlobNotFound".equals(code));
        return changed ? new SourceChangedException(message, e) : AzureExceptions.translate(message, e);
    }

    /** One line naming the account, the container and what to fix; never the SDK's text (it may hold a URL). */
    private String describe(BlobStorageException e, String action) {
        int status = e.getStatusCode();
        String code = e.getErrorCode() == null ? "" : e.getErrorCode().toString();
        String where = "container '" + location.container() + "' of Azure storage account '" + location.account()
                + "'";
        String answer = " (" + status + (code.isEmpty() ? "" : " " + code) + ")";
        if (status == 403 || status == 401) {
            return "Azure storage account '" + location.account() + "' refused the credentials" + answer
                    + " to " + action + "; check " + credentials.settingsToFix();
        }
        if ("ContainerNotFound".equals(code)) {
            return where + " does not exist" + answer + "; check --source";
        }
        if (status == 412 || "ConditionNotMet".equals(code)) {
            return "cannot " + action + ": it changed since it was listed" + answer;
        }
        if (status == 404) {
            return "cannot " + action + ": not found in " + where + answer;
        }
        return "cannot " + action + " in " + where + answer;
    }

    private String signInFailed(ClientAuthenticationException e) {
        return "Azure sign-in for storage account '" + location.account() + "' failed (" + Errors.oneLine(e)
                + "); check " + credentials.settingsToFix();
    }

    /** The container's client (the Azure SDK's first use); it sends no request until the listing. */
    @Override
    public void prepare() {
        try {
            client();
        } catch (RuntimeException e) {
            // The listing builds it again and says what is wrong, naming the account.
        }
    }

    private synchronized BlobContainerClient client() {
        if (container == null) {
            container = AzureClients.container(endpoint, location.container(), credentials);
        }
        return container;
    }

    @Override
    public String toString() {
        return "AdlsSource[" + root + " via " + endpoint + ", " + credentials.auth() + "]";
    }
}
