package io.lakeshift.testing;

import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Azure Blob storage emulator on 127.0.0.1: Azurite's blob service (in memory), installed from npm into
 * target/tools on first use and run as a child process; stopped by its process id. It has no Data Lake (dfs)
 * endpoint, so ADLS is exercised through Blob API calls, as the native ADLS source makes them.
 */
public final class AzuriteServer implements AutoCloseable {
    public static final String ACCOUNT = "devstoreaccount1";
    /** Azurite's published development key. */
    public static final String KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static final String VERSION = "3.37.0";

    private final ChildProcess process;

    private AzuriteServer(ChildProcess process) {
        this.process = process;
    }

    public static AzuriteServer start() throws IOException, InterruptedException {
        Path bin = install();
        Path work = Files.createTempDirectory("azurite");
        return new AzuriteServer(ChildProcess.start("azurite", List.of(bin.toString(), "--blobHost", "127.0.0.1",
                "--blobPort", "{port}", "--inMemoryPersistence", "--skipApiVersionCheck", "--silent"), work));
    }

    /** node_modules/.bin/azurite-blob under target/tools, installed with npm when missing. */
    static synchronized Path install() throws IOException, InterruptedException {
        Path tools = ChildProcess.projectDir().resolve("target/tools");
        Path bin = tools.resolve("node_modules/.bin/azurite-blob");
        if (Files.isExecutable(bin)) {
            return bin;
        }
        Files.createDirectories(tools);
        Path log = tools.resolve("azurite-install.log");
        Process npm = new ProcessBuilder("npm", "install", "--prefix", tools.toString(), "--no-audit", "--no-fund",
                "--loglevel=error", "azurite@" + VERSION).redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
        if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0 || !Files.isExecutable(bin)) {
            npm.destroyForcibly();
            throw new IOException("could not install azurite@" + VERSION + " with npm (Node and npm are needed);"
                    + " see " + log + ":\n" + Files.readString(log));
        }
        return bin;
    }

    /** The account's Blob endpoint, for --azure-endpoint. */
    public String endpoint() {
        return "http://127.0.0.1:" + process.port + "/" + ACCOUNT;
    }

    public long pid() {
        return process.pid;
    }

    public BlobServiceClient client() {
        return new BlobServiceClientBuilder().endpoint(endpoint())
                .credential(new StorageSharedKeyCredential(ACCOUNT, KEY))
                .httpClient(new JdkHttpClientBuilder().build()).buildClient();
    }

    /** abfss:// URI of a path in a container of this account. */
    public static String uri(String container, String path) {
        return "abfss://" + container + "@" + ACCOUNT + ".dfs.core.windows.net/" + path;
    }

    /** The lakeshift options that point the native ADLS source at this emulator with the account key. */
    public List<String> azureArgs() {
        return List.of("--azure-endpoint", endpoint(), "--azure-account-key", KEY);
    }

    @Override
    public void close() {
        process.close();
    }
}
