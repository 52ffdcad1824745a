package io.lakeshift.target;

import io.lakeshift.target.CommitCheck;
import io.lakeshift.target.HadoopTarget;
import io.lakeshift.target.ObjectSink;
import io.lakeshift.io.Retry;
import io.lakeshift.target.UploadResult;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.model.HadoopLocation;
import io.lakeshift.model.TargetObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sink contract on the local file system through Hadoop, and the target's listing. */
class HadoopSinkLocalTest extends HadoopSinkContract {
    @TempDir
    Path dir;

    private HadoopTarget target() {
        return new HadoopTarget(new HadoopLocation(dir.toUri().toString()), Map.of());
    }

    @Override
    ObjectSink open() throws Exception {
        return target().openSink(SETTINGS, Retry.attempts(1));
    }

    @Override
    byte[] stored(String name) throws Exception {
        return Files.readAllBytes(dir.resolve(name));
    }

    @Test
    void theListingNamesFilesRelativeToTheFolderWithTheSinksVersions() throws Exception {
        String odd = "year=2024/with space/données #1%.bin";
        UploadResult r = sink.upload(odd, new java.io.ByteArrayInputStream(bytes(10, 1)), 10, Map.of(),
                CommitCheck.NONE);
        Files.createDirectories(dir.resolve("empty-folder"));
        Map<String, TargetObject> objects = target().objects();
        assertTrue(objects.containsKey(odd), objects.toString());
        assertEquals(r.etag(), objects.get(odd).etag(), "listing and upload agree on the version");
        assertEquals(10, objects.get(odd).size());
        assertTrue(objects.keySet().stream().noneMatch(n -> n.startsWith("empty-folder")), "folders are no objects");
    }

    @Test
    void aFolderNotMadeYetIsAnEmptyTarget() throws Exception {
        HadoopTarget missing = new HadoopTarget(new HadoopLocation(dir.resolve("not/yet").toUri().toString()),
                Map.of());
        assertTrue(missing.objects().isEmpty());
    }

    /** The local file system writes the final path as it goes; a failed write removes it. */
    @Override
    boolean writesInPlace() {
        return true;
    }
}
