package io.lakeshift.transfer;

import io.lakeshift.io.Errors;
import io.lakeshift.io.Retry;
import io.lakeshift.io.Streams;
import io.lakeshift.log.CheckRecord;
import io.lakeshift.log.CheckResult;
import io.lakeshift.model.SourceFile;
import io.lakeshift.model.TargetObject;
import io.lakeshift.plan.PlannedFile;
import io.lakeshift.source.Source;
import io.lakeshift.target.ObjectSink;
import io.lakeshift.verify.PartMd5s;
import io.lakeshift.verify.StoredMd5;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * {@code lakeshift check} for one planned file: the planner's decision says missing, extra or a size difference;
 * a file and object of the same size are compared by MD5.
 *
 * <p>An MD5 both stores keep is compared as it is. Where only one side keeps one, the other side is read and its
 * MD5 computed. A multipart object keeps only the MD5 of its parts' MD5s: the source is read once, cut at every
 * part size that gives the object's number of parts ({@link PartMd5s#partSizes}); if none gives the object's
 * value, the object itself is read. A difference found from a kept MD5 is confirmed by reading (an S3 ETag of an
 * encrypted object, or an ADLS Content-MD5 its writer set, is not always the content's MD5). Where neither side
 * keeps an MD5 (file systems), the sizes decide, and the record says so; {@code --download} reads both sides of
 * every file instead.
 */
public final class FileCheck {
    private static final int BUFFER = 1 << 20;

    private final Source source;
    private final ObjectSink sink;
    private final boolean download;
    private final List<Long> preferredPartSizes;
    private final Retry retry;
    private final byte[] buffer = new byte[BUFFER];
    private long bytesRead;

    /**
     * @param preferredPartSizes part sizes tried first for a multipart object (the run's own --part-size)
     */
    public FileCheck(Source source, ObjectSink sink, boolean download, List<Long> preferredPartSizes, Retry retry) {
        this.source = source;
        this.sink = sink;
        this.download = download;
        this.preferredPartSizes = List.copyOf(preferredPartSizes);
        this.retry = retry;
    }

    /** Bytes read so far, both sides counted. */
    public long bytesRead() {
        return bytesRead;
    }

    /** What the check found for {@code f}, or null for a file a filter leaves out. */
    public CheckRecord check(PlannedFile f) {
        TargetObject t = f.target();
        return switch (f.action()) {
            case EXCLUDE -> null;
            case DELETE -> new CheckRecord(CheckResult.EXTRA, f.relativePath(), f.objectName(), null, t.size(), null,
                    null, t.md5(), "no source file", null);
            case COPY_NEW -> new CheckRecord(CheckResult.MISSING, f.relativePath(), f.objectName(), f.sourceSize(),
                    null, null, null, null, "no target object", null);
            default -> t.size() != f.sourceSize()
                    ? record(f, CheckResult.DIFFER, CheckRecord.BY_SIZE, null, t.md5(), "sizes differ")
                    : compareContent(f);
        };
    }

    private CheckRecord compareContent(PlannedFile f) {
        try {
            return download ? downloaded(f) : byMd5(f);
        } catch (IOException | RuntimeException e) {
            return new CheckRecord(CheckResult.ERROR, f.relativePath(), f.objectName(), f.sourceSize(),
                    f.target().size(), null, null, null, null, Errors.oneLine(e));
        }
    }

    private CheckRecord downloaded(PlannedFile f) throws IOException {
        String s = readSource(f.source(), List.of()).whole();
        String t = readTarget(f);
        return record(f, s.equals(t) ? CheckResult.MATCH : CheckResult.DIFFER, CheckRecord.BY_DOWNLOAD, s, t, null);
    }

    private CheckRecord byMd5(PlannedFile f) throws IOException {
        StoredMd5 src = sourceMd5(f.source());
        StoredMd5 tgt = StoredMd5.ofOci(f.target().md5());
        boolean tgtFromEtag = tgt == null;
        if (tgt == null) {
            tgt = StoredMd5.ofEtag(f.target().etag());
        }
        if (src != null && tgt != null && src.equals(tgt)) {
            return record(f, CheckResult.MATCH, src.isWhole() ? CheckRecord.BY_MD5 : CheckRecord.BY_MULTIPART_MD5,
                    src.toString(), tgt.toString(), src.isWhole() ? null : "the same MD5 of " + src.parts()
                            + " parts on both sides");
        }
        if (tgt != null && tgt.isWhole()) {
            String s = readSource(f.source(), List.of()).whole();
            String note = src != null && src.isWhole() && !src.base64().equals(s)
                    ? "the source keeps MD5 " + src + ", not its content's" : null;
            if (s.equals(tgt.base64()) || !tgtFromEtag) {
                return record(f, s.equals(tgt.base64()) ? CheckResult.MATCH : CheckResult.DIFFER,
                        CheckRecord.BY_MD5, s, tgt.toString(), note);
            }
            return versusReadTarget(f, s, note); // the target's ETag may not be its MD5
        }
        if (tgt != null) {
            return multipart(f, src, tgt);
        }
        if (src != null && src.isWhole()) {
            String t = readTarget(f);
            if (t.equals(src.base64())) {
                return record(f, CheckResult.MATCH, CheckRecord.BY_MD5, src.toString(), t, null);
            }
            String s = readSource(f.source(), List.of()).whole();
            return record(f, s.equals(t) ? CheckResult.MATCH : CheckResult.DIFFER, CheckRecord.BY_MD5, s, t,
                    s.equals(src.base64()) ? null : "the source keeps MD5 " + src + ", not its content's");
        }
        return record(f, CheckResult.MATCH, CheckRecord.BY_SIZE, src == null ? null : src.toString(), null,
                "neither side keeps a whole-file MD5: compared by size only; --download compares the bytes");
    }

    /** The object keeps a multipart MD5: the source cut in the object's parts, else the object read. */
    private CheckRecord multipart(PlannedFile f, StoredMd5 src, StoredMd5 tgt) throws IOException {
        if (src != null && src.isWhole()) {
            String t = readTarget(f);
            if (t.equals(src.base64())) {
                return record(f, CheckResult.MATCH, CheckRecord.BY_MD5, src.toString(), t, null);
            }
        }
        List<Long> sizes = PartMd5s.partSizes(f.sourceSize(), tgt.parts(), preferredPartSizes);
        PartMd5s read = readSource(f.source(), sizes);
        String whole = read.whole();
        for (Map.Entry<Long, String> e : read.multipart().entrySet()) {
            if (e.getValue().equals(tgt.toString())) {
                return record(f, CheckResult.MATCH, CheckRecord.BY_MULTIPART_MD5, e.getValue(), tgt.toString(),
                        tgt.parts() + " parts of " + e.getKey() + " bytes");
            }
        }
        String why = sizes.isEmpty() ? "no even part size gives " + tgt.parts() + " parts"
                : "none of the " + sizes.size() + " part sizes tried gives the object's multipart MD5";
        return versusReadTarget(f, whole, why + "; the object was read");
    }

    private CheckRecord versusReadTarget(PlannedFile f, String sourceMd5, String note) throws IOException {
        String t = readTarget(f);
        return record(f, sourceMd5.equals(t) ? CheckResult.MATCH : CheckResult.DIFFER, CheckRecord.BY_MD5,
                sourceMd5, t, note);
    }

    /** What the source keeps: ADLS's Content-MD5, else an S3 ETag (single-part: the MD5; multipart: hex-N). */
    private static StoredMd5 sourceMd5(SourceFile file) {
        StoredMd5 kept = StoredMd5.ofOci(file.md5());
        return kept != null ? kept : StoredMd5.ofEtag(file.etag());
    }

    private PartMd5s readSource(SourceFile file, List<Long> partSizes) throws IOException {
        return retry.call(() -> {
            PartMd5s md5s = new PartMd5s(partSizes);
            try (InputStream in = source.open(file)) {
                for (int n; (n = Streams.readFully(in, buffer,
                        (int) Math.min(BUFFER, file.size() - md5s.bytesRead()))) > 0; ) {
                    md5s.update(buffer, 0, n);
                }
                Streams.checkLength(file.uri(), file.size(), md5s.bytesRead(), in);
            }
            bytesRead += md5s.bytesRead();
            return md5s;
        }).value();
    }

    private String readTarget(PlannedFile f) throws IOException {
        String md5 = retry.call(() -> sink.readMd5(f.objectName())).value();
        bytesRead += f.target().size();
        return md5;
    }

    private static CheckRecord record(PlannedFile f, CheckResult result, String by, String sourceMd5,
            String targetMd5, String note) {
        return new CheckRecord(result, f.relativePath(), f.objectName(), f.sourceSize(), f.target().size(), by,
                sourceMd5, targetMd5, note, null);
    }
}
