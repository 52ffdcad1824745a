package io.lakeshift.verify;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The MD5 of a stream and, on the same pass, its multipart MD5 for several part sizes at once: a multipart MD5
 * can be checked only by cutting the content at the same boundaries, and a store keeps the number of parts but
 * not their size. {@link #partSizes} says which sizes can give that number of parts.
 */
public final class PartMd5s {
    private static final long MIB = 1L << 20;
    /**
     * Part sizes tools use by default, tried first: the OCI Java SDK's UploadManager and the OCI CLI 128 MiB
     * (UploadConfiguration DEFAULT_LENGTH_PER_UPLOAD_PART = 128 MiB in oci-java-sdk-objectstorage-extensions
     * 3.77.2; the CLI's put docs), the OCI CLI from stdin 10 MiB, S3A 64 MiB (fs.s3a.multipart.size, Hadoop
     * 3.3), the AWS CLI 8 MiB (multipart_chunksize), S3's smallest 5 MiB.
     */
    static final List<Long> TOOL_DEFAULTS = List.of(128 * MIB, 10 * MIB, 64 * MIB, 8 * MIB, 5 * MIB);
    /** Whole-MiB sizes are all tried when a size and part count leave at most this many. */
    static final int MAX_RANGE = 32;
    /** At most this many sizes are digested at once (each costs a digest of every byte). */
    static final int MAX_SIZES = 48;

    private final MessageDigest whole = Md5.newDigest();
    private final List<Cut> cuts = new ArrayList<>();
    private long read;

    /** @param partSizes the part sizes whose multipart MD5s to compute (may be empty: the whole MD5 only) */
    public PartMd5s(List<Long> partSizes) {
        for (long p : partSizes) {
            cuts.add(new Cut(p));
        }
    }

    /**
     * The part sizes that cut {@code size} bytes into exactly {@code parts} parts, every part but the last of the
     * same size (as every uploader cuts them): {@code preferred} first (the run's own --part-size, say), then the
     * tools' defaults, then powers of two MiB, then the even split ({@code ceil(size / parts)}), then every whole
     * MiB in the possible range when it is narrow; for one part, the size itself.
     */
    public static List<Long> partSizes(long size, int parts, List<Long> preferred) {
        if (parts <= 0 || size <= 0 && parts != 1) {
            return List.of();
        }
        if (parts == 1) {
            return List.of(Math.max(1, size));
        }
        // ceil(size / p) == parts  <=>  size / parts <= p < size / (parts - 1)
        long low = (size + parts - 1) / parts;
        long high = (size - 1) / (parts - 1);
        if (low > high) {
            return List.of();
        }
        LinkedHashMap<Long, Boolean> sizes = new LinkedHashMap<>();
        List<Long> tried = new ArrayList<>(preferred);
        tried.addAll(TOOL_DEFAULTS);
        for (long p = MIB; p <= 5L * 1024 * MIB; p *= 2) {
            tried.add(p);
        }
        // The even split itself: what an uploader cutting to a part limit uses (lakeshift above 10,000 parts).
        tried.add(low);
        long firstMib = (low + MIB - 1) / MIB;
        long lastMib = high / MIB;
        if (lastMib - firstMib < MAX_RANGE) {
            for (long m = firstMib; m <= lastMib; m++) {
                tried.add(m * MIB);
            }
        }
        for (long p : tried) {
            if (p >= low && p <= high && sizes.size() < MAX_SIZES) {
                sizes.put(p, true);
            }
        }
        return List.copyOf(sizes.keySet());
    }

    public void update(byte[] b, int off, int len) {
        whole.update(b, off, len);
        for (Cut c : cuts) {
            c.update(b, off, len);
        }
        read += len;
    }

    /** Bytes digested. */
    public long bytesRead() {
        return read;
    }

    /** Base64 MD5 of everything digested; call once, at the end. */
    public String whole() {
        return Md5.base64(whole.digest());
    }

    /** The multipart MD5 ({@code base64-N}) of each part size; call once, at the end. */
    public Map<Long, String> multipart() {
        Map<Long, String> out = new LinkedHashMap<>();
        for (Cut c : cuts) {
            out.put(c.partSize, c.finish());
        }
        return out;
    }

    /** One set of part boundaries. */
    private static final class Cut {
        final long partSize;
        final List<byte[]> digests = new ArrayList<>();
        MessageDigest part = Md5.newDigest();
        long inPart;

        Cut(long partSize) {
            this.partSize = partSize;
        }

        void update(byte[] b, int off, int len) {
            while (len > 0) {
                int n = (int) Math.min(len, partSize - inPart);
                part.update(b, off, n);
                inPart += n;
                off += n;
                len -= n;
                if (inPart == partSize) {
                    digests.add(part.digest());
                    inPart = 0;
                }
            }
        }

        String finish() {
            if (inPart > 0 || digests.isEmpty()) {
                digests.add(part.digest());
            }
            return Md5.multipart(digests);
        }
    }
}
