package io.lakeshift.target;

import io.lakeshift.target.HadoopTarget;
import io.lakeshift.target.ObjectSink;
import io.lakeshift.io.Retry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lakeshift.model.HadoopLocation;
import io.lakeshift.testing.S3Fixture;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The sink contract on a real S3 server (s3proxy) through S3A: aborts, ETag-as-MD5 check, conditional delete. */
class HadoopSinkS3IT extends HadoopSinkContract {
    @RegisterExtension
    static final S3Fixture s3 = S3Fixture.perClass("sink");

    @Override
    ObjectSink open() throws Exception {
        return HadoopTarget.of(new HadoopLocation("s3a://sink/"), s3.s3aProperties(), SETTINGS).openSink(SETTINGS,
                Retry.attempts(1));
    }

    @Test
    void s3aWritesBufferInMemoryNeverOnLocalDiskUnlessTheUserSaysSo() throws Exception {
        HadoopTarget ours = HadoopTarget.of(new HadoopLocation("s3a://sink/"), s3.s3aProperties(), SETTINGS);
        assertEquals("bytebuffer", ours.fileSystem().getConf().get("fs.s3a.fast.upload.buffer"), "small files");
        assertEquals("array", ours.largeFileSystem().getConf().get("fs.s3a.fast.upload.buffer"), "multipart files");
        assertEquals("keep", ours.fileSystem().getConf().get("fs.s3a.directory.marker.retention"));
        assertEquals(5L << 20, ours.fileSystem().getConf().getLongBytes("fs.s3a.multipart.size", 0),
                "S3's smallest part, as --part-size 1MiB is below it");
        assertEquals(1000 + (5L << 20), ours.openSink(SETTINGS, Retry.attempts(1)).memoryFor(1000),
                "a small file in flight holds a whole S3A block");

        Map<String, String> disk = new java.util.HashMap<>(s3.s3aProperties());
        disk.put("fs.s3a.fast.upload.buffer", "disk");
        HadoopTarget theirs = HadoopTarget.of(new HadoopLocation("s3a://sink/"), disk, SETTINGS);
        assertEquals("disk", theirs.fileSystem().getConf().get("fs.s3a.fast.upload.buffer"), "the user's choice");
        assertEquals("disk", theirs.largeFileSystem().getConf().get("fs.s3a.fast.upload.buffer"));
    }

    @Override
    byte[] stored(String name) throws Exception {
        try (var in = s3.client().getObject("sink", name).getObjectContent()) {
            return in.readAllBytes();
        }
    }
}
