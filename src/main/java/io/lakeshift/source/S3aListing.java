package io.lakeshift.source;

import com.amazonaws.AmazonClientException;
import com.amazonaws.AmazonServiceException;
import com.amazonaws.services.s3.AmazonS3;
import com.amazonaws.services.s3.model.GlacierJobParameters;
import com.amazonaws.services.s3.model.ListObjectsV2Request;
import com.amazonaws.services.s3.model.ListObjectsV2Result;
import com.amazonaws.services.s3.model.ObjectMetadata;
import com.amazonaws.services.s3.model.RestoreObjectRequest;
import com.amazonaws.services.s3.model.S3ObjectSummary;
import com.amazonaws.services.s3.model.Tier;
import io.lakeshift.model.Archived;
import io.lakeshift.model.SourceFile;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Consumer;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.s3a.S3AFileSystem;
import org.apache.hadoop.fs.s3a.S3AUtils;

/**
 * The listing of an s3a:// folder with each object's storage class, and the restore of archived objects, through
 * the AWS SDK client S3A itself built (same credentials, endpoint, region, path style, retries). S3A 3.3.4's own
 * listing drops the StorageClass that ListObjectsV2 returns for every object, so an object in GLACIER or
 * DEEP_ARCHIVE (readable only after a RestoreObject) could not be told apart before its GET failed with 403
 * InvalidObjectState. This sends the same ListObjectsV2 requests S3A would (1,000 keys a page), and one HEAD per
 * archived object only, for its restore state: the {@code x-amz-restore} header, {@code ongoing-request="true"}
 * while a restore runs, {@code ongoing-request="false", expiry-date="..."} once the restored copy can be read
 * (Amazon S3 API Reference, HeadObject, API version 2006-03-01). Only s3a:// roots load this class.
 */
final class S3aListing {
    /** Storage classes whose objects must be restored before a GET (GLACIER_IR reads at once). */
    static final Set<String> ARCHIVE_CLASSES = Set.of("GLACIER", "DEEP_ARCHIVE");
    static final int PAGE_SIZE = 1000;
    /**
     * S3A asks for the client "for testing"; it is the same one its own requests go through. S3A warns with this
     * reason; conf/log4j2.properties drops that warning for reasons that start "lakeshift: ".
     */
    private static final String PURPOSE = "lakeshift: listing with storage classes, restores";
    /** Held as long as their file system (FileSystem keeps identity equality). */
    private static final Map<S3AFileSystem, AmazonS3> CLIENTS = new WeakHashMap<>();

    private S3aListing() {}

    /**
     * Lists every object below {@code prefix} (a key prefix ending in '/', or "" for the bucket), leaving out
     * directory markers (keys ending in '/'), as S3A's recursive listing does.
     */
    static void list(FileSystem fs, Path root, String prefix, Consumer<SourceFile> sink) throws IOException {
        listRange(fs, root, prefix, KeyRange.below(""), sink);
    }

    /** Lists the objects of a key range below the root's {@code prefix}, as {@link #list} lists them all. */
    static void listRange(FileSystem fs, Path root, String prefix, KeyRange range, Consumer<SourceFile> sink)
            throws IOException {
        listRange(fs, root, prefix, range, Integer.MAX_VALUE, sink, null);
    }

    /**
     * As {@link #listRange(FileSystem, Path, String, KeyRange, Consumer)}, but past {@code split} keys the rest of
     * the range goes to {@code rest} as key ranges ({@link KeyRanges#rest}) instead of being listed here; a null
     * {@code rest} lists it all.
     */
    static void listRange(FileSystem fs, Path root, String prefix, KeyRange range, int split,
            Consumer<SourceFile> sink, Consumer<KeyRange> rest) throws IOException {
        try {
            keys(fs, root, prefix).range(range, split, sink, rest);
        } catch (AmazonClientException e) {
            throw S3AUtils.translateException("list", root, e);
        }
    }

    /** Lists one folder's direct children, or, past {@code splitEntries} of them, hands out its key ranges. */
    static void listFolder(FileSystem fs, Path root, String prefix, String folder, int splitEntries,
            Consumer<SourceFile> files, Consumer<String> folders, Consumer<KeyRange> ranges) throws IOException {
        try {
            keys(fs, root, prefix).folder(folder, splitEntries, files, folders, ranges);
        } catch (AmazonClientException e) {
            throw S3AUtils.translateException("list", root, e);
        }
    }

    private static Keys keys(FileSystem fs, Path root, String prefix) throws IOException {
        return new Keys(client(fs), root.toUri().getHost(), prefix,
                key -> fs.makeQualified(new Path("/" + key)).toUri().toString());
    }

    /**
     * The keys below a root prefix of one bucket, listed with ListObjectsV2, whose results "are always returned in
     * UTF-8 binary order" (Amazon S3 User Guide, "Listing object keys programmatically"): a range's listing starts
     * with {@code start-after} at its lower bound ("Amazon S3 starts listing after this specified key", Amazon S3
     * API Reference, ListObjectsV2, API version 2006-03-01) and stops at the first key past its upper one.
     *
     * @param uri the file URI of a key
     */
    record Keys(AmazonS3 s3, String bucket, String prefix, Function<String, String> uri) {
        void range(KeyRange range, Consumer<SourceFile> sink) {
            range(range, Integer.MAX_VALUE, sink, null);
        }

        /**
         * The range's keys; with a {@code rest}, only the first {@code split} or so (pages of at most as many),
         * and the rest of the range handed out as key ranges chosen from them.
         */
        void range(KeyRange range, int split, Consumer<SourceFile> sink, Consumer<KeyRange> rest) {
            ListObjectsV2Request request = new ListObjectsV2Request().withBucketName(bucket)
                    .withPrefix(prefix + range.folder()).withMaxKeys(rest == null ? PAGE_SIZE
                            : Math.min(PAGE_SIZE, split));
            if (range.after() != null) {
                request.setStartAfter(prefix + range.after());
            }
            List<String> sample = rest == null ? null : new ArrayList<>();
            ListObjectsV2Result page;
            do {
                page = s3.listObjectsV2(request);
                for (S3ObjectSummary o : page.getObjectSummaries()) {
                    String relative = o.getKey().substring(prefix.length());
                    if (range.past(relative)) {
                        return;
                    }
                    if (!o.getKey().endsWith("/")) {
                        sink.accept(file(o, relative));
                    }
                    if (sample != null) {
                        sample.add(relative);
                    }
                }
                if (sample != null && page.isTruncated() && sample.size() >= split) {
                    KeyRanges.rest(range, sample).forEach(rest);
                    return;
                }
                request.setContinuationToken(page.getNextContinuationToken());
            } while (page.isTruncated());
        }

        /**
         * One folder's direct children (delimiter '/'); held until the folder is known to be small enough (at most
         * {@code splitEntries} entries, objects and subfolders, pages of at most as many), else dropped for its key
         * ranges, chosen from them.
         */
        void folder(String folder, int splitEntries, Consumer<SourceFile> files, Consumer<String> folders,
                Consumer<KeyRange> ranges) {
            ListObjectsV2Request request = new ListObjectsV2Request().withBucketName(bucket)
                    .withPrefix(prefix + folder).withDelimiter("/").withMaxKeys(Math.min(PAGE_SIZE, splitEntries));
            List<S3ObjectSummary> objects = new ArrayList<>();
            List<String> subfolders = new ArrayList<>();
            ListObjectsV2Result page;
            do {
                page = s3.listObjectsV2(request);
                objects.addAll(page.getObjectSummaries());
                page.getCommonPrefixes().forEach(p -> subfolders.add(p.substring(prefix.length())));
                if (page.isTruncated() && objects.size() + subfolders.size() >= splitEntries) {
                    List<String> sample = new ArrayList<>(subfolders);
                    objects.forEach(o -> sample.add(o.getKey().substring(prefix.length())));
                    KeyRanges.split(folder, sample).forEach(ranges);
                    return;
                }
                request.setContinuationToken(page.getNextContinuationToken());
            } while (page.isTruncated());
            for (S3ObjectSummary o : objects) {
                if (!o.getKey().endsWith("/")) {
                    files.accept(file(o, o.getKey().substring(prefix.length())));
                }
            }
            subfolders.forEach(folders);
        }

        /** With its storage class, and for an archived object its restore state (one HEAD). */
        private SourceFile file(S3ObjectSummary o, String relative) {
            Archived archived = ARCHIVE_CLASSES.contains(o.getStorageClass())
                    ? restoreState(s3, bucket, o.getKey(), o.getStorageClass()) : null;
            return new SourceFile(uri.apply(o.getKey()), relative, o.getSize(), o.getLastModified().getTime(),
                    o.getETag() == null || o.getETag().isEmpty() ? null : o.getETag(), null, archived);
        }
    }

    /** An archived object's state: still archived, being restored, or (null) restored and readable. */
    private static Archived restoreState(AmazonS3 s3, String bucket, String key, String storageClass) {
        ObjectMetadata head = s3.getObjectMetadata(bucket, key);
        return archived(storageClass, head.getOngoingRestore());
    }

    /**
     * @param ongoingRestore the parsed {@code x-amz-restore} header: null without one (no restore asked), true
     *     while it runs, false once the restored copy can be read
     */
    static Archived archived(String storageClass, Boolean ongoingRestore) {
        if (Boolean.FALSE.equals(ongoingRestore)) {
            return null;
        }
        return new Archived(storageClass, Boolean.TRUE.equals(ongoingRestore));
    }

    /**
     * RestoreObject for {@code days}, Standard retrieval (3 to 5 hours for GLACIER, within 12 for DEEP_ARCHIVE). A
     * restore already running is not an error: S3 answers 409 RestoreAlreadyInProgress (Amazon S3 API Reference,
     * RestoreObject, API version 2006-03-01).
     */
    static void restore(FileSystem fs, Path path, int days) throws IOException {
        URI uri = path.toUri();
        try {
            client(fs).restoreObjectV2(request(uri.getHost(), uri.getPath().substring(1), days));
        } catch (AmazonServiceException e) {
            if (e.getStatusCode() != 409 || !"RestoreAlreadyInProgress".equals(e.getErrorCode())) {
                throw S3AUtils.translateException("restore", path, e);
            }
        } catch (AmazonClientException e) {
            throw S3AUtils.translateException("restore", path, e);
        }
    }

    static RestoreObjectRequest request(String bucket, String key, int days) {
        return new RestoreObjectRequest(bucket, key).withExpirationInDays(days)
                .withGlacierJobParameters(new GlacierJobParameters().withTier(Tier.Standard));
    }

    /**
     * One object by its key, with one HEAD (S3A's getFileStatus would also LIST, to find a folder): null when no
     * such object exists. With its storage class, so an archived object is known as the listing knows it.
     */
    static SourceFile head(FileSystem fs, Path root, String key, String relative) throws IOException {
        AmazonS3 s3 = client(fs);
        String bucket = root.toUri().getHost();
        try {
            ObjectMetadata head = s3.getObjectMetadata(bucket, key);
            String storageClass = head.getStorageClass();
            Archived archived = ARCHIVE_CLASSES.contains(storageClass)
                    ? archived(storageClass, head.getOngoingRestore()) : null;
            URI uri = fs.makeQualified(new Path("/" + key)).toUri();
            String etag = head.getETag();
            return new SourceFile(uri.toString(), relative, head.getContentLength(),
                    head.getLastModified() == null ? 0 : head.getLastModified().getTime(),
                    etag == null || etag.isEmpty() ? null : etag, null, archived);
        } catch (com.amazonaws.services.s3.model.AmazonS3Exception e) {
            if (e.getStatusCode() == 404) {
                return null;
            }
            throw S3AUtils.translateException("HEAD", root, e);
        } catch (AmazonClientException e) {
            throw S3AUtils.translateException("HEAD", root, e);
        }
    }

    /**
     * S3A's client, asked for once per file system: S3A logs a warning at each asking, and a listing by key range
     * asks once per range.
     */
    private static AmazonS3 client(FileSystem fs) throws IOException {
        if (!(fs instanceof S3AFileSystem s3a)) {
            throw new SourceException("not an S3A file system: " + fs.getUri());
        }
        synchronized (CLIENTS) {
            return CLIENTS.computeIfAbsent(s3a, f -> f.getAmazonS3ClientForTesting(PURPOSE));
        }
    }
}
