package io.lakeshift.source;

import io.lakeshift.testing.Lakes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The source contract on the local file system, through Hadoop's file:// file system. */
class LocalSourceContractIT extends SourceContract {
    @TempDir
    static Path dir;

    @Override
    String newRoot(String name) throws Exception {
        return Files.createDirectories(dir.resolve(name)).toUri().toString();
    }

    @Override
    void put(String root, String relative, byte[] bytes) throws Exception {
        Lakes.write(Path.of(java.net.URI.create(root)), relative, bytes);
    }

    @Override
    void putDirectory(String root, String relative) throws Exception {
        Files.createDirectories(Path.of(java.net.URI.create(root)).resolve(relative));
    }

    @Override
    Source source(String root, int pageSize) {
        return new HadoopSource(root, Map.of());
    }

    @Override
    boolean listsEtags() {
        return false;
    }
}
