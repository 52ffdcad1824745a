package io.lakeshift.source;

import io.lakeshift.secrets.SecretResolver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.config.ConfigLoader;
import io.lakeshift.config.SourceSettings;
import io.lakeshift.model.SourceFile;
import io.lakeshift.io.Retry;
import io.lakeshift.testing.S3Fixture;
import io.lakeshift.testing.S3ProxyServer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.statistics.IOStatisticsSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The source contract on a real S3 server (s3proxy on 127.0.0.1) through S3A, with the --s3-* settings. */
class S3SourceContractIT extends SourceContract {
    private static final String BUCKET = "contract";
    @RegisterExtension
    static final S3Fixture s3 = S3Fixture.perClass(BUCKET);

    @Override
    String newRoot(String name) {
        return "s3a://" + BUCKET + "/" + name;
    }

    private static String key(String root, String relative) {
        return root.substring(("s3a://" + BUCKET + "/").length()) + "/" + relative;
    }

    @Override
    void put(String root, String relative, byte[] bytes) {
        s3.put(BUCKET, key(root, relative), bytes);
    }

    @Override
    void putDirectory(String root, String relative) {
        put(root, relative + "/", new byte[0]);
    }

    /**
     * S3 has no folders: S3A shows a prefix (or a zero-byte {@code dir/} object) as a directory whose time is when it
     * was asked about (hadoop-aws 3.3.4 against s3proxy here), so each walk gives its markers another time.
     */
    @Override
    boolean keepsFolderTimes() {
        return false;
    }

    @Override
    Source source(String root, int pageSize) throws Exception {
        List<String> args = new ArrayList<>(List.of("--source", root, "--target", "oci://b@ns/"));
        args.addAll(s3.s3Args());
        SourceSettings settings = ConfigLoader.load(args).sources();
        return Sources.open(root, settings, Map.of("fs.s3a.paging.maximum", String.valueOf(pageSize)),
                new SecretResolver(Map.of(), ocid -> null), null);
    }

    /** Counters of S3A's requests on the source's file system, from its IOStatistics. */
    private static Map<String, Long> requests(Source source, String root) throws Exception {
        FileSystem fs = ((HadoopSource) source).fileSystem(new Path(root));
        Map<String, Long> counters = ((IOStatisticsSource) fs).getIOStatistics().counters();
        return Map.of("HEAD", counters.getOrDefault("action_http_head_request", 0L),
                "GET", counters.getOrDefault("action_http_get_request", 0L));
    }

    @Test
    void aWholeFileReadIsOneGetWithoutAHeadWhateverTheClustersReadPolicy() throws Exception {
        String root = root("requests");
        Map<String, byte[]> lake = new TreeMap<>();
        for (int i = 0; i < 4; i++) {
            lake.put("f-" + i + ".bin", bytes((1 << 20) + i, i));
            put(root, "f-" + i + ".bin", lake.get("f-" + i + ".bin"));
        }
        List<String> args = new ArrayList<>(List.of("--source", root, "--target", "oci://b@ns/"));
        args.addAll(s3.s3Args());
        // A cluster tuned for columnar reads: with this policy S3A reads in 64 KiB ranges, a GET each.
        Source source = Sources.open(root, ConfigLoader.load(args).sources(),
                Map.of("fs.s3a.experimental.input.fadvise", "random"), new SecretResolver(Map.of(), ocid -> null),
                null);
        Map<String, SourceFile> files = list(source);
        Map<String, Long> before = requests(source, root);
        for (Map.Entry<String, byte[]> f : lake.entrySet()) {
            try (InputStream in = source.open(files.get(f.getKey()))) {
                byte[] chunk = new byte[8192];
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                for (int n; (n = in.read(chunk)) > 0; ) {
                    got.write(chunk, 0, n);
                }
                assertArrayEquals(f.getValue(), got.toByteArray(), f.getKey());
            }
        }
        Map<String, Long> after = requests(source, root);
        assertEquals(before.get("HEAD"), after.get("HEAD"), "HEADs sent by reads: " + before + " -> " + after);
        assertEquals(before.get("GET") + lake.size(), after.get("GET"), "one GET per file: " + before + " -> "
                + after);
    }

    @Test
    void aReadWithHeadersTakesThemFromItsGetWithoutAHeadAndReadsTheExactBytes() throws Exception {
        String root = root("with-headers");
        Map<String, byte[]> lake = new TreeMap<>();
        lake.put("a.csv", bytes(70_000, 3));
        lake.put("one.bin", bytes(1, 4));
        lake.put("empty.txt", new byte[0]);
        for (Map.Entry<String, byte[]> f : lake.entrySet()) {
            com.amazonaws.services.s3.model.ObjectMetadata m = new com.amazonaws.services.s3.model.ObjectMetadata();
            m.setContentLength(f.getValue().length);
            m.setContentType("text/csv; charset=utf-8");
            m.setCacheControl("max-age=60");
            m.setContentDisposition("attachment");
            m.setContentLanguage("fr");
            m.setContentEncoding("identity");
            m.addUserMetadata("owner", "team-" + f.getKey());
            s3.client().putObject(BUCKET, key(root, f.getKey()), new java.io.ByteArrayInputStream(f.getValue()), m);
        }
        Source source = source(root, 1000);
        Map<String, SourceFile> files = list(source);
        for (Map.Entry<String, byte[]> f : lake.entrySet()) {
            io.lakeshift.model.ObjectHeaders byHead = source.headers(files.get(f.getKey()));
            Map<String, Long> before = requests(source, root);
            try (SourceStream in = source.openWithHeaders(files.get(f.getKey()))) {
                assertEquals(byHead, in.headers(), f.getKey() + ": the GET's headers are the HEAD's");
                assertEquals("team-" + f.getKey(), in.headers().userMetadata().get("owner"), f.getKey());
                assertEquals("text/csv; charset=utf-8", in.headers().contentType(), f.getKey());
                assertArrayEquals(f.getValue(), in.readAllBytes(), f.getKey());
            }
            Map<String, Long> after = requests(source, root);
            boolean empty = f.getValue().length == 0;
            // S3A reads an empty file without a GET, so its headers take the one HEAD.
            assertEquals(before.get("HEAD") + (empty ? 1 : 0), after.get("HEAD"), f.getKey() + ": " + before
                    + " -> " + after);
            assertEquals(before.get("GET") + (empty ? 0 : 1), after.get("GET"), f.getKey() + ": " + before + " -> "
                    + after);
        }
    }

    @Test
    void aFileRewrittenSinceTheListingIsNotReadAsTheNewVersion() throws Exception {
        String root = root("pinned");
        put(root, "f.bin", bytes(5000, 1));
        Source source = source(root, 1000);
        SourceFile listed = list(source).get("f.bin");
        put(root, "f.bin", bytes(5000, 2));

        SourceChangedException e = assertThrows(SourceChangedException.class, () -> read(source.open(listed)));
        assertTrue(e.getMessage().startsWith("source file " + listed.uri() + " changed since it was listed"),
                e.getMessage());
        assertFalse(Retry.isTransient(e), "the listed version is gone; trying again cannot read it");
        assertArrayEquals(bytes(5000, 2), read(source.open(list(source).get("f.bin"))), "listed anew, it reads");
    }

    /** A source with the test server's --s3-* settings and {@code more} options. */
    private static Source sourceWith(String root, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("--source", root, "--target", "oci://b@ns/"));
        args.addAll(s3.s3Args());
        args.addAll(List.of(more));
        return Sources.open(root, ConfigLoader.load(args).sources(), Map.of(),
                new SecretResolver(Map.of(), ocid -> null), null);
    }

    /** Four ranges: two of the threshold's, one more, and a short last one. */
    private static final int LARGE = (int) ParallelRangeInputStream.PARALLEL_ABOVE
            + ParallelRangeInputStream.RANGE_SIZE + 12_345;

    @Test
    void aLargeFileIsReadAsParallelRangedGetsWithoutAHeadAndAsManyGetsAsPlanned() throws Exception {
        String root = root("ranges");
        byte[] content = bytes(LARGE, 7);
        com.amazonaws.services.s3.model.ObjectMetadata m = new com.amazonaws.services.s3.model.ObjectMetadata();
        m.setContentLength(content.length);
        m.setContentType("application/x-parquet");
        m.addUserMetadata("owner", "ranges");
        s3.client().putObject(BUCKET, key(root, "big.bin"), new java.io.ByteArrayInputStream(content), m);
        Source source = sourceWith(root, "--s3-read-threads", "4");
        SourceFile big = list(source).get("big.bin");
        assertEquals(4, source.readRequests(big.size()), "the plan's count of GETs for this file");

        Map<String, Long> before = requests(source, root);
        assertArrayEquals(content, read(source.open(big)), "the ranges, put back in order, are the file");
        Map<String, Long> after = requests(source, root);
        assertEquals(before.get("HEAD"), after.get("HEAD"), "HEADs sent by ranged reads: " + before + " -> " + after);
        assertEquals(before.get("GET") + 4, after.get("GET"), "one GET per range: " + before + " -> " + after);

        // With its headers: the ranges' answers are not kept, so the headers cost one HEAD.
        try (SourceStream in = source.openWithHeaders(big)) {
            assertEquals("application/x-parquet", in.headers().contentType());
            assertEquals("ranges", in.headers().userMetadata().get("owner"));
            assertArrayEquals(content, in.readAllBytes());
        }
        Map<String, Long> last = requests(source, root);
        assertEquals(after.get("HEAD") + 1, last.get("HEAD"), after + " -> " + last);
        assertEquals(after.get("GET") + 4, last.get("GET"), after + " -> " + last);
    }

    @Test
    void aLargeFileRewrittenSinceTheListingFailsItsRangedReadAndIsNotRetried() throws Exception {
        String root = root("ranges-pinned");
        put(root, "big.bin", bytes(LARGE, 1));
        Source source = sourceWith(root, "--s3-read-threads", "4");
        SourceFile listed = list(source).get("big.bin");
        put(root, "big.bin", bytes(LARGE, 2));

        SourceChangedException e = assertThrows(SourceChangedException.class, () -> read(source.open(listed)));
        assertTrue(e.getMessage().startsWith("source file " + listed.uri() + " changed since it was listed"),
                e.getMessage());
        assertFalse(Retry.isTransient(e), "the listed version is gone; trying again cannot read it");
    }

    @Test
    void byDefaultALargeFileIsReadAsOneGet() throws Exception {
        String root = root("one-stream");
        byte[] content = bytes(LARGE, 5);
        put(root, "big.bin", content);
        Source source = sourceWith(root); // --s3-read-threads 1
        SourceFile big = list(source).get("big.bin");
        assertEquals(1, source.readRequests(big.size()));
        Map<String, Long> before = requests(source, root);
        assertArrayEquals(content, read(source.open(big)));
        Map<String, Long> after = requests(source, root);
        assertEquals(before.get("GET") + 1, after.get("GET"), before + " -> " + after);
        assertEquals(before.get("HEAD"), after.get("HEAD"), before + " -> " + after);
    }

    @Override
    boolean listsEtags() {
        return true;
    }

    @Override
    List<String> secrets() {
        return List.of(S3ProxyServer.SECRET_KEY);
    }
}
