package io.lakeshift.job;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.config.ConfigException;
import org.junit.jupiter.api.Test;

/** Which masters need lakeshift's jar shipped; the cluster case itself is StandaloneClusterIT's. */
class OwnJarTest {
    @Test
    void onlyMastersWithExecutorsOfTheirOwnNeedTheJar() {
        assertFalse(OwnJar.remote("local"));
        assertFalse(OwnJar.remote("local[*]"));
        assertFalse(OwnJar.remote("LOCAL[2]"));
        assertTrue(OwnJar.remote("spark://127.0.0.1:7077"));
        assertTrue(OwnJar.remote("yarn"));
        assertTrue(OwnJar.remote("k8s://https://host:6443"));
    }

    @Test
    void classesInAFolderCannotBeShippedAndTheErrorSaysWhatToRun() {
        // The unit tests run lakeshift from target/classes, a folder, as bin/lakeshift does.
        ConfigException e = assertThrows(ConfigException.class, () -> OwnJar.forExecutors("spark://h:7077"));
        assertTrue(e.getMessage().startsWith("--master spark://h:7077: the executors need lakeshift's classes"),
                e.getMessage());
        assertTrue(e.getMessage().contains("lakeshift-<version>-spark.jar"), e.getMessage());
    }
}
