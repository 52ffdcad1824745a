package io.lakeshift.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.log.MigrationRecord;
import io.lakeshift.log.Status;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Nothing lost: the source, the log and the bucket agree file by file. */
public final class Reconciliation {
    private Reconciliation() {}

    /**
     * @param files source files by path below the source root
     * @param prefix the target prefix
     * @param log the run's records by source name
     */
    public static void assertAgree(Map<String, Path> files, EmulatorFixture oci, String bucket, String prefix,
            Map<String, MigrationRecord> log) throws IOException {
        assertEquals(files.keySet(), log.keySet(), "one record per source file");
        TreeSet<String> expectedObjects = new TreeSet<>();
        for (Map.Entry<String, Path> f : files.entrySet()) {
            MigrationRecord r = log.get(f.getKey());
            if (r.status().targetVerified()) {
                expectedObjects.add(prefix + f.getKey());
                assertEquals(Lakes.sha256(f.getValue()), Lakes.sha256(oci.get(bucket, prefix + f.getKey())),
                        "logged " + r.status().label() + " but the object differs: " + f.getKey());
            } else {
                assertEquals(Status.FAILED, r.status(), f.getKey());
                assertNotNull(r.error(), "a failed file says why: " + f.getKey());
            }
        }
        List<String> objects = oci.list(bucket, prefix).stream().filter(o -> !o.startsWith("_lakeshift/")).toList();
        assertEquals(expectedObjects, new TreeSet<>(objects), "objects in the bucket are exactly the copied files");
        assertTrue(oci.openUploads(bucket).isEmpty(), "no multipart upload left open");
    }
}
