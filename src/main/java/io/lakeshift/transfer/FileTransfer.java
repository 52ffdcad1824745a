package io.lakeshift.transfer;

import io.lakeshift.log.LogTimes;
import io.lakeshift.log.MigrationRecord;
import io.lakeshift.log.Status;
import io.lakeshift.model.SourceFile;
import io.lakeshift.plan.PlannedFile;
import io.lakeshift.sink.OciErrors;
import io.lakeshift.sink.OciObjectSink;
import io.lakeshift.sink.UploadResult;
import io.lakeshift.source.Source;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Copies one planned file and says what happened. Never throws for a file's own trouble: a file that cannot be
 * read or stored becomes a {@code failed} record with the reason, and the next file goes on.
 */
public final class FileTransfer {
    public static final String META_SIZE = "lakeshift-source-size";
    public static final String META_MODIFIED = "lakeshift-source-modified";
    public static final String META_ETAG = "lakeshift-source-etag";

    private final Source source;
    private final OciObjectSink sink;
    private final String runId;
    private final String runDate;

    public FileTransfer(Source source, OciObjectSink sink, String runId, Instant runStart) {
        this.source = source;
        this.sink = sink;
        this.runId = runId;
        this.runDate = LogTimes.date(runStart);
    }

    public MigrationRecord copy(PlannedFile file) {
        Instant start = Instant.now();
        SourceFile src = file.source();
        try (InputStream in = source.open(src)) {
            UploadResult r = sink.upload(file.objectName(), in, src.size(), metadata(src));
            return record(file, start, Status.NEW, r, null);
        } catch (Exception e) {
            return record(file, start, Status.FAILED, null, OciErrors.describe(e));
        }
    }

    /** What an incremental run compares later: the source's size, time, ETag and MD5 as listed. */
    static Map<String, String> metadata(SourceFile src) {
        Map<String, String> meta = new HashMap<>();
        meta.put(META_SIZE, Long.toString(src.size()));
        meta.put(META_MODIFIED, Long.toString(src.modified()));
        if (src.etag() != null) {
            meta.put(META_ETAG, src.etag());
        }
        if (src.md5() != null) {
            meta.put(OciObjectSink.MD5_KEY, src.md5());
        }
        return meta;
    }

    private MigrationRecord record(PlannedFile f, Instant start, Status status, UploadResult r, String error) {
        Instant end = Instant.now();
        Duration took = Duration.between(start, end);
        long millis = Math.max(1, took.toMillis());
        SourceFile src = f.source();
        return new MigrationRecord(src.relativePath(), src.size(), f.objectName(), r == null ? null : r.size(),
                LogTimes.date(start), LogTimes.date(end), LogTimes.runTime(took), runDate, runId, status,
                r == null ? null : r.md5(), src.etag(), LogTimes.date(src.modified()),
                r == null ? 0 : r.parts(), r == null ? 1 : r.attempts(),
                r == null ? 0 : r.size() * 1000 / millis, took.toMillis(), error);
    }
}
