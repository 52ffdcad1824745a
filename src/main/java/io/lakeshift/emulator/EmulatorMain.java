package io.lakeshift.emulator;

import java.io.IOException;
import java.io.PrintStream;
import io.lakeshift.emulator.auth.ResourcePrincipalSession;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/** Command line: starts an emulator, prints how to reach it, and serves until the process is stopped. */
public final class EmulatorMain {
    /**
     * The options, their defaults and help: the one place of them. The defaults are passed to the builder as
     * written here, so what the help says is what runs.
     */
    enum Arg {
        HOST("host", "HOST", "127.0.0.1", "Address to listen on."),
        PORT("port", "PORT", "0", "Port, 0 for any free one (0 to 65535)."),
        NAMESPACE("namespace", "NAME", "lakeshift", "Object Storage namespace."),
        DATA_DIR("data-dir", "DIR", null, "Keep buckets and objects in DIR across restarts. Default: in memory."),
        CONFIG_DIR("config-dir", "DIR", null, "Write the OCI client config and key, and a resource principal"
                + " session (resource-principal/rpst.token, rpst.pem), here. Default: a temp dir."),
        TRUST_KEY("trust-key", "FILE", null, "Also accept requests signed with this PEM key (repeatable)."),
        POLICY("policy", "FILE", null, "Enforce the OCI IAM policy statements in FILE (docs/emulator.md, IAM)."
                + " Default: allow every signed request."),
        RESTORE_DELAY("restore-delay", "SECONDS", "0", "How long RestoreObjects leaves an Archive object"
                + " Restoring before it can be read (OCI: up to an hour); 0 restores at once."),
        S3_PORT("s3-port", "PORT", "0", "Serve OCI's Amazon S3 Compatibility API (path-style, SigV4) on this port:"
                + " 0 for any free one, -1 for none."),
        LATENCY("latency", "MS", "0", "Delay every request of both APIs by MS milliseconds before it is answered (a"
                + " round trip's latency, e.g. 20 between clouds; 0 to 60000)."),
        HELP("help", null, null, "Show this help.");

        final String key;
        final String valueName;
        final String defaultValue;
        final String help;

        Arg(String key, String valueName, String defaultValue, String help) {
            this.key = key;
            this.valueName = valueName;
            this.defaultValue = defaultValue;
            this.help = help;
        }

        String usage() {
            return valueName == null ? "--" + key : "--" + key + " " + valueName;
        }

        static Arg byKey(String key) {
            for (Arg a : values()) {
                if (a.key.equals(key)) {
                    return a;
                }
            }
            return null;
        }
    }

    static final String USAGE = usage();

    private static String usage() {
        StringBuilder sb = new StringBuilder("Usage: lakeshift emulator [options]\n"
                + "Runs a local OCI Object Storage emulator.\n\nOptions:\n");
        for (Arg a : Arg.values()) {
            sb.append(String.format("  %-24s %s%n", a.usage(), a.help));
            if (a.defaultValue != null) {
                sb.append(String.format("  %-24s Default: %s%n", "", a.defaultValue));
            }
        }
        return sb.toString().stripTrailing();
    }

    static final String RESOURCE_PRINCIPAL_DIR = "resource-principal";
    static final Duration RESOURCE_PRINCIPAL_VALIDITY = Duration.ofHours(24);

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
            err.println("lakeshift emulator: " + e.getMessage());
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
        OciEmulator.Builder builder = OciEmulator.builder().host(Arg.HOST.defaultValue)
                .port(port(Arg.PORT.defaultValue)).namespace(Arg.NAMESPACE.defaultValue)
                .restoreDelay(seconds(Arg.RESTORE_DELAY, Arg.RESTORE_DELAY.defaultValue))
                .s3Port(s3Port(Arg.S3_PORT.defaultValue)).latency(latency(Arg.LATENCY.defaultValue));
        Path policyFile = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            Arg a = arg.equals("-h") ? Arg.HELP : arg.startsWith("--") ? Arg.byKey(arg.substring(2)) : null;
            if (a == null) {
                throw new IllegalArgumentException(arg + ": unknown option; see lakeshift emulator --help");
            }
            switch (a) {
                case HELP -> {
                    out.println(USAGE);
                    return null;
                }
                case HOST -> builder.host(value(args, ++i, a));
                case PORT -> builder.port(port(value(args, ++i, a)));
                case NAMESPACE -> builder.namespace(value(args, ++i, a));
                case DATA_DIR -> builder.dataDir(Path.of(value(args, ++i, a)));
                case CONFIG_DIR -> builder.configDir(Path.of(value(args, ++i, a)));
                case S3_PORT -> builder.s3Port(s3Port(value(args, ++i, a)));
                case LATENCY -> builder.latency(latency(value(args, ++i, a)));
                case TRUST_KEY -> builder.trustPublicKey(Path.of(value(args, ++i, a)));
                case RESTORE_DELAY -> builder.restoreDelay(seconds(a, value(args, ++i, a)));
                case POLICY -> {
                    Path file = Path.of(value(args, ++i, a));
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
                default -> throw new IllegalStateException(a.key);
            }
        }
        OciEmulator emulator = builder.start();
        out.println("OCI Object Storage emulator listening");
        out.println("  endpoint:  " + emulator.endpoint());
        out.println("  namespace: " + emulator.namespace());
        out.println("  config:    " + emulator.configFile());
        out.println("  profile:   " + emulator.profile());
        out.println("  user:      " + emulator.userId());
        if (emulator.s3Credentials() != null) {
            out.println("  Amazon S3 Compatibility API (path-style, SigV4, region " + emulator.region() + "):");
            out.println("    endpoint:   " + emulator.s3Endpoint());
            out.println("    access key: " + emulator.s3Credentials().accessKey());
            out.println("    secret key: " + emulator.s3Credentials().secretKey());
            out.println("    credentials file (AWS_SHARED_CREDENTIALS_FILE): "
                    + emulator.configDir().resolve(io.lakeshift.emulator.s3.S3Credentials.FILE));
        }
        if (policyFile != null) {
            long enforced = emulator.policy().statements().stream().filter(s -> s.enforced()).count();
            out.println("  policy:    " + policyFile + " (" + enforced + " Object Storage statements enforced)");
            emulator.policy().notes().forEach(n -> out.println("    " + n));
        }
        ResourcePrincipalSession rp = emulator.mintResourcePrincipal(
                emulator.configDir().resolve(RESOURCE_PRINCIPAL_DIR), RESOURCE_PRINCIPAL_VALIDITY);
        out.println("  resource principal (a Data Flow run's, valid " + RESOURCE_PRINCIPAL_VALIDITY.toHours()
                + " h), for --oci-auth resource_principal:");
        for (String line : rp.exports().split("\n")) {
            out.println("    " + line);
        }
        out.flush();
        return emulator;
    }

    private static String value(String[] args, int i, Arg option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option.usage().split(" ")[0] + ": needs a value; give "
                    + option.usage());
        }
        return args[i];
    }

    private static Duration seconds(Arg option, String text) {
        try {
            long seconds = Long.parseLong(text);
            if (seconds < 0 || seconds > 86_400) {
                throw new NumberFormatException();
            }
            return Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + option.key + ": '" + text + "' is not a number of seconds; give"
                    + " 0 to 86400");
        }
    }

    private static int s3Port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port < -1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--s3-port: '" + text + "' is not a port; give 0 to 65535 (0 for any"
                    + " free one) or -1 for none");
        }
    }

    private static Duration latency(String text) {
        try {
            long ms = Long.parseLong(text);
            if (ms < 0 || ms > 60_000) {
                throw new NumberFormatException();
            }
            return Duration.ofMillis(ms);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--latency: '" + text + "' is not a delay; give 0 to 60000"
                    + " milliseconds");
        }
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port: '" + text + "' is not a port; give 0 to 65535 (0 for any free"
                    + " one)");
        }
    }
}
