package io.lakeshift.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.cli.Main;
import io.lakeshift.emulator.FaultPolicy;
import io.lakeshift.log.MigrationRecord;
import io.lakeshift.log.Status;
import io.lakeshift.testing.EmulatorFixture;
import io.lakeshift.testing.JobRuns;
import io.lakeshift.testing.Lakes;
import io.lakeshift.testing.SparkTestSession;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Each bad input gets one line that names what is wrong and how to fix it, and no stack trace. */
class BadInputIT {
    /** The bucket read-only answers a PUT as OCI answers a principal that may not write there. */
    private static final FaultPolicy NO_WRITES = r -> {
        if (r.operation().equals("PutObject") && "read-only".equals(r.bucket())) {
            byte[] body = "{\"code\":\"BucketNotFound\",\"message\":\"Either the bucket named 'read-only' does not exist in the namespace or you are not authorized to access it\"}".getBytes(StandardCharsets.UTF_8);
            r.exchange().getRequestBody().transferTo(OutputStream.nullOutputStream());
            r.exchange().getResponseHeaders().set("Content-Type", "application/json");
            r.exchange().sendResponseHeaders(404, body.length);
            try (OutputStream out = r.exchange().getResponseBody()) {
                out.write(body);
            }
            return true;
        }
        return false;
    };
    @RegisterExtension
    static final EmulatorFixture oci = EmulatorFixture.perClass(NO_WRITES, "bad", "read-only");
    private static final JobRuns jobs = new JobRuns(oci);

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        SparkTestSession.get();
    }

    private Path lake() throws Exception {
        Path lake = dir.resolve("lake");
        Lakes.write(lake, "a.bin", 100, 1);
        return lake;
    }

    /** Runs a command with its own OCI options (no defaults added); checks exit code and one clean line. */
    private static String fails(int code, String... args) {
        JobRuns.Outcome o = jobs.exec(args);
        assertEquals(code, o.code(), o.err());
        assertEquals(1, o.err().strip().lines().count(), "one line: " + o.err());
        assertFalse(o.err().contains("\tat ") || o.err().contains("Exception:"), "no stack trace: " + o.err());
        return o.err();
    }

    @Test
    void aFileThatCannotBeReadIsFailedNamingItAndTheOthersGoOn() throws Exception {
        Path lake = lake();
        Lakes.write(lake, "secret/unreadable.bin", 100, 2);
        JobRuns.Outcome o = jobs.main("migrate", "--source", lake.toUri().toString(), "--target",
                "oci://bad@" + oci.namespace() + "/unreadable/", "--run-id", "u1");
        assertEquals(Main.FILES_FAILED, o.code(), o.err());
        Map<String, MigrationRecord> log = jobs.log("bad", "u1");
        assertEquals(Status.NEW, log.get("a.bin").status());
        MigrationRecord r = log.get("secret/unreadable.bin");
        assertEquals(Status.FAILED, r.status());
        assertTrue(r.error().contains("unreadable.bin") && r.error().contains("Permission denied"), r.error());
    }

    @Test
    void missingOrInvalidOciKeyOrProfileIsNamed() throws Exception {
        Path lake = lake();
        String base = Files.readString(oci.emulator().configFile());
        Path noKey = dir.resolve("no-key-config");
        Files.writeString(noKey, base.replaceAll("key_file=.*", "key_file=" + dir.resolve("missing.pem")));
        String err = fails(Main.USAGE, "migrate", "--source", lake.toUri().toString(), "--target",
                "oci://bad@" + oci.namespace() + "/", "--oci-config", noKey.toString(), "--oci-endpoint",
                oci.emulator().endpoint());
        assertTrue(err.contains("the key_file " + dir.resolve("missing.pem") + " named in " + noKey), err);

        err = fails(Main.USAGE, "migrate", "--source", lake.toUri().toString(), "--target",
                "oci://bad@" + oci.namespace() + "/", "--oci-config", oci.emulator().configFile().toString(),
                "--oci-profile", "NOPE", "--oci-endpoint", oci.emulator().endpoint());
        assertTrue(err.contains("profile [NOPE]"), err);

        String notAKey = "-----BEGIN " + "PRIVATE KEY-----\nnot a key\n-----END " + "PRIVATE KEY-----\n";
        Path garbage = Lakes.write(dir, "garbage.pem", notAKey.getBytes(StandardCharsets.US_ASCII));
        Path badKey = dir.resolve("bad-key-config");
        Files.writeString(badKey, base.replaceAll("key_file=.*", "key_file=" + garbage));
        err = fails(Main.USAGE, "migrate", "--source", lake.toUri().toString(), "--target",
                "oci://bad@" + oci.namespace() + "/", "--oci-config", badKey.toString(), "--oci-endpoint",
                oci.emulator().endpoint());
        assertTrue(err.contains("the key_file " + garbage + " named in " + badKey + ", profile [DEFAULT] cannot be"
                + " used: it is not a valid RSA private key"), err);
    }

    @Test
    void aKeyTheServiceDoesNotKnowIsRejectedNamingTheProfile() throws Exception {
        Path lake = lake();
        Path otherKey = dir.resolve("other.pem");
        java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        String pem = "-----BEGIN " + "PRIVATE KEY-----\n" + java.util.Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(g.generateKeyPair().getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        Files.writeString(otherKey, pem);
        Path config = dir.resolve("other-config");
        Files.writeString(config, Files.readString(oci.emulator().configFile())
                .replaceAll("key_file=.*", "key_file=" + otherKey));
        String err = fails(Main.CANNOT_RUN, "migrate", "--source", lake.toUri().toString(), "--target",
                "oci://bad@" + oci.namespace() + "/", "--oci-config", config.toString(), "--oci-endpoint",
                oci.emulator().endpoint());
        assertTrue(err.contains("OCI rejected the credentials of profile [DEFAULT] of " + config), err);
    }

    @Test
    void unknownNamespaceIsNamed() throws Exception {
        String err = fails(Main.CANNOT_RUN, withOci("migrate", "--source", lake().toUri().toString(), "--target",
                "oci://bad@no-such-namespace/"));
        assertTrue(err.contains("namespace 'no-such-namespace'"), err);
    }

    @Test
    void noPermissionToWriteStopsTheRunBeforeAnyCopy() throws Exception {
        String err = fails(Main.CANNOT_RUN, withOci("migrate", "--source", lake().toUri().toString(), "--target",
                "oci://read-only@" + oci.namespace() + "/"));
        assertTrue(err.contains("cannot write the migration log to oci://read-only@"), err);
        assertTrue(err.contains("fix the permissions or choose another --log"), err);
    }

    @Test
    void aTargetOrLogInsideTheSourceIsRefused() throws Exception {
        String err = fails(Main.CANNOT_RUN, withOci("migrate", "--source", "oci://bad@" + oci.namespace() + "/data",
                "--target", "oci://bad@" + oci.namespace() + "/data/copy/"));
        assertTrue(err.contains("overlap: each run would copy its own output"), err);
        Path lake = lake();
        err = fails(Main.CANNOT_RUN, withOci("migrate", "--source", lake.toUri().toString(), "--target",
                "oci://bad@" + oci.namespace() + "/x/", "--log", lake.resolve("_logs").toUri().toString()));
        assertTrue(err.contains("is inside --source"), err);
    }

    @Test
    void plainHttpToAnotherMachineIsRefusedUnlessAllowed() throws Exception {
        String err = fails(Main.USAGE, "migrate", "--source", lake().toUri().toString(), "--target",
                "oci://bad@ns/", "--oci-endpoint", "http://objectstorage.example.com");
        assertTrue(err.contains("plain http to another machine"), err);
        assertTrue(err.contains("use https, or --allow-http"), err);
    }

    @Test
    void moveRefusesToDeleteASourceWhoseTargetCannotBeVerified() throws Exception {
        Path lake = dir.resolve("move-lake");
        Path big = Lakes.write(lake, "big.bin", 2 << 20, 3);
        String target = "oci://bad@" + oci.namespace() + "/move/";
        jobs.main(withOci("migrate", "--source", lake.toUri().toString(), "--target", target,
                "--multipart-threshold", "1MiB", "--part-size", "1MiB", "--log", dir.resolve("log-1").toUri().toString()));
        JobRuns.Outcome move = jobs.main(withOci("migrate", "--source", lake.toUri().toString(), "--target", target,
                "--mode", "move", "--run-id", "mv", "--log", dir.resolve("log-2").toUri().toString()));
        assertEquals(Main.FILES_FAILED, move.code(), move.err());
        assertTrue(Files.exists(big), "the source is kept");
        String line = Files.readString(dir.resolve("log-2/run_id=mv/part-00000.jsonl"));
        assertTrue(line.contains("cannot verify move/big.bin before deleting the source"), line);
        JobRuns.Outcome status = jobs.exec("status", "--run-id", "mv", "--log", dir.resolve("log-2").toUri().toString());
        assertEquals(Main.FILES_FAILED, status.code(), status.err());
        assertTrue(status.out().contains("big.bin: move: cannot verify"), status.out());
    }

    private static String[] withOci(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(oci.ociArgs());
        return all.toArray(String[]::new);
    }
}
