package io.lakeshift.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The same arguments on a laptop and in Data Flow: where the run is decides how it signs in. */
class OciAuthDetectorTest {
    private static final Map<String, String> LAPTOP = Map.of("HOME", "/home/me");
    private static final Map<String, String> RESOURCE_PRINCIPAL = Map.of(
            OciAuthDetector.RESOURCE_PRINCIPAL_VERSION, "2.2",
            "OCI_RESOURCE_PRINCIPAL_RPST", "/opt/rp/rpst.token",
            "OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM", "/opt/rp/rpst.pem",
            "OCI_RESOURCE_PRINCIPAL_REGION", "eu-frankfurt-1");

    @Test
    void autoIsTheConfigFileOnALaptop() {
        assertEquals(new OciAuthDetector.Detected(OciAuth.CONFIG, null),
                OciAuthDetector.resolve(OciAuth.AUTO, LAPTOP, new Properties()));
    }

    @Test
    void autoIsTheResourcePrincipalWhereItsEnvironmentIsSetEvenBesideADelegationToken() {
        assertEquals(new OciAuthDetector.Detected(OciAuth.RESOURCE_PRINCIPAL, null),
                OciAuthDetector.resolve(OciAuth.AUTO, RESOURCE_PRINCIPAL, tokenAt("/opt/df/token")));
    }

    @Test
    void autoIsTheDelegationTokenWhereDataFlowNamesOne() {
        assertEquals(new OciAuthDetector.Detected(OciAuth.DELEGATION_TOKEN, "/opt/df/token"),
                OciAuthDetector.resolve(OciAuth.AUTO, LAPTOP, tokenAt("/opt/df/token")));
    }

    @Test
    void anExplicitModeIsKeptWhereverTheRunIs() {
        assertEquals(OciAuth.CONFIG,
                OciAuthDetector.resolve(OciAuth.CONFIG, RESOURCE_PRINCIPAL, tokenAt("/t")).auth());
        assertEquals(OciAuth.RESOURCE_PRINCIPAL,
                OciAuthDetector.resolve(OciAuth.RESOURCE_PRINCIPAL, LAPTOP, new Properties()).auth());
    }

    @Test
    void anExplicitDelegationTokenWithoutOneNamesTheSparkSetting() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> OciAuthDetector.resolve(OciAuth.DELEGATION_TOKEN, LAPTOP, new Properties()));
        assertTrue(e.getMessage().contains(OciAuthDetector.DELEGATION_TOKEN_PATH), e.getMessage());
        assertTrue(e.getMessage().contains("--oci-auth"), e.getMessage());
    }

    @Test
    void theDefaultIsAutoAndTheLoaderResolvesIt() {
        assertEquals("auto", Option.OCI_AUTH.defaultValue());
        MigrationConfig c = ConfigLoader.load(List.of("--source", "file:///l", "--target", "oci://b@ns/",
                "--oci-auth", "AUTO"));
        OciAuth expected = System.getenv(OciAuthDetector.RESOURCE_PRINCIPAL_VERSION) != null
                ? OciAuth.RESOURCE_PRINCIPAL : OciAuth.CONFIG;
        assertEquals(expected, c.oci().auth(), "executors never get AUTO");
    }

    private static Properties tokenAt(String path) {
        Properties p = new Properties();
        p.setProperty(OciAuthDetector.DELEGATION_TOKEN_PATH, path);
        return p;
    }
}
