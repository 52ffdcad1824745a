package io.lakeshift.log;

import io.lakeshift.testing.S3Fixture;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The log store contract on an S3 server (s3proxy) through S3A: a log beside an s3a:// target. */
class HadoopLogStoreS3IT extends LogStoreContract {
    @RegisterExtension
    static final S3Fixture s3 = S3Fixture.perClass("logs");

    @Override
    LogStore store(String folder) {
        return new HadoopLogStore("s3a://logs/_lakeshift/" + folder, s3.s3aProperties());
    }
}
