package io.lakeshift.verify;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/** MD5 digests as OCI Object Storage writes them: base64 of the binary digest. */
public final class Md5 {
    private Md5() {}

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no MD5", e);
        }
    }

    public static String base64(byte[] digest) {
        return Base64.getEncoder().encodeToString(digest);
    }

    public static byte[] of(byte[] data, int offset, int length) {
        MessageDigest md = newDigest();
        md.update(data, offset, length);
        return md.digest();
    }

    /** The MD5 of everything left in a stream (the caller closes it). */
    public static byte[] of(InputStream in) throws IOException {
        MessageDigest md = newDigest();
        byte[] buf = new byte[1 << 16];
        for (int n; (n = in.read(buf)) > 0; ) {
            md.update(buf, 0, n);
        }
        return md.digest();
    }

    /**
     * OCI's {@code opc-multipart-md5} of a multipart object: base64 of the MD5 of the concatenated binary MD5s of
     * its parts in part order, then "-" and the number of parts.
     */
    public static String multipart(List<byte[]> partDigests) {
        MessageDigest md = newDigest();
        for (byte[] d : partDigests) {
            md.update(d);
        }
        return base64(md.digest()) + "-" + partDigests.size();
    }
}
