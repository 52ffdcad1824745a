package io.lakeshift.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PartMd5sTest {
    private static final long MIB = 1L << 20;

    @Test
    void eachPartSizeGivesTheMultipartMd5OfThoseBoundariesOnOnePass() {
        byte[] data = new byte[5 * (int) MIB + 7];
        new Random(3).nextBytes(data);
        PartMd5s md5s = new PartMd5s(List.of(2 * MIB, MIB));
        // Fed in uneven slices: the boundaries are the parts', not the reads'.
        for (int off = 0, n = 12345; off < data.length; off += n) {
            md5s.update(data, off, Math.min(n, data.length - off));
        }
        assertEquals(Md5.base64(Md5.of(data, 0, data.length)), md5s.whole());
        Map<Long, String> multipart = md5s.multipart();
        assertEquals(byHand(data, 2 * MIB), multipart.get(2 * MIB));
        assertEquals(byHand(data, MIB), multipart.get(MIB));
        assertTrue(multipart.get(2 * MIB).endsWith("-3") && multipart.get(MIB).endsWith("-6"), multipart.toString());
    }

    @Test
    void partSizesAreThoseThatGiveTheNumberOfParts() {
        long size = 10 * MIB + 123;
        List<Long> sizes = PartMd5s.partSizes(size, 4, List.of(32 * MIB));
        assertTrue(sizes.contains(3 * MIB), sizes.toString()); // the only whole MiB in the range
        for (long p : sizes) {
            assertEquals(4, (size + p - 1) / p, p + " bytes");
        }
        List<Long> two = PartMd5s.partSizes(5 * MIB + 7, 3, List.of(32 * MIB));
        assertEquals(2 * MIB, two.get(0), "a power of two MiB in the range: " + two);
        assertEquals(List.of(128 * MIB), PartMd5s.partSizes(1000 * MIB, 8, List.of()).subList(0, 1),
                "the OCI SDK's and CLI's default first");
        assertEquals(List.of(7 * MIB), PartMd5s.partSizes(70 * MIB, 10, List.of(7 * MIB)).subList(0, 1),
                "the preferred size first");
        long huge = 400_000L * MIB + 1; // lakeshift cuts above 10,000 parts evenly: ceil(size / 10,000) bytes
        assertTrue(PartMd5s.partSizes(huge, 10_000, List.of(32 * MIB)).contains((huge + 9_999) / 10_000));
        assertEquals(List.of(4000L), PartMd5s.partSizes(4000, 1, List.of()));
        assertEquals(List.of(), PartMd5s.partSizes(10, 20, List.of()), "10 bytes cannot make 20 parts");
    }

    @Test
    void storedMd5sOfOciAndS3ReadAsOneForm() {
        // MD5("") = d41d8cd98f00b204e9800998ecf8427e (RFC 1321, A.5 test suite).
        StoredMd5 etag = StoredMd5.ofEtag("\"d41d8cd98f00b204e9800998ecf8427e\"");
        assertEquals(new StoredMd5("1B2M2Y8AsgTpgAmY7PhCfg==", 0), etag);
        assertEquals(etag, StoredMd5.ofOci("1B2M2Y8AsgTpgAmY7PhCfg=="));
        // OCI's opc-multipart-md5 as the OCI CLI prints it (docs.oracle.com, "Running a Multipart Upload",
        // oci os object put ... "Split file into 12 parts"): base64-N.
        StoredMd5 oci = StoredMd5.ofOci("9Qn1eyou2yMiyOO9Bc7o1A==-12");
        assertEquals(12, oci.parts());
        assertEquals("9Qn1eyou2yMiyOO9Bc7o1A==-12", oci.toString());
        // S3's multipart ETag is hex of the same MD5 of the parts' MD5s, with -N (AWS S3 User Guide, "Checking
        // object integrity": the ETag of a multipart object is not an MD5 of the data but of the part MD5s).
        String hex = java.util.HexFormat.of().formatHex(java.util.Base64.getDecoder().decode("9Qn1eyou2yMiyOO9Bc7o1A=="));
        assertEquals(oci, StoredMd5.ofEtag("\"" + hex + "-12\""));
        assertNull(StoredMd5.ofEtag("861c8341-74d8-4142-8da4-28e1ce7783ba"), "an OCI ETag is no MD5");
        assertNull(StoredMd5.ofEtag("len100-mtime5"), "nor a Hadoop one");
        assertNull(StoredMd5.ofOci("not-an-md5"));
    }

    private static String byHand(byte[] data, long partSize) {
        List<byte[]> parts = new ArrayList<>();
        for (int off = 0; off < data.length; off += (int) partSize) {
            parts.add(Md5.of(data, off, (int) Math.min(partSize, data.length - off)));
        }
        return Md5.multipart(parts);
    }
}
