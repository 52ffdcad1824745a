package io.lakeshift.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lakeshift.config.ConfigException;
import io.lakeshift.config.ConfigLoader;
import io.lakeshift.config.MigrationConfig;
import io.lakeshift.source.Source;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The source opened while Spark starts is the one the run uses, and only when Spark kept the same settings. */
class SourceOpeningTest {
    @TempDir
    Path lake;

    private MigrationConfig config(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("--source", lake.toUri().toString(), "--target",
                "oci://b@ns/"));
        args.addAll(List.of(more));
        return ConfigLoader.load(args);
    }

    @Test
    void theRunTakesTheSourceOpenedAheadWhenSparkKeptItsSettings() throws Exception {
        MigrationConfig config = config();
        SourceOpening opening = SourceOpening.start(config, Map.of("fs.example", "1"));
        Source ahead = opening.take(config, Map.of("fs.example", "1"));
        assertEquals(lake.toUri().toString(), ahead.root());
        assertSame(ahead, opening.take(config, Map.of("fs.example", "1")), "opened once, not again");
        Source other = opening.take(config, Map.of("fs.example", "2"));
        assertNotSame(ahead, other, "other settings: opened again, with them");
        assertEquals(ahead.root(), other.root());
    }

    @Test
    void whatOpeningThrewIsThrownWhereTheRunTakesTheSource() {
        // An S3 source whose key names an environment variable that is not set: Sources.open refuses it.
        MigrationConfig config = ConfigLoader.load(List.of("--source", "s3a://lake/data", "--target", "oci://b@ns/",
                "--s3-access-key", "env:LAKESHIFT_TEST_UNSET_KEY", "--s3-secret-key", "env:LAKESHIFT_TEST_UNSET_KEY"));
        SourceOpening opening = SourceOpening.start(config, Map.of());
        ConfigException ahead = assertThrows(ConfigException.class, () -> opening.take(config, Map.of()));
        ConfigException direct = assertThrows(ConfigException.class,
                () -> SourceOpening.NONE.take(config, Map.of()));
        assertEquals(direct.getMessage(), ahead.getMessage());
    }
}
