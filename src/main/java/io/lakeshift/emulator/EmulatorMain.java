package io.lakeshift.emulator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** Command line: starts an emulator, prints how to reach it, and serves until the process is stopped. */
public final class EmulatorMain {
    static final String USAGE = String.join("\n",
            "Usage: lakeshift emulator [options]",
            "Runs a local OCI Object Storage emulator.",
            "  --host HOST         address to listen on (default 127.0.0.1)",
            "  --port PORT         port, 0 for any free one (default 0)",
            "  --namespace NAME    Object Storage namespace (default lakeshift)",
            "  --data-dir DIR      keep buckets and objects in DIR across restarts (default: in memory)",
            "  --config-dir DIR    write the OCI client config and key here (default: a temp dir)",
            "  --trust-key FILE    also accept requests signed with this PEM key (repeatable)",
            "  --policy FILE       enforce the OCI IAM policy statements in FILE (default: allow every signed request)",
            "  --help              show this help");

    private EmulatorMain() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Starts and serves until interrupted; returns an exit code for bad options instead of exiting. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        OciEmulator emulator;
        try {
            emulator = start(args, out);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (IOException e) {
            err.println("Cannot start the emulator: " + e.getMessage());
            return 1;
        }
        if (emulator == null) {
            return 0;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "oci-emulator-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            emulator.close();
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /**
     * Parses options, starts the emulator and prints how to reach it. Returns null after printing help.
     *
     * @throws IllegalArgumentException for bad options
     */
    public static OciEmulator start(String[] args, PrintStream out) throws IOException {
        OciEmulator.Builder builder = OciEmulator.builder();
        Path policyFile = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h" -> {
                    out.println(USAGE);
                    return null;
                }
                case "--host" -> builder.host(value(args, ++i, arg));
                case "--port" -> builder.port(port(value(args, ++i, arg)));
                case "--namespace" -> builder.namespace(value(args, ++i, arg));
                case "--data-dir" -> builder.dataDir(Path.of(value(args, ++i, arg)));
                case "--config-dir" -> builder.configDir(Path.of(value(args, ++i, arg)));
                case "--trust-key" -> builder.trustPublicKey(Path.of(value(args, ++i, arg)));
                case "--policy" -> {
                    Path file = Path.of(value(args, ++i, arg));
                    try {
                        builder.policy(file);
                    } catch (io.lakeshift.emulator.iam.PolicyException e) {
                        throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
                    }
                    builder.onRefusal(line -> {
                        out.println(line);
                        out.flush();
                    });
                    policyFile = file;
                }
                default -> throw new IllegalArgumentException("Unknown option: " + arg);
            }
        }
        OciEmulator emulator = builder.start();
        out.println("OCI Object Storage emulator listening");
        out.println("  endpoint:  " + emulator.endpoint());
        out.println("  namespace: " + emulator.namespace());
        out.println("  config:    " + emulator.configFile());
        out.println("  profile:   " + emulator.profile());
        out.println("  user:      " + emulator.userId());
        if (policyFile != null) {
            long enforced = emulator.policy().statements().stream().filter(s -> s.enforced()).count();
            out.println("  policy:    " + policyFile + " (" + enforced + " Object Storage statements enforced)");
            emulator.policy().notes().forEach(n -> out.println("    " + n));
        }
        out.flush();
        return emulator;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException("Missing value for " + option);
        }
        return args[i];
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Bad port: " + text);
        }
    }
}
