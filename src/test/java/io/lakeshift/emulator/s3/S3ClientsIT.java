package io.lakeshift.emulator.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.bmc.model.BmcException;
import com.oracle.bmc.objectstorage.ObjectStorageClient;
import com.oracle.bmc.objectstorage.requests.HeadObjectRequest;
import com.oracle.bmc.objectstorage.requests.PutObjectRequest;
import com.oracle.bmc.objectstorage.responses.HeadObjectResponse;
import io.lakeshift.emulator.OciEmulator;
import io.lakeshift.emulator.Sdk;
import io.lakeshift.testing.S3Tools;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real S3 clients against the emulator's Amazon S3 Compatibility API: each AWS CLI installed (Debian's awscli 2.9,
 * and a current one on the PATH, e.g. awscli 1.45 from pip, set to send checksums only when required as OCI's
 * users must; S3Tools.awsEnvironment) and rclone
 * (1.60, S3 backend, provider Other) as OCI's documentation has their users set them up, and Hadoop's S3A
 * (hadoop-aws 3.3.4, AWS SDK v1: aws-chunked signed uploads). Each copies in and out, lists, uploads in parts,
 * and what one API writes the other reads with the same bytes and metadata (the OCI SDK is the native side).
 */
class S3ClientsIT {
    private static OciEmulator emu;
    private static ObjectStorageClient oci;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        emu = OciEmulator.builder().s3Port(0).start();
        oci = Sdk.client(emu);
    }

    @AfterAll
    static void stop() {
        if (oci != null) {
            oci.close();
        }
        if (emu != null) {
            emu.close();
        }
    }

    private HeadObjectResponse head(String bucket, String name) {
        return oci.headObject(HeadObjectRequest.builder().namespaceName(emu.namespace()).bucketName(bucket)
                .objectName(name).build());
    }

    private static String hexOfBase64(String b64) {
        return HexFormat.of().formatHex(Base64.getDecoder().decode(b64));
    }

    private static String md5Hex(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    }

    // ---- the AWS CLI

    private String aws(Path aws, String... args) throws Exception {
        String[] command = new String[args.length + 3];
        command[0] = aws.toString();
        command[1] = "--endpoint-url";
        command[2] = emu.s3Endpoint();
        System.arraycopy(args, 0, command, 3, args.length);
        return S3Tools.run(S3Tools.awsEnvironment(emu), dir, command);
    }

    /** Each AWS CLI installed: Debian's (2.9, CI's) and one on the PATH (here a pyenv awscli 1.45, a current v1). */
    static Stream<Arguments> awsClis() {
        List<Path> all = S3Tools.all("aws", "awscli");
        return IntStream.range(0, all.size()).mapToObj(i -> Arguments.of(i, all.get(i)));
    }

    /** Few commands: the CLI takes seconds to start on a loaded machine. */
    @ParameterizedTest
    @MethodSource("awsClis")
    void awsCliCopiesInAndOutInPartsAndSharesObjectsWithTheNativeApi(int n, Path cli) throws Exception {
        String bucket = "cli" + n;
        Sdk.createBucket(oci, emu, bucket);
        byte[] small = "small through the S3 API\n".getBytes(StandardCharsets.UTF_8);
        byte[] big = Sdk.randomBytes(9 << 20, 1); // over the CLI's 8 MiB multipart threshold: two parts
        Files.createDirectories(dir.resolve("in"));
        Files.write(dir.resolve("in/small.txt"), small);
        Files.write(dir.resolve("in/big.bin"), big);
        byte[] nativeBody = "written by the OCI SDK\n".getBytes(StandardCharsets.UTF_8);
        oci.putObject(PutObjectRequest.builder().namespaceName(emu.namespace()).bucketName(bucket)
                .objectName("native.txt").opcMeta(Map.of("from", "native")).contentLength((long) nativeBody.length)
                .putObjectBody(new ByteArrayInputStream(nativeBody)).build());

        aws(cli, "s3", "cp", "--recursive", "in/", "s3://" + bucket + "/in/", "--metadata", "origin=cli");
        String listed = aws(cli, "s3api", "list-objects-v2", "--bucket", bucket);
        aws(cli, "s3", "cp", "--recursive", "s3://" + bucket + "/", "out/");
        assertArrayEquals(small, Files.readAllBytes(dir.resolve("out/in/small.txt")));
        assertArrayEquals(big, Files.readAllBytes(dir.resolve("out/in/big.bin")));
        assertArrayEquals(nativeBody, Files.readAllBytes(dir.resolve("out/native.txt")));

        // S3 -> native: same bytes, x-amz-meta-origin is opc-meta-origin, the multipart ETag is OCI's multipart MD5
        assertArrayEquals(small, Sdk.get(oci, emu, bucket, "in/small.txt"));
        assertArrayEquals(big, Sdk.get(oci, emu, bucket, "in/big.bin"));
        assertEquals(Map.of("origin", "cli"), head(bucket, "in/small.txt").getOpcMeta());
        assertEquals(Map.of("origin", "cli"), head(bucket, "in/big.bin").getOpcMeta());
        String multipartMd5 = head(bucket, "in/big.bin").getOpcMultipartMd5();
        assertTrue(multipartMd5.endsWith("-2"), multipartMd5);
        assertTrue(listed.contains(hexOfBase64(multipartMd5.substring(0, multipartMd5.length() - 2)) + "-2"), listed);
        assertTrue(listed.contains(md5Hex(small)), "a single PUT's S3 ETag is its MD5: " + listed);

        // native -> S3: opc-meta-from is x-amz-meta-from
        String nativeHead = aws(cli, "s3api", "head-object", "--bucket", bucket, "--key", "native.txt");
        assertTrue(nativeHead.contains("\"from\": \"native\""), nativeHead);
        assertTrue(nativeHead.contains(md5Hex(nativeBody)), nativeHead);

        AssertionError noKey = assertThrows(AssertionError.class,
                () -> aws(cli, "s3api", "get-object", "--bucket", bucket, "--key", "nothing", "x.bin"));
        assertTrue(noKey.getMessage().contains("NoSuchKey"), noKey.getMessage());

        // additional checksums as OCI keeps them: SHA256 checked, kept and answered; CRC32 refused
        aws(cli, "s3api", "put-object", "--bucket", bucket, "--key", "sum.txt", "--body", "in/small.txt",
                "--checksum-algorithm", "SHA256");
        String sumHead = aws(cli, "s3api", "head-object", "--bucket", bucket, "--key", "sum.txt", "--checksum-mode",
                "ENABLED");
        String sha256 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(small));
        assertTrue(sumHead.contains("\"ChecksumSHA256\": \"" + sha256 + "\""), sumHead);
        AssertionError crc32 = assertThrows(AssertionError.class, () -> aws(cli, "s3api", "put-object", "--bucket",
                bucket, "--key", "crc32.txt", "--body", "in/small.txt", "--checksum-algorithm", "CRC32"));
        assertTrue(crc32.getMessage().contains("InvalidRequest"), crc32.getMessage());
    }

    // ---- rclone

    private String rclone(String... args) throws Exception {
        Path rclone = S3Tools.require("rclone", "rclone");
        String[] command = new String[args.length + 5];
        command[0] = rclone.toString();
        command[1] = "--retries";
        command[2] = "1";
        command[3] = "--low-level-retries";
        command[4] = "1";
        System.arraycopy(args, 0, command, 5, args.length);
        return S3Tools.run(S3Tools.rcloneEnvironment(emu), dir, command);
    }

    @Test
    void rcloneCopiesATreeInAndOutInPartsAndSharesObjectsWithTheNativeApi() throws Exception {
        S3Tools.require("rclone", "rclone");
        Sdk.createBucket(oci, emu, "rc");
        Path src = dir.resolve("src");
        Files.createDirectories(src.resolve("sub/deeper"));
        byte[] a = "a\n".getBytes(StandardCharsets.UTF_8);
        byte[] b = Sdk.randomBytes(6 << 20, 2); // over a 5 MiB cutoff: two parts
        byte[] c = "c\n".getBytes(StandardCharsets.UTF_8);
        Files.write(src.resolve("a.txt"), a);
        Files.write(src.resolve("sub/b.bin"), b);
        Files.write(src.resolve("sub/deeper/c.txt"), c);

        rclone("copy", "--s3-upload-cutoff", "5M", "--s3-chunk-size", "5M", "src", "emu:rc/tree");
        rclone("check", "src", "emu:rc/tree"); // exit 0: every file there with the same size and hash
        String listed = rclone("lsf", "-R", "emu:rc/tree");
        assertTrue(listed.contains("sub/deeper/c.txt") && listed.contains("sub/b.bin"), listed);
        rclone("copy", "emu:rc/tree", "out");
        assertArrayEquals(a, Files.readAllBytes(dir.resolve("out/a.txt")));
        assertArrayEquals(b, Files.readAllBytes(dir.resolve("out/sub/b.bin")));
        assertArrayEquals(c, Files.readAllBytes(dir.resolve("out/sub/deeper/c.txt")));

        // S3 → native: the multipart object's bytes, and rclone's mtime metadata as opc-meta-mtime
        assertArrayEquals(b, Sdk.get(oci, emu, "rc", "tree/sub/b.bin"));
        HeadObjectResponse h = head("rc", "tree/sub/b.bin");
        assertTrue(h.getOpcMultipartMd5().endsWith("-2"), h.getOpcMultipartMd5());
        assertTrue(h.getOpcMeta().containsKey("mtime"), "rclone's modification time: " + h.getOpcMeta());

        // native → S3
        Sdk.put(oci, emu, "rc", "tree/native.txt", c);
        rclone("copyto", "emu:rc/tree/native.txt", "native.txt");
        assertArrayEquals(c, Files.readAllBytes(dir.resolve("native.txt")));

        rclone("delete", "emu:rc/tree/sub/deeper");
        assertEquals(404, assertThrows(BmcException.class, () -> head("rc", "tree/sub/deeper/c.txt"))
                .getStatusCode());
    }

    // ---- S3A

    private FileSystem s3a(String bucket) throws IOException {
        Configuration conf = new Configuration();
        conf.set("fs.s3a.fast.upload.buffer", "array");
        conf.set("fs.s3a.impl", "org.apache.hadoop.fs.s3a.S3AFileSystem");
        conf.set("fs.s3a.endpoint", emu.s3Endpoint());
        conf.set("fs.s3a.endpoint.region", emu.region());
        conf.set("fs.s3a.path.style.access", "true");
        conf.set("fs.s3a.connection.ssl.enabled", "false");
        conf.set("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
        conf.set("fs.s3a.access.key", emu.s3Credentials().accessKey());
        conf.set("fs.s3a.secret.key", emu.s3Credentials().secretKey());
        conf.set("fs.s3a.multipart.size", "5M");
        conf.set("fs.s3a.multipart.threshold", "5M");
        conf.set("fs.s3a.attempts.maximum", "1");
        conf.set("fs.s3a.retry.limit", "1");
        conf.set("fs.s3a.impl.disable.cache", "true");
        return FileSystem.newInstance(URI.create("s3a://" + bucket + "/"), conf);
    }

    @Test
    void s3aWritesListsReadsRangesAndDeletes() throws Exception {
        Sdk.createBucket(oci, emu, "s3a");
        byte[] big = Sdk.randomBytes(12 << 20, 3); // three 5 MiB parts, the last short
        byte[] small = "small via S3A\n".getBytes(StandardCharsets.UTF_8);
        try (FileSystem fs = s3a("s3a")) {
            try (FSDataOutputStream out = fs.create(new org.apache.hadoop.fs.Path("/dir/big.bin"))) {
                out.write(big);
            }
            try (FSDataOutputStream out = fs.create(new org.apache.hadoop.fs.Path("/dir/small.txt"))) {
                out.write(small);
            }
            FileStatus[] listed = fs.listStatus(new org.apache.hadoop.fs.Path("/dir"));
            assertEquals(2, listed.length, Arrays.toString(listed));
            assertEquals(big.length, fs.getFileStatus(new org.apache.hadoop.fs.Path("/dir/big.bin")).getLen());
            try (FSDataInputStream in = fs.open(new org.apache.hadoop.fs.Path("/dir/big.bin"))) {
                byte[] part = new byte[1000];
                in.readFully(7 << 20, part); // a ranged GET in the second part
                assertArrayEquals(Arrays.copyOfRange(big, 7 << 20, (7 << 20) + 1000), part);
                in.seek(0);
                assertArrayEquals(big, in.readAllBytes());
            }
            // S3 → native
            assertArrayEquals(big, Sdk.get(oci, emu, "s3a", "dir/big.bin"));
            assertTrue(head("s3a", "dir/big.bin").getOpcMultipartMd5().endsWith("-3"));
            // native → S3
            Sdk.put(oci, emu, "s3a", "dir/native.txt", small);
            try (InputStream in = fs.open(new org.apache.hadoop.fs.Path("/dir/native.txt"))) {
                assertArrayEquals(small, in.readAllBytes());
            }
            assertTrue(fs.delete(new org.apache.hadoop.fs.Path("/dir/small.txt"), false));
            assertFalse(fs.exists(new org.apache.hadoop.fs.Path("/dir/small.txt")));
        }
        assertEquals(404, assertThrows(BmcException.class, () -> head("s3a", "dir/small.txt")).getStatusCode());
    }
}
