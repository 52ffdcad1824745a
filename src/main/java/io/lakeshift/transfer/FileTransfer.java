package io.lakeshift.transfer;

import io.lakeshift.config.Mode;
import io.lakeshift.config.ObjectSettings;
import io.lakeshift.model.ObjectHeaders;
import io.lakeshift.target.ObjectProperties;
import io.lakeshift.config.Overwrite;
import io.lakeshift.config.ParquetCheck;
import io.lakeshift.config.TransferSettings;
import io.lakeshift.log.LogTimes;
import io.lakeshift.log.MigrationRecord;
import io.lakeshift.log.Status;
import io.lakeshift.model.Fingerprint;
import io.lakeshift.model.SourceFile;
import io.lakeshift.plan.Action;
import io.lakeshift.plan.Decision;
import io.lakeshift.plan.PlannedFile;
import io.lakeshift.target.CommitCheck;
import io.lakeshift.io.PermanentException;
import io.lakeshift.target.ObjectInfo;
import io.lakeshift.io.Errors;
import io.lakeshift.target.ObjectSink;
import io.lakeshift.io.Retry;
import io.lakeshift.target.UploadResult;
import io.lakeshift.source.Source;
import io.lakeshift.source.SourceStream;
import io.lakeshift.verify.HeadTailStream;
import io.lakeshift.verify.Md5;
import io.lakeshift.verify.ParquetFooter;
import io.lakeshift.verify.ParquetInfo;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;

/**
 * Does what the plan says with one file and says what happened. Never throws for a file's own trouble: a file
 * that cannot be read, stored or verified becomes a {@code failed} record with the reason, and the next file goes
 * on.
 */
public final class FileTransfer {
    /** Tail of a Parquet file kept while it streams, for its footer. */
    static final int PARQUET_TAIL = 1 << 20;

    private final Source source;
    private final ObjectSink sink;
    private final TransferSettings settings;
    private final Mode mode;
    private final Overwrite overwrite;
    private final boolean dryRun;
    private final Retry retry;
    private final String runId;
    private final String runDate;
    private int restoreDays;
    private final TargetProperties objects;

    public FileTransfer(Source source, ObjectSink sink, TransferSettings settings, Mode mode, Overwrite overwrite,
            boolean dryRun, String runId, Instant runStart) {
        this(source, sink, settings, mode, overwrite, dryRun, runId, runStart,
                TargetProperties.of(ObjectSettings.defaults()));
    }

    /** @param objects the tier, content headers and metadata of each object */
    public FileTransfer(Source source, ObjectSink sink, TransferSettings settings, Mode mode, Overwrite overwrite,
            boolean dryRun, String runId, Instant runStart, TargetProperties objects) {
        this.objects = objects;
        this.source = source;
        this.sink = sink;
        this.settings = settings;
        this.mode = mode;
        this.overwrite = overwrite;
        this.dryRun = dryRun;
        this.retry = Retry.attempts(settings.maxAttempts());
        this.runId = runId;
        this.runDate = LogTimes.date(runStart);
    }

    /**
     * With --restore: archived source files are not only reported but the source is asked to restore them (for
     * {@code days}, where the store keeps a restored copy for a time), so that a later run copies them.
     */
    public FileTransfer restoringArchived(int days) {
        this.restoreDays = days;
        return this;
    }

    public MigrationRecord process(PlannedFile f) {
        Record r = new Record(f);
        try {
            Action action = f.action();
            ObjectInfo checked = null;
            if (action == Action.CHECK) {
                checked = sink.head(f.objectName());
                action = checked == null ? Action.COPY_NEW
                        : Decision.afterCheck(f.source(), Fingerprint.fromMetadata(checked.metadata()), overwrite);
            }
            if (dryRun) {
                return r.done(Status.PLANNED, planned(action, f));
            }
            return switch (action) {
                case EXCLUDE -> r.done(Status.EXCLUDED, f.note() != null ? f.note()
                        : "target exists and differs; --overwrite never");
                case DELETE -> {
                    sink.delete(f.objectName(), f.target().etag());
                    r.targetSize = f.target().size();
                    r.targetEtag = f.target().etag();
                    yield r.done(Status.DELETED, f.note());
                }
                case ARCHIVED -> archived(f, r);
                case SKIP_EQUAL -> equal(f, r, checked);
                case COPY_NEW -> copy(f, r, Status.NEW);
                case COPY_UPDATE -> copy(f, r, Status.UPDATED);
                case CHECK -> throw new IllegalStateException("unresolved check");
            };
        } catch (Exception e) {
            return r.failed(e);
        }
    }

    private String planned(Action action, PlannedFile f) {
        String outcome = switch (action) {
            case COPY_NEW -> "new";
            case COPY_UPDATE -> "updated";
            case SKIP_EQUAL -> "equal";
            case DELETE -> "deleted";
            case EXCLUDE -> "excluded";
            case CHECK -> "check";
            case ARCHIVED -> "archived";
        };
        if (action == Action.ARCHIVED) {
            // The tier, and what a real run would do about it (a dry run asks for no restore).
            return f.note() + (f.source().archived().restoring() ? "" : restoreDays > 0 ? ": --restore would ask"
                    + " the source to restore it" : ": not copied; --restore asks the source to restore it");
        }
        return f.note() == null || action != Action.EXCLUDE ? outcome : outcome + ": " + f.note();
    }

    /** Reported, not attempted; with --restore the source is asked to restore it (once: not while in progress). */
    private MigrationRecord archived(PlannedFile f, Record r) throws IOException {
        if (f.source().archived().restoring()) {
            return r.done(Status.ARCHIVED, f.note() + "; the next run after it is done copies it");
        }
        if (restoreDays <= 0) {
            return r.done(Status.ARCHIVED, f.note() + "; not copied; --restore asks the source to restore it");
        }
        source.restore(f.source(), restoreDays);
        return r.done(Status.ARCHIVED, f.note() + "; restore requested, the next run after it is done copies it");
    }

    private MigrationRecord equal(PlannedFile f, Record r, ObjectInfo checked) throws IOException {
        String etag = checked != null ? checked.etag() : f.target().etag();
        String md5 = f.recordedMd5();
        if (checked != null) {
            md5 = checked.metadata().getOrDefault(Fingerprint.META_MD5, checked.contentMd5());
        } else if (md5 == null && f.target().md5() != null && !f.target().md5().contains("-")) {
            md5 = f.target().md5();
        }
        r.targetSize = f.source().size();
        r.targetEtag = etag;
        r.md5 = md5;
        if (mode != Mode.MOVE) {
            return r.done(Status.EQUAL, null);
        }
        if (md5 == null) {
            throw new PermanentException("move: cannot verify " + f.objectName() + " before deleting the source: no MD5"
                    + " was recorded for it; the source is kept");
        }
        String sourceMd5 = sourceMd5(f.source());
        if (!sourceMd5.equals(md5)) {
            throw new PermanentException("move: the source's MD5 " + sourceMd5 + " differs from the MD5 " + md5
                    + " recorded for " + f.objectName() + "; the source is kept");
        }
        source.delete(f.source());
        return r.done(Status.MOVED, "target was already equal");
    }

    private MigrationRecord copy(PlannedFile f, Record r, Status status) {
        SourceFile src = f.source();
        long deadline = System.nanoTime() + settings.fileTimeoutMillis() * 1_000_000;
        for (int attempt = 1; ; attempt++) {
            r.attempts = attempt;
            try {
                UploadResult up = upload(f, r);
                r.attempts = Math.max(attempt, up.attempts());
                r.targetSize = up.size();
                r.targetEtag = up.etag();
                r.md5 = up.md5();
                r.parts = up.parts();
                r.note = r.note == null ? up.note() : up.note() == null ? r.note : r.note + "; " + up.note();
                if (settings.verify()) {
                    String served = sink.readMd5(f.objectName());
                    if (!served.equals(up.md5())) {
                        sink.delete(f.objectName(), up.etag());
                        throw new PermanentException("--verify: " + f.objectName() + " read back with MD5 " + served
                                + ", sent " + up.md5() + "; the object was removed");
                    }
                }
                if (mode == Mode.MOVE) {
                    deleteMovedSource(src, f.objectName());
                    return r.done(Status.MOVED, r.note);
                }
                return r.done(status, r.note);
            } catch (Exception e) {
                boolean timeLeft = System.nanoTime() < deadline;
                if (!Retry.isTransient(e) || attempt >= settings.maxAttempts() || !timeLeft) {
                    if (!timeLeft) {
                        return r.failed(new IOException("gave up after --file-timeout "
                                + Duration.ofMillis(settings.fileTimeoutMillis()) + ": " + Errors.oneLine(e), e));
                    }
                    return r.failed(e);
                }
                try {
                    retry.pause(attempt);
                } catch (IOException interrupted) {
                    return r.failed(interrupted);
                }
            }
        }
    }

    private UploadResult upload(PlannedFile f, Record r) throws IOException {
        SourceFile src = f.source();
        // Opened with the headers where they are carried: an S3 source takes them from its GET, not a HEAD.
        try (SourceStream raw = objects.readsSourceHeaders() ? source.openWithHeaders(src)
                : new SourceStream(source.open(src), ObjectHeaders.NONE)) {
            ObjectProperties props = objects.of(src, raw.headers());
            if (settings.parquetCheck() == ParquetCheck.OFF || !ParquetFooter.isParquet(src.relativePath())) {
                return sink.upload(f.objectName(), raw, src.size(), props, CommitCheck.NONE);
            }
            HeadTailStream in = new HeadTailStream(raw, PARQUET_TAIL);
            return sink.upload(f.objectName(), in, src.size(), props, () -> {
                ParquetInfo info = ParquetFooter.check(in.head(), in.tail(), src.size());
                r.rowCount = info.rows();
                r.columns = info.columns();
                r.note = info.corrupt() ? MigrationRecord.WARNING + info.problem() : info.note();
                if (info.corrupt() && settings.parquetCheck() == ParquetCheck.FAIL) {
                    throw new PermanentException(info.problem() + " (--parquet-check fail; use warn to copy it anyway)");
                }
            });
        }
    }

    private void deleteMovedSource(SourceFile src, String objectName) throws IOException {
        try {
            source.delete(src);
        } catch (IOException e) {
            throw new PermanentException("copied and verified to " + objectName + ", but the source could not be deleted: "
                    + Errors.oneLine(e));
        }
    }

    private String sourceMd5(SourceFile src) throws IOException {
        try (InputStream in = source.open(src)) {
            return Md5.base64(Md5.of(in));
        }
    }

    /** The fields of one record as the work fills them in. */
    private final class Record {
        private final PlannedFile file;
        private final Instant start = Instant.now();
        Long targetSize;
        String targetEtag;
        String md5;
        int parts;
        int attempts = 1;
        Long rowCount;
        Integer columns;
        String note;

        Record(PlannedFile file) {
            this.file = file;
        }

        MigrationRecord failed(Exception e) {
            targetSize = null;
            targetEtag = null;
            parts = 0;
            return build(Status.FAILED, note, Errors.oneLine(e));
        }

        MigrationRecord done(Status status, String withNote) {
            return build(status, withNote, null);
        }

        private MigrationRecord build(Status status, String withNote, String error) {
            Instant end = Instant.now();
            Duration took = Duration.between(start, end);
            long millis = Math.max(1, took.toMillis());
            SourceFile src = file.source();
            long sent = parts > 0 && targetSize != null ? targetSize * 1000 / millis : 0;
            return new MigrationRecord(file.relativePath(), src == null ? null : src.size(), file.objectName(),
                    targetSize, LogTimes.date(start), LogTimes.date(end), LogTimes.runTime(took), runDate, runId,
                    status, md5, src == null ? null : src.etag(), src == null ? null : LogTimes.date(src.modified()),
                    targetEtag, parts, attempts, sent, took.toMillis(), rowCount, columns, withNote,
                    error == null ? null : error.replace('\n', ' '), null, null, null, null, null, null, null, null);
        }
    }
}
