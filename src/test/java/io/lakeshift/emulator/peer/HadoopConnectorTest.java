package io.lakeshift.emulator.peer;

import com.oracle.bmc.model.BmcException;
import com.oracle.bmc.objectstorage.ObjectStorageClient;
import io.lakeshift.emulator.OciEmulator;
import io.lakeshift.emulator.Sdk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An independent real client: Oracle's OCI HDFS connector (OCI SDK 2.x, Apache HTTP client) driven by Hadoop's
 * file system shell and DistCp in child JVMs. Its answers are then checked through the OCI Java SDK 3.x.
 */
class HadoopConnectorTest {
    @TempDir
    static Path dir;
    static OciEmulator emu;
    static ObjectStorageClient client;
    static HadoopPeer peer;
    static Path conf;

    @BeforeAll
    static void start() throws Exception {
        peer = HadoopPeer.resolve();
        emu = OciEmulator.builder().dataDir(dir.resolve("data")).start();
        client = Sdk.client(emu);
        Sdk.createBucket(client, emu, "hadoop");
        conf = HadoopPeer.writeConf(emu, dir.resolve("conf"));
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (emu != null) {
            emu.close();
        }
    }

    @Test
    void fileSystemShellPutLsCatRm() throws Exception {
        Path local = dir.resolve("hello.txt");
        Files.writeString(local, "hello from hadoop\n");
        HadoopPeer.Result mkdir = peer.fsShell(conf, "-mkdir", "-p", HadoopPeer.uri(emu, "hadoop", "shell"));
        assertEquals(0, mkdir.exitCode(), mkdir::toString);
        HadoopPeer.Result put = peer.fsShell(conf, "-put", local.toString(),
                HadoopPeer.uri(emu, "hadoop", "shell/hello.txt"));
        assertEquals(0, put.exitCode(), put::toString);
        assertArrayEquals(Files.readAllBytes(local), Sdk.get(client, emu, "hadoop", "shell/hello.txt"));

        HadoopPeer.Result ls = peer.fsShell(conf, "-ls", HadoopPeer.uri(emu, "hadoop", "shell"));
        assertEquals(0, ls.exitCode(), ls::toString);
        assertTrue(ls.stdout().contains("18 ") && ls.stdout().contains("shell/hello.txt"), ls::toString);

        HadoopPeer.Result cat = peer.fsShell(conf, "-cat", HadoopPeer.uri(emu, "hadoop", "shell/hello.txt"));
        assertEquals(0, cat.exitCode(), cat::toString);
        assertEquals("hello from hadoop\n", cat.stdout());

        HadoopPeer.Result rm = peer.fsShell(conf, "-rm", HadoopPeer.uri(emu, "hadoop", "shell/hello.txt"));
        assertEquals(0, rm.exitCode(), rm::toString);
        assertEquals(404, assertThrows(BmcException.class, () -> Sdk.get(client, emu, "hadoop", "shell/hello.txt"))
                .getStatusCode());
    }

    @Test
    void distCpCopiesADirectoryTree() throws Exception {
        Path source = dir.resolve("lake");
        Files.createDirectories(source.resolve("year=2024/month=01"));
        byte[] a = Sdk.randomBytes(3 * 1024 * 1024, 41);
        byte[] b = Sdk.randomBytes(70_000, 42);
        byte[] c = Sdk.randomBytes(10, 43);
        Files.write(source.resolve("year=2024/month=01/part-0000.parquet"), a);
        Files.write(source.resolve("year=2024/month=01/part-0001.parquet"), b);
        Files.write(source.resolve("_SUCCESS"), c);

        HadoopPeer.Result copy = peer.distCp(conf, "-direct", source.toUri().toString(),
                HadoopPeer.uri(emu, "hadoop", "copy"));
        assertEquals(0, copy.exitCode(), copy::toString);
        assertArrayEquals(a, Sdk.get(client, emu, "hadoop", "copy/year=2024/month=01/part-0000.parquet"));
        assertArrayEquals(b, Sdk.get(client, emu, "hadoop", "copy/year=2024/month=01/part-0001.parquet"));
        assertArrayEquals(c, Sdk.get(client, emu, "hadoop", "copy/_SUCCESS"));

        HadoopPeer.Result ls = peer.fsShell(conf, "-ls", "-R", HadoopPeer.uri(emu, "hadoop", "copy"));
        assertEquals(0, ls.exitCode(), ls::toString);
        assertTrue(ls.stdout().contains(Integer.toString(a.length)), ls::toString);
    }
}
