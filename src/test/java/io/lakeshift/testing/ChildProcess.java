package io.lakeshift.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A local server run as a child process on 127.0.0.1 for the tests: started on a free port, waited for until it
 * accepts connections, and stopped by its process id (the process and everything it started).
 */
final class ChildProcess implements AutoCloseable {
    private static final long START_SECONDS = 120;

    final long pid;
    final int port;
    final Path log;
    private final Process process;

    private ChildProcess(Process process, int port, Path log) {
        this.process = process;
        this.pid = process.pid();
        this.port = port;
        this.log = log;
    }

    /** Starts {@code command} (in which "{port}" is replaced by a free port) and waits until the port answers. */
    static ChildProcess start(String name, List<String> command, Path workDir) throws IOException {
        return start(name, freePort(), command, workDir);
    }

    /** The same with exactly this environment (see below). */
    static ChildProcess start(String name, List<String> command, Path workDir, Map<String, String> env)
            throws IOException {
        return start(name, freePort(), command, workDir, env);
    }

    /** Starts {@code command} (in which "{port}" is replaced by {@code port}) and waits until the port answers. */
    static ChildProcess start(String name, int port, List<String> command, Path workDir) throws IOException {
        return start(name, port, command, workDir, null);
    }

    /**
     * The same with exactly this environment (nothing of the tests' own), or the tests' environment when null: a
     * cluster's processes must not see what only the test (the driver's side) has.
     */
    static ChildProcess start(String name, int port, List<String> command, Path workDir, Map<String, String> env)
            throws IOException {
        Path log = projectDir().resolve("target/" + name + "-" + port + ".log");
        Files.createDirectories(log.getParent());
        List<String> cmd = command.stream().map(s -> s.replace("{port}", String.valueOf(port))).toList();
        ProcessBuilder builder = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        if (env != null) {
            builder.environment().clear();
            builder.environment().putAll(env);
        }
        Process p = builder.start();
        ChildProcess child = new ChildProcess(p, port, log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        while (!child.accepts()) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                child.close();
                throw new IOException(name + " did not start on 127.0.0.1:" + port + "; see " + log + ":\n"
                        + Files.readString(log));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted starting " + name, e);
            }
        }
        return child;
    }

    private boolean accepts() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static Path projectDir() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    }

    /** Stops the process by its id, its children first; forcibly if it has not ended after 10 seconds. */
    @Override
    public void close() {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        handle.ifPresent(h -> {
            h.descendants().forEach(ProcessHandle::destroy);
            h.destroy();
            try {
                h.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                h.descendants().forEach(ProcessHandle::destroyForcibly);
                h.destroyForcibly();
            }
        });
    }
}
