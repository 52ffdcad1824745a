package io.lakeshift.target;

import io.lakeshift.model.HadoopLocation;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The target contract on a folder of the local file system through Hadoop. */
class HadoopTargetLocalTest extends HadoopTargetContract {
    @TempDir
    Path dir;

    @Override
    Target target(String folder) {
        return new HadoopTarget(new HadoopLocation(dir.resolve("copies").resolve(folder).toUri().toString()),
                Map.of());
    }

    /** A local file system has no buckets. */
    @Override
    Target inMissingBucket() {
        return null;
    }

    @Override
    void putRaw(Target target, String relative, byte[] body) throws Exception {
        Path file = Path.of(URI.create(((HadoopLocation) target.location()).root())).resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, body);
    }
}
