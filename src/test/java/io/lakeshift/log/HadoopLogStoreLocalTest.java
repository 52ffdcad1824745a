package io.lakeshift.log;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The log store contract on the local file system through Hadoop. */
class HadoopLogStoreLocalTest extends LogStoreContract {
    @TempDir
    Path dir;

    @Override
    LogStore store(String folder) {
        return new HadoopLogStore(dir.resolve("logs").resolve(folder).toUri().toString(), Map.of());
    }
}
