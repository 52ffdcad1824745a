package io.lakeshift.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.io.PermanentException;
import io.lakeshift.io.Retry;
import io.lakeshift.log.CheckRecord;
import io.lakeshift.log.CheckResult;
import io.lakeshift.model.SourceFile;
import io.lakeshift.model.TargetObject;
import io.lakeshift.plan.Action;
import io.lakeshift.plan.PlannedFile;
import io.lakeshift.source.Source;
import io.lakeshift.target.CommitCheck;
import io.lakeshift.target.ObjectInfo;
import io.lakeshift.target.ObjectProperties;
import io.lakeshift.target.ObjectSink;
import io.lakeshift.target.UploadResult;
import io.lakeshift.verify.Md5;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Each way {@link FileCheck} decides, with what each store keeps, and what it reads to decide. */
class FileCheckTest {
    private final Map<String, byte[]> sourceBytes = new HashMap<>();
    private final Map<String, byte[]> targetBytes = new HashMap<>();
    private final List<String> reads = new ArrayList<>();

    @Test
    void keptMd5sThatAgreeNeedNoRead() {
        byte[] data = bytes(3000, 1);
        CheckRecord r = check(false, source("a", data, null, md5(data)), target("a", data, md5(data), "e1"));
        assertEquals(CheckResult.MATCH, r.result());
        assertEquals(CheckRecord.BY_MD5, r.by());
        assertEquals(List.of(), reads);
    }

    @Test
    void aSourceMd5ThatDisagreesIsConfirmedByReadingTheSource() {
        // An S3 ETag of an SSE-KMS object looks like an MD5 and is not the content's.
        byte[] data = bytes(3000, 2);
        String kmsEtag = "\"" + "0".repeat(32) + "\"";
        CheckRecord r = check(false, source("a", data, kmsEtag, null), target("a", data, md5(data), "e1"));
        assertEquals(CheckResult.MATCH, r.result(), r.toString());
        assertTrue(r.note().contains("not its content's"), r.note());
        assertEquals(List.of("source a"), reads);
    }

    @Test
    void sameSizeOtherBytesDifferByMd5() {
        byte[] data = bytes(3000, 3);
        byte[] other = bytes(3000, 4);
        CheckRecord r = check(false, source("a", data, null, null), target("a", other, md5(other), "e1"));
        assertEquals(CheckResult.DIFFER, r.result());
        assertEquals(md5(data), r.sourceMd5());
        assertEquals(List.of("source a"), reads);
    }

    @Test
    void anS3MultipartEtagEqualToOcisMultipartMd5MatchesWithoutReading() {
        byte[] data = bytes(3000, 5);
        List<byte[]> parts = List.of(Md5.of(data, 0, 2000), Md5.of(data, 2000, 1000));
        String oci = Md5.multipart(parts);
        String hex = HexFormat.of().formatHex(java.util.Base64.getDecoder().decode(oci.substring(0, 24)));
        CheckRecord r = check(false, source("a", data, "\"" + hex + "-2\"", null), target("a", data, oci, "e1"));
        assertEquals(CheckResult.MATCH, r.result());
        assertEquals(CheckRecord.BY_MULTIPART_MD5, r.by());
        assertEquals(List.of(), reads);
    }

    @Test
    void aMultipartObjectOfUnevenPartsIsReadItself() {
        byte[] data = bytes(3000, 6);
        String uneven = Md5.multipart(List.of(Md5.of(data, 0, 100), Md5.of(data, 100, 2900)));
        CheckRecord r = check(false, source("a", data, null, null), target("a", data, uneven, "e1"));
        assertEquals(CheckResult.MATCH, r.result(), r.toString());
        assertEquals(CheckRecord.BY_MD5, r.by());
        assertEquals(List.of("source a", "target a"), reads);
    }

    @Test
    void aTargetEtagThatDisagreesIsConfirmedByReadingTheTarget() {
        byte[] data = bytes(3000, 7);
        String s3Etag = "\"" + "f".repeat(32) + "\""; // a Hadoop target on S3 with SSE-KMS
        CheckRecord r = check(false, source("a", data, null, null), target("a", data, null, s3Etag));
        assertEquals(CheckResult.MATCH, r.result(), r.toString());
        assertEquals(List.of("source a", "target a"), reads);
    }

    @Test
    void neitherSideKeepingAnMd5IsASizeOnlyMatchUnlessDownloaded() {
        byte[] data = bytes(3000, 8);
        byte[] other = bytes(3000, 9);
        CheckRecord bySize = check(false, source("a", data, null, null), target("a", other, null, "len3000-mtime1"));
        assertEquals(CheckResult.MATCH, bySize.result());
        assertEquals(CheckRecord.BY_SIZE, bySize.by());
        assertTrue(bySize.note().contains("--download"), bySize.note());
        CheckRecord read = check(true, source("a", data, null, null), target("a", other, null, "len3000-mtime1"));
        assertEquals(CheckResult.DIFFER, read.result());
        assertEquals(CheckRecord.BY_DOWNLOAD, read.by());
    }

    @Test
    void theListingAloneDecidesMissingExtraAndSize() {
        byte[] data = bytes(10, 10);
        SourceFile s = source("a", data, null, null);
        FileCheck check = new FileCheck(new MapSource(), new MapSink(), false, List.of(), Retry.attempts(1));
        assertEquals(CheckResult.MISSING, check.check(PlannedFile.copy(s, "a")).result());
        TargetObject t = new TargetObject("b", 5, null, "e", 0);
        assertEquals(CheckResult.EXTRA,
                check.check(new PlannedFile(null, "b", "b", Action.DELETE, t, null, null)).result());
        CheckRecord size = check.check(new PlannedFile(s, "a", "a", Action.COPY_UPDATE,
                new TargetObject("a", 9, null, "e", 0), null, null));
        assertEquals(CheckResult.DIFFER, size.result());
        assertEquals(CheckRecord.BY_SIZE, size.by());
        assertNull(check.check(new PlannedFile(s, "a", "a", Action.EXCLUDE, null, null, "filtered")));
        assertEquals(0, check.bytesRead());
    }

    @Test
    void aReadThatFailsIsAnErrorNotAMatch() {
        byte[] data = bytes(3000, 11);
        SourceFile s = source("a", data, null, null);
        sourceBytes.remove("a");
        CheckRecord r = check(false, s, target("a", data, md5(data), "e1"));
        assertEquals(CheckResult.ERROR, r.result());
        assertTrue(r.error().contains("no such file"), r.error());
    }

    private CheckRecord check(boolean download, SourceFile s, TargetObject t) {
        FileCheck check = new FileCheck(new MapSource(), new MapSink(), download, List.of(), Retry.attempts(1));
        return check.check(new PlannedFile(s, t.name(), s.relativePath(), Action.CHECK, t, null, null));
    }

    private SourceFile source(String name, byte[] data, String etag, String md5) {
        sourceBytes.put(name, data);
        return new SourceFile("mem:///" + name, name, data.length, 0, etag, md5);
    }

    private TargetObject target(String name, byte[] data, String md5, String etag) {
        targetBytes.put(name, data);
        return new TargetObject(name, data.length, md5, etag, 0);
    }

    private static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static String md5(byte[] data) {
        return Md5.base64(Md5.of(data, 0, data.length));
    }

    private final class MapSource implements Source {
        @Override
        public String root() {
            return "mem:///";
        }

        @Override
        public void list(Consumer<SourceFile> sink) {
            throw new UnsupportedOperationException();
        }

        @Override
        public InputStream open(SourceFile file) throws IOException {
            reads.add("source " + file.relativePath());
            byte[] b = sourceBytes.get(file.relativePath());
            if (b == null) {
                throw new PermanentException("no such file " + file.uri(), null);
            }
            return new ByteArrayInputStream(b);
        }
    }

    private final class MapSink implements ObjectSink {
        @Override
        public String readMd5(String objectName) {
            reads.add("target " + objectName);
            return md5(targetBytes.get(objectName));
        }

        @Override
        public UploadResult upload(String objectName, InputStream in, long size, ObjectProperties properties,
                CommitCheck check) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long memoryFor(long size) {
            return 0;
        }

        @Override
        public ObjectInfo head(String objectName) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete(String objectName, String etag) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {}
    }
}
