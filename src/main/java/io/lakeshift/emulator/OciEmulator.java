package io.lakeshift.emulator;

import com.sun.net.httpserver.HttpServer;
import io.lakeshift.emulator.auth.ClientIdentity;
import io.lakeshift.emulator.auth.KeyRing;
import io.lakeshift.emulator.auth.Pem;
import io.lakeshift.emulator.auth.ResourcePrincipalSession;
import io.lakeshift.emulator.auth.SessionTokens;
import io.lakeshift.emulator.auth.SignatureVerifier;
import io.lakeshift.emulator.http.ObjectStorageHandler;
import io.lakeshift.emulator.iam.Authorizer;
import io.lakeshift.emulator.iam.Policy;
import io.lakeshift.emulator.storage.BucketRecord;
import io.lakeshift.emulator.storage.DiskStorage;
import io.lakeshift.emulator.storage.ListQuery;
import io.lakeshift.emulator.storage.ObjectListing;
import io.lakeshift.emulator.storage.ObjectRecord;
import io.lakeshift.emulator.storage.Restore;
import io.lakeshift.emulator.storage.MemoryStorage;
import io.lakeshift.emulator.storage.Storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * A local OCI Object Storage service speaking the real REST protocol, with request signing. Start one with
 * {@link #builder()}; {@link #close()} stops it. Instances are independent of each other.
 */
public final class OciEmulator implements AutoCloseable {
    static {
        // The JDK server otherwise leaves Nagle on, which stalls small keep-alive answers for ~40 ms each.
        // Read once when the JDK's server classes load; set only if nobody chose otherwise.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Storage storage;
    private final ClientIdentity identity;
    private final SessionTokens sessionTokens;
    private final Path configDir;
    private final String namespace;
    private final Path tempConfigDir;
    private final Policy policy;

    private OciEmulator(Builder b) throws IOException {
        this.namespace = b.namespace;
        this.tempConfigDir = b.configDir == null ? Files.createTempDirectory("oci-emulator-") : null;
        this.configDir = b.configDir == null ? tempConfigDir : b.configDir;
        this.identity = ClientIdentity.createIn(configDir);
        this.sessionTokens = SessionTokens.createIn(configDir, Clock.systemUTC());
        KeyRing keys = new KeyRing();
        keys.trust(identity.publicKey(), identity.tenancy(), identity.user());
        for (Path pem : b.trustedKeys) {
            // further API keys of the emulator's one user, as OCI lets a user have several
            keys.trust(Pem.readPublicKey(pem), identity.tenancy(), identity.user());
        }
        for (java.util.Map.Entry<Path, String> e : b.usersKeys.entrySet()) {
            keys.trust(Pem.readPublicKey(e.getKey()), identity.tenancy(), e.getValue());
        }
        this.storage = b.dataDir == null ? new MemoryStorage() : new DiskStorage(b.dataDir);
        this.policy = b.policy;
        Authorizer authorizer = b.policy == null ? null : new Authorizer(b.policy, storage, namespace,
                identity.tenancy(), b.refusals);
        ObjectStorageHandler handler = new ObjectStorageHandler(storage, namespace, identity.tenancy(),
                new SignatureVerifier(keys, sessionTokens, Clock.systemUTC()), b.faults, authorizer, b.restoreDelay);
        this.executor = newExecutor(b.threads);
        try {
            this.server = HttpServer.create(new InetSocketAddress(b.host, b.port), 128);
        } catch (IOException e) {
            executor.shutdownNow();
            throw e;
        }
        server.createContext("/", handler);
        server.setExecutor(executor);
        server.start();
    }

    private static ExecutorService newExecutor(int threads) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "oci-emulator-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The base URL clients use as their endpoint, e.g. "http://127.0.0.1:43121". */
    public String endpoint() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + address.getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String namespace() {
        return namespace;
    }

    /** The OCI config file written for clients. */
    public Path configFile() {
        return identity.configFile();
    }

    /** The profile in {@link #configFile()} to use. */
    public String profile() {
        return ClientIdentity.PROFILE;
    }

    /** The private key file the config refers to. */
    public Path keyFile() {
        return identity.keyFile();
    }

    public String tenancyId() {
        return identity.tenancy();
    }

    public String userId() {
        return identity.user();
    }

    public String fingerprint() {
        return identity.fingerprint();
    }

    /**
     * Mints a resource principal session for a Data Flow run (res_type {@value ResourcePrincipalSession#RES_TYPE})
     * in this emulator's tenancy, valid for {@code validFor} (negative: already expired), and writes its token and
     * private key to {@code dir}; {@link ResourcePrincipalSession#environment()} is what the run's environment holds.
     */
    public ResourcePrincipalSession mintResourcePrincipal(Path dir, Duration validFor) throws IOException {
        return mintResourcePrincipal(dir, identity.tenancy(), validFor);
    }

    /**
     * As {@link #mintResourcePrincipal(Path, Duration)}, for a run in {@code compartment}: the token's
     * {@code res_compartment}, which a dynamic group's matching rule ({@code resource.compartment.id}) and a
     * statement's {@code request.principal.compartment.id} see.
     */
    public ResourcePrincipalSession mintResourcePrincipal(Path dir, String compartment, Duration validFor)
            throws IOException {
        return ResourcePrincipalSession.mint(sessionTokens, dir, identity.tenancy(), compartment,
                ClientIdentity.REGION, validFor);
    }

    /** The directory holding the client config, key and resource principal material. */
    public Path configDir() {
        return configDir;
    }

    /**
     * Ends every restore under way: Archive objects that RestoreObjects left Restoring (with a
     * {@link Builder#restoreDelay}) become Restored now, for the hours they were asked for. Returns how many.
     */
    public int completeRestores() {
        long now = System.currentTimeMillis();
        int done = 0;
        for (BucketRecord bucket : storage.buckets()) {
            String start = null;
            do {
                ObjectListing page = storage.list(bucket.name(), new ListQuery(null, start, null, null, null, 1000));
                for (ObjectRecord o : page.objects()) {
                    if ("Restoring".equals(o.archivalState(now))) {
                        storage.updateObject(bucket.name(), o.name(), r -> r.restore() == null ? r
                                : r.withRestore(new Restore(now, now + r.restore().until() - r.restore().readyAt())));
                        done++;
                    }
                }
                start = page.nextStartWith();
            } while (start != null);
        }
        return done;
    }

    /** The IAM policy requests are checked against, or null when everything is allowed. */
    public Policy policy() {
        return policy;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            storage.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (tempConfigDir != null) {
                deleteTree(tempConfigDir);
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir left behind is harmless
        }
    }

    /** Options; every one has a default. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private String namespace = "lakeshift";
        private Path dataDir;
        private Path configDir;
        private final List<Path> trustedKeys = new ArrayList<>();
        private final java.util.Map<Path, String> usersKeys = new java.util.LinkedHashMap<>();
        private FaultPolicy faults = FaultPolicy.NONE;
        private int threads = 32;
        private Policy policy;
        private Consumer<String> refusals = Logger.getLogger(Authorizer.class.getName())::warning;
        private Duration restoreDelay = Duration.ZERO;

        private Builder() {
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** 0 picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder namespace(String namespace) {
            this.namespace = namespace;
            return this;
        }

        /** Keep state in this directory across restarts; null (the default) keeps it in memory. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** Where the client config and key are written (an existing key there is reused); null = a temp dir. */
        public Builder configDir(Path configDir) {
            this.configDir = configDir;
            return this;
        }

        /** Also accept requests signed with this key (a PEM public key, or a PKCS#8 private key). Repeatable. */
        public Builder trustPublicKey(Path pem) {
            this.trustedKeys.add(pem);
            return this;
        }

        /**
         * Also accept requests signed with this key (PEM public or PKCS#8 private) as an API key of another user of
         * the emulator's tenancy, {@code user} (an OCID): its keyId is "tenancy/user/fingerprint", and a policy's
         * {@code group <name> = <user>} puts that user in a group. Repeatable.
         */
        public Builder trustUserKey(Path pem, String user) {
            this.usersKeys.put(pem, user);
            return this;
        }

        public Builder faultPolicy(FaultPolicy faults) {
            this.faults = faults == null ? FaultPolicy.NONE : faults;
            return this;
        }

        /** Requests served at once. */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1");
            }
            this.threads = threads;
            return this;
        }

        /**
         * Enforce these IAM policy statements (see docs/emulator.md, "IAM"); null (the default) allows every
         * signed request.
         */
        public Builder policy(Policy policy) {
            this.policy = policy;
            return this;
        }

        /** Reads and enforces a policy file. @throws io.lakeshift.emulator.iam.PolicyException naming a bad line */
        public Builder policy(Path file) throws IOException {
            this.policy = file == null ? null : Policy.read(file);
            return this;
        }

        /** Where a refused request is reported, one line naming the missing permission (default: a log warning). */
        public Builder onRefusal(Consumer<String> refusals) {
            this.refusals = refusals;
            return this;
        }

        /**
         * How long RestoreObjects leaves an Archive object Restoring before it can be read (OCI: up to an hour).
         * Zero, the default, restores at once; tests that need the Restoring state give a long delay and end it
         * with {@link OciEmulator#completeRestores()} instead of waiting.
         */
        public Builder restoreDelay(Duration delay) {
            if (delay == null || delay.isNegative()) {
                throw new IllegalArgumentException("restoreDelay must be zero or more");
            }
            this.restoreDelay = delay;
            return this;
        }

        public OciEmulator start() throws IOException {
            return new OciEmulator(this);
        }
    }
}
