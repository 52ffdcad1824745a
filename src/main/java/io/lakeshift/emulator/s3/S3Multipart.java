package io.lakeshift.emulator.s3;

import io.lakeshift.emulator.storage.Checksum;
import io.lakeshift.emulator.storage.ObjectRecord;
import io.lakeshift.emulator.storage.ObjectWrite;
import io.lakeshift.emulator.storage.PartRecord;
import io.lakeshift.emulator.storage.Precondition;
import io.lakeshift.emulator.storage.StagedBody;
import io.lakeshift.emulator.storage.Storage;
import io.lakeshift.emulator.storage.UploadRecord;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * Multipart uploads over the native store's: CreateMultipartUpload, UploadPart, CompleteMultipartUpload,
 * AbortMultipartUpload, ListParts, ListMultipartUploads. Parts keep the store's own part records; the S3 ETag of
 * a part is its hex MD5, which CompleteMultipartUpload matches against.
 */
final class S3Multipart {
    static final int MAX_PART = 10_000;
    static final int MAX_LISTED = 1000;

    private final Storage storage;
    private final String user;

    S3Multipart(Storage storage, String user) {
        this.storage = storage;
        this.user = user;
    }

    void create(S3Call call) throws IOException {
        S3Objects.checkKey(call.key);
        S3Headers.refuseUnserved(call);
        String algorithm = S3Checksums.ofCreate(call);
        storage.bucket(call.bucket).orElseThrow(() -> S3Exception.noSuchBucket(call.bucket));
        UploadRecord upload = storage.createUpload(call.bucket,
                new ObjectWrite(call.key, null, S3Headers.content(call), S3Headers.metadata(call))
                        .withChecksumAlgorithm(algorithm));
        if (algorithm != null) {
            call.set("x-amz-checksum-algorithm", algorithm).set("x-amz-checksum-type", Checksum.COMPOSITE);
        }
        call.sendXml(200, S3Xml.document("InitiateMultipartUploadResult").text("Bucket", call.bucket)
                .text("Key", call.key).text("UploadId", upload.uploadId()));
    }

    void uploadPart(S3Call call) throws IOException {
        if (call.header("x-amz-copy-source") != null) {
            throw S3Exception.notImplemented("UploadPartCopy");
        }
        String uploadId = call.param("uploadId");
        int partNumber = partNumber(String.valueOf(call.param("partNumber")));
        S3Headers.refuseUnserved(call);
        S3Checksums.Expected checksum = S3Checksums.ofWrite(call);
        UploadRecord upload = upload(call, uploadId); // NoSuchUpload before the body is read
        S3Checksums.matchUpload(upload.checksumAlgorithm(), checksum);
        StagedBody body = call.receive(storage, checksum);
        PartRecord part = storage.putPart(call.bucket, call.key, uploadId, partNumber, body, Precondition.NONE);
        call.set("ETag", S3ETags.of(part));
        S3Checksums.answer(call, part.checksum());
        call.sendEmpty(200);
    }

    private static int partNumber(String text) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= MAX_PART) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw S3Exception.invalidArgument("Part number must be an integer between 1 and " + MAX_PART
                + ", inclusive");
    }

    private UploadRecord upload(S3Call call, String uploadId) {
        if (uploadId == null) {
            throw S3Exception.invalidArgument("The uploadId parameter is missing or empty");
        }
        storage.bucket(call.bucket).orElseThrow(() -> S3Exception.noSuchBucket(call.bucket));
        return storage.upload(call.bucket, call.key, uploadId);
    }

    /**
     * The listed parts, in ascending order (InvalidPartOrder otherwise), each with the ETag it was answered with
     * (InvalidPart otherwise); parts uploaded and not listed are left out of the object, as S3 does.
     */
    void complete(S3Call call) throws IOException {
        String uploadId = call.param("uploadId");
        S3Checksums.refuseOn(call, "CompleteMultipartUpload");
        byte[] bytes = call.smallBody();
        upload(call, uploadId);
        Element root = S3Xml.parse(bytes);
        Map<Integer, PartRecord> uploaded = new HashMap<>();
        storage.parts(call.bucket, call.key, uploadId).forEach(p -> uploaded.put(p.partNumber(), p));
        List<Storage.PartRef> commit = new ArrayList<>();
        int last = 0;
        for (Element p : S3Xml.children(root, "Part")) {
            String numberText = S3Xml.childText(p, "PartNumber");
            String etag = S3Xml.childText(p, "ETag");
            if (numberText == null || etag == null) {
                throw S3Exception.malformedXml("Each Part needs PartNumber and ETag");
            }
            int number = partNumber(numberText);
            if (number <= last) {
                throw new S3Exception(400, "InvalidPartOrder",
                        "The list of parts was not in ascending order. The parts list must be specified in order by part number.");
            }
            last = number;
            PartRecord part = uploaded.get(number);
            if (part == null || !S3ETags.unquote(S3ETags.of(part)).equals(S3ETags.unquote(etag))
                    || !checksumsMatch(p, part)) {
                throw new S3Exception(400, "InvalidPart", "One or more of the specified parts could not be found."
                        + " The part may not have been uploaded, or the specified entity tag may not match the part's"
                        + " entity tag (part " + number + ").");
            }
            commit.add(new Storage.PartRef(number, part.etag()));
        }
        if (commit.isEmpty()) {
            throw S3Exception.malformedXml("CompleteMultipartUpload must name at least one Part");
        }
        List<Integer> exclude = new ArrayList<>();
        uploaded.keySet().stream().filter(n -> commit.stream().noneMatch(r -> r.partNum() == n))
                .forEach(exclude::add);
        ObjectRecord o = storage.commitUpload(call.bucket, call.key, uploadId, commit, exclude, Precondition.NONE);
        S3Xml xml = S3Xml.document("CompleteMultipartUploadResult")
                .text("Location", "/" + call.bucket + "/" + SigV4.encodePath(call.key)).text("Bucket", call.bucket)
                .text("Key", call.key).text("ETag", S3ETags.of(o));
        if (o.checksum() != null) {
            xml.text(S3Checksums.element(o.checksum().algorithm()), o.checksum().value())
                    .text("ChecksumType", o.checksum().type());
        }
        call.sendXml(200, xml);
    }

    /** Every Checksum* element a listed part has must be the part's stored checksum (S3: InvalidPart). */
    private static boolean checksumsMatch(Element listed, PartRecord part) {
        for (String name : List.of("ChecksumCRC32", "ChecksumCRC32C", "ChecksumCRC64NVME", "ChecksumSHA1",
                "ChecksumSHA256")) {
            String value = S3Xml.childText(listed, name);
            if (value != null && !S3Checksums.partMatches(part, name, value)) {
                return false;
            }
        }
        return true;
    }

    void abort(S3Call call) throws IOException {
        String uploadId = call.param("uploadId");
        upload(call, uploadId);
        storage.abortUpload(call.bucket, call.key, uploadId);
        call.sendEmpty(204);
    }

    void listParts(S3Call call) throws IOException {
        String uploadId = call.param("uploadId");
        UploadRecord upload = upload(call, uploadId);
        int max = call.intParam("max-parts", MAX_LISTED, MAX_LISTED);
        int marker = call.intParam("part-number-marker", 0, MAX_PART);
        S3Xml xml = S3Xml.document("ListPartsResult").text("Bucket", call.bucket).text("Key", call.key)
                .text("UploadId", uploadId).start("Initiator").text("ID", user).text("DisplayName", user).end()
                .start("Owner").text("ID", user).text("DisplayName", user).end().text("StorageClass", "STANDARD")
                .text("PartNumberMarker", marker);
        if (upload.checksumAlgorithm() != null) {
            xml.text("ChecksumAlgorithm", upload.checksumAlgorithm()).text("ChecksumType", Checksum.COMPOSITE);
        }
        List<PartRecord> after = storage.parts(call.bucket, call.key, uploadId).stream()
                .filter(p -> p.partNumber() > marker).toList();
        List<PartRecord> page = after.subList(0, Math.min(max, after.size()));
        boolean truncated = page.size() < after.size();
        xml.text("NextPartNumberMarker", page.isEmpty() ? marker : page.get(page.size() - 1).partNumber())
                .text("MaxParts", max).text("IsTruncated", truncated);
        for (PartRecord p : page) {
            xml.start("Part").text("PartNumber", p.partNumber()).text("ETag", S3ETags.of(p))
                    .text("Size", p.size());
            if (p.checksum() != null) {
                xml.text(S3Checksums.element(p.checksum().algorithm()), p.checksum().value());
            }
            xml.end();
        }
        call.sendXml(200, xml);
    }

    /** ListMultipartUploads (GET bucket?uploads) with prefix, key-marker / upload-id-marker and max-uploads. */
    void listUploads(S3Call call) throws IOException {
        if (call.param("delimiter") != null) {
            throw S3Exception.notImplemented("ListMultipartUploads with a delimiter");
        }
        storage.bucket(call.bucket).orElseThrow(() -> S3Exception.noSuchBucket(call.bucket));
        String prefix = call.param("prefix");
        String keyMarker = call.param("key-marker");
        String idMarker = call.param("upload-id-marker");
        int max = call.intParam("max-uploads", MAX_LISTED, MAX_LISTED);
        List<UploadRecord> all = storage.uploads(call.bucket).stream()
                .filter(u -> prefix == null || u.object().startsWith(prefix)).toList();
        int from = 0;
        if (keyMarker != null) {
            from = all.size();
            for (int i = 0; i < all.size(); i++) {
                UploadRecord u = all.get(i);
                int c = u.object().compareTo(keyMarker);
                if (c > 0 || (c == 0 && idMarker != null && passed(all, i, idMarker))) {
                    from = i;
                    break;
                }
            }
        }
        int to = Math.min(all.size(), from + max);
        boolean truncated = to < all.size();
        S3Xml xml = S3Xml.document("ListMultipartUploadsResult").text("Bucket", call.bucket)
                .text("KeyMarker", keyMarker == null ? "" : keyMarker)
                .text("UploadIdMarker", idMarker == null ? "" : idMarker)
                .text("Prefix", prefix).text("MaxUploads", max).text("IsTruncated", truncated);
        if (truncated && to > from) {
            xml.text("NextKeyMarker", all.get(to - 1).object()).text("NextUploadIdMarker", all.get(to - 1).uploadId());
        }
        for (UploadRecord u : all.subList(from, to)) {
            xml.start("Upload").text("Key", u.object()).text("UploadId", u.uploadId())
                    .start("Initiator").text("ID", user).text("DisplayName", user).end()
                    .start("Owner").text("ID", user).text("DisplayName", user).end()
                    .text("StorageClass", S3Headers.storageClass(u.storageTier()))
                    .text("Initiated", S3Xml.time(u.timeCreated())).end();
        }
        call.sendXml(200, xml);
    }

    /** Whether upload {@code i} comes after the upload with id {@code idMarker} of the same key. */
    private static boolean passed(List<UploadRecord> all, int i, String idMarker) {
        for (int j = i - 1; j >= 0 && all.get(j).object().equals(all.get(i).object()); j--) {
            if (all.get(j).uploadId().equals(idMarker)) {
                return true;
            }
        }
        return false;
    }
}
