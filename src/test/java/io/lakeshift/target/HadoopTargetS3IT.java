package io.lakeshift.target;

import io.lakeshift.model.HadoopLocation;
import io.lakeshift.testing.S3Fixture;
import io.lakeshift.testing.S3ProxyServer;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The target contract on an s3a:// folder of a real S3 server (s3proxy), with lakeshift's S3A write settings. */
class HadoopTargetS3IT extends HadoopTargetContract {
    private static final String BUCKET = "targets";
    @RegisterExtension
    static final S3Fixture s3 = S3Fixture.perClass(BUCKET);

    @Override
    Target target(String folder) {
        return HadoopTarget.of(new HadoopLocation("s3a://" + BUCKET + "/" + folder + "/"), s3.s3aProperties(),
                ObjectSinkContract.SETTINGS);
    }

    @Override
    Target inMissingBucket() {
        return HadoopTarget.of(new HadoopLocation("s3a://no-such-bucket/x/"), s3.s3aProperties(),
                ObjectSinkContract.SETTINGS);
    }

    @Override
    void putRaw(Target target, String relative, byte[] body) {
        String root = ((HadoopLocation) target.location()).root();
        s3.put(BUCKET, root.substring(("s3a://" + BUCKET + "/").length()) + relative, body);
    }

    @Override
    List<String> secrets() {
        return List.of(S3ProxyServer.SECRET_KEY);
    }
}
