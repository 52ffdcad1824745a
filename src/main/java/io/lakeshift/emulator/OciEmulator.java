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
import io.lakeshift.emulator.s3.S3Api;
import io.lakeshift.emulator.s3.S3Credentials;
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
    /** The Amazon S3 Compatibility API's listener, or null when it is not served. */
    private final HttpServer s3Server;
    private final S3Credentials s3Credentials;
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
        this.s3Credentials = b.s3Port < 0 ? null
                : b.s3Credentials != null ? b.s3Credentials : S3Credentials.createIn(configDir);
        this.executor = newExecutor(b.threads);
        HttpServer nativeServer = null;
        try {
            nativeServer = HttpServer.create(new InetSocketAddress(b.host, b.port), 128);
            this.s3Server = b.s3Port < 0 ? null : HttpServer.create(new InetSocketAddress(b.host, b.s3Port), 128);
        } catch (IOException e) {
            executor.shutdownNow();
            if (nativeServer != null) {
                nativeServer.stop(0);
            }
            throw e;
        }
        this.server = nativeServer;
        server.createContext("/", Latency.around(handler, b.latency, b.pause));
        server.setExecutor(executor);
        server.start();
        if (s3Server != null) {
            S3Api.Settings settings = new S3Api.Settings(namespace, identity.tenancy(), identity.user(),
                    ClientIdentity.REGION, s3Credentials, b.faults, authorizer, Clock.systemUTC());
            s3Server.createContext("/", Latency.around(S3Api.handler(storage, settings), b.latency, b.pause));
            s3Server.setExecutor(executor);
            s3Server.start();
        }
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
        return endpointOf(server.getAddress());
    }

    private static String endpointOf(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + address.getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * The base URL of the Amazon S3 Compatibility API (path-style: {@code ENDPOINT/bucket/key}), as OCI serves it at
     * {@code https://NAMESPACE.compat.objectstorage.REGION.oraclecloud.com}.
     *
     * @throws IllegalStateException when the emulator was built without {@link Builder#s3Port(int)}
     */
    public String s3Endpoint() {
        if (s3Server == null) {
            throw new IllegalStateException("the S3 Compatibility API is not served; build with s3Port(0)");
        }
        return endpointOf(s3Server.getAddress());
    }

    /** The customer secret key pair S3 clients sign with, or null when the S3 API is not served. */
    public S3Credentials s3Credentials() {
        return s3Credentials;
    }

    /** The region S3 clients sign for (SigV4's credential scope), the region of OCI's S3 endpoint. */
    public String region() {
        return ClientIdentity.REGION;
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

    /**
     * The store it serves. For a tool in the same JVM that must put millions of objects in place before a run
     * (bench/run.sh plan seeds a bucket without a signed request each); everything else goes through the API.
     */
    public Storage storage() {
        return storage;
    }

    /** The IAM policy requests are checked against, or null when everything is allowed. */
    public Policy policy() {
        return policy;
    }

    @Override
    public void close() {
        server.stop(0);
        if (s3Server != null) {
            s3Server.stop(0);
        }
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
        private int s3Port = -1;
        private S3Credentials s3Credentials;
        private Duration latency = Duration.ZERO;
        private Latency.Pause pause = Latency.Pause.SLEEP;

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

        /**
         * Also serve the Amazon S3 Compatibility API on this port (0 picks a free one); -1 (the default) serves
         * only the native API.
         */
        public Builder s3Port(int port) {
            if (port < -1 || port > 65535) {
                throw new IllegalArgumentException("s3Port must be -1 (off) or 0 to 65535");
            }
            this.s3Port = port;
            return this;
        }

        /** The customer secret key pair S3 clients sign with; default: made once and kept in the config dir. */
        public Builder s3Credentials(S3Credentials credentials) {
            this.s3Credentials = credentials;
            return this;
        }

        /** Delay every request of both APIs by this much before it is handled (a round trip's latency). */
        public Builder latency(Duration latency) {
            if (latency == null || latency.isNegative()) {
                throw new IllegalArgumentException("latency must be zero or more");
            }
            this.latency = latency;
            return this;
        }

        /** How the latency is waited out (default: sleeping); tests count the pauses instead. */
        public Builder pause(Latency.Pause pause) {
            this.pause = pause;
            return this;
        }

        public OciEmulator start() throws IOException {
            return new OciEmulator(this);
        }
    }
}
