package io.lakeshift.emulator.s3;

import com.sun.net.httpserver.HttpHandler;
import io.lakeshift.emulator.FaultPolicy;
import io.lakeshift.emulator.iam.Authorizer;
import io.lakeshift.emulator.storage.Storage;

import java.time.Clock;
import java.util.Map;

/**
 * OCI's Amazon S3 Compatibility API over the emulator's store: path-style requests ({@code /bucket/key}) signed
 * with SigV4 and a customer secret key. It is served on a port of its own, as OCI serves it on a host of its own
 * ({@code NAMESPACE.compat.objectstorage.REGION.oraclecloud.com}). See docs/emulator.md, "Amazon S3 Compatibility API".
 */
public final class S3Api {
    private S3Api() {
    }

    /**
     * What the API needs besides the store.
     *
     * @param authorizer checks each request as its native operation; null allows everything
     */
    public record Settings(String namespace, String tenancy, String user, String region, S3Credentials credentials,
                           FaultPolicy faults, Authorizer authorizer, Clock clock) {
    }

    /** The handler to mount at "/" of the S3 listener. */
    public static HttpHandler handler(Storage storage, Settings settings) {
        SigV4 signer = new SigV4(Map.of(settings.credentials().accessKey(), settings.credentials().secretKey()),
                settings.region(), settings.clock());
        return new S3Handler(storage, settings, signer);
    }
}
