package io.lakeshift.oci;

import com.oracle.bmc.http.ClientConfigurator;
import com.oracle.bmc.http.client.HttpClientBuilder;
import com.oracle.bmc.http.client.HttpRequest;
import com.oracle.bmc.http.client.RequestInterceptor;
import com.oracle.bmc.http.client.internal.DelegationTokenClientFilterProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Adds an OCI Data Flow run's delegation token ({@code opc-obo-token}) to every request, read from the file Data
 * Flow names, again whenever the file changes (Data Flow renews it during long runs), through the SDK's own filter
 * so the header is set before the request is signed.
 */
final class DelegationToken implements ClientConfigurator {
    private final Path file;
    private String token;
    private RequestInterceptor filter;

    DelegationToken(Path file) {
        this.file = file;
    }

    @Override
    public void customizeClient(HttpClientBuilder builder) {
        current(); // a missing or unreadable file fails when the client is built, naming the file
        builder.registerRequestInterceptor(DelegationTokenClientFilterProvider.getDefault().getPriority(),
                new RequestInterceptor() {
                    @Override
                    public void intercept(HttpRequest request) {
                        current().intercept(request);
                    }
                });
    }

    /** The SDK's filter for the token now in the file. */
    synchronized RequestInterceptor current() {
        String now;
        try {
            now = Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Data Flow delegation token " + file
                    + " (named by spark.hadoop.fs.oci.client.auth.delegationTokenPath or"
                    + " SPARK_HADOOP_FS_DELEGATION_TOKEN_PATH): " + e.getMessage(), e);
        }
        if (!now.equals(token)) {
            token = now;
            filter = DelegationTokenClientFilterProvider.getDefault().newDelegationTokenClientFilter(now);
        }
        return filter;
    }
}
