package io.lakeshift.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.oracle.bmc.auth.ResourcePrincipalAuthenticationDetailsProvider;
import com.oracle.bmc.model.BmcException;
import com.oracle.bmc.objectstorage.ObjectStorage;
import com.oracle.bmc.objectstorage.requests.GetNamespaceRequest;
import io.lakeshift.config.OciAuth;
import io.lakeshift.config.OciSettings;
import io.lakeshift.emulator.OciEmulator;
import io.lakeshift.emulator.auth.ResourcePrincipalSession;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Data Flow run outlives its session token: Data Flow writes a new RPST and key into the same files, and the SDK's
 * resource principal provider re-reads them after a 401 and tries once more (oci-java-sdk-common 3.77.2:
 * {@code ClientCall.callAsyncTokenRefresh} wraps every call of a {@code RefreshableOnNotAuthenticatedProvider} in a
 * {@code TokenRefreshRetrier}, whose 401 condition calls {@code refresh()}; {@code
 * FileBasedResourcePrincipalFederationClient} then re-reads the token file and {@code FileBasedKeySupplier} the
 * key). lakeshift turns the SDK's own retries off (it retries by itself and never retries a 401), so this checks
 * that the clients it builds keep that token refresh, and that a still-bad token ends in the 401.
 */
class ResourcePrincipalRenewalTest {
    @TempDir
    Path dir;

    @Test
    void aRenewedTokenIsPickedUpAfterA401() throws Exception {
        Path rpDir = dir.resolve("rp");
        AtomicInteger requests = new AtomicInteger();
        OciEmulator[] self = new OciEmulator[1];
        try (OciEmulator emu = OciEmulator.builder().faultPolicy(r -> {
            if (requests.incrementAndGet() == 1) {
                // the first request carries the expired token; renew the files before it is answered
                self[0].mintResourcePrincipal(rpDir, Duration.ofHours(1));
            }
            return false;
        }).start()) {
            self[0] = emu;
            ResourcePrincipalSession expired = emu.mintResourcePrincipal(rpDir, Duration.ofMinutes(-1));
            try (ObjectStorage client = client(emu, expired)) {
                assertEquals(emu.namespace(), client.getNamespace(GetNamespaceRequest.builder().build()).getValue());
            }
            assertEquals(2, requests.get(), "refused once, then signed with the renewed token");
        }
    }

    @Test
    void aTokenThatStaysExpiredEndsIn401AfterOneRefresh() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        try (OciEmulator emu = OciEmulator.builder().faultPolicy(r -> {
            requests.incrementAndGet();
            return false;
        }).start()) {
            ResourcePrincipalSession expired = emu.mintResourcePrincipal(dir.resolve("rp"), Duration.ofMinutes(-1));
            try (ObjectStorage client = client(emu, expired)) {
                BmcException e = assertThrows(BmcException.class,
                        () -> client.getNamespace(GetNamespaceRequest.builder().build()));
                assertEquals(401, e.getStatusCode());
            }
            assertEquals(2, requests.get(), "one refresh, no retry loop");
        }
    }

    /** The Object Storage client lakeshift builds, with the SDK's provider on the emulator's RP files. */
    private static ObjectStorage client(OciEmulator emu, ResourcePrincipalSession rp) {
        Map<String, String> env = rp.environment();
        // What ResourcePrincipalAuthenticationDetailsProviderBuilder.build() calls for version 2.2 with these
        // environment variables; the environment itself is exercised in a child JVM by ResourcePrincipalIT.
        ResourcePrincipalAuthenticationDetailsProvider provider =
                ResourcePrincipalAuthenticationDetailsProvider.ResourcePrincipalAuthenticationDetailsProviderBuilder
                        .build_2_2(env.get("OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM"), null,
                                env.get("OCI_RESOURCE_PRINCIPAL_RPST"), env.get("OCI_RESOURCE_PRINCIPAL_REGION"),
                                "environment variable");
        OciSettings settings = new OciSettings(OciAuth.RESOURCE_PRINCIPAL, null, null, emu.endpoint(), null);
        return OciClients.create(settings, OciClients.signIn(settings, provider));
    }
}
