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
    void theDefaultIsAutoAndTheLoaderResolvesItFromTheEnvironmentItIsGiven() {
        assertEquals("auto", Option.OCI_AUTH.defaultValue());
        List<String> args = List.of("--source", "file:///l", "--target", "oci://b@ns/", "--oci-auth", "AUTO");
        assertEquals(OciAuth.CONFIG, ConfigLoader.load(args, OciAuthDetector.Where.env(LAPTOP)).oci().auth(),
                "executors never get AUTO");
        assertEquals(OciAuth.RESOURCE_PRINCIPAL,
                ConfigLoader.load(args, OciAuthDetector.Where.env(RESOURCE_PRINCIPAL)).oci().auth());
        MigrationConfig dt = ConfigLoader.load(args, OciAuthDetector.Where.env(DATA_FLOW_DELEGATION));
        assertEquals(OciAuth.DELEGATION_TOKEN, dt.oci().auth());
        assertEquals("/opt/df/env-token", dt.oci().delegationTokenFile());
    }

    // What a Data Flow run's environment holds: oracle/oracle-dataflow-samples (commit dc438cf),
    // scala/manufacturing/src/main/scala/com/oracle/dataflow/utils/Constants.scala and CommonUtils.scala.
    private static final Map<String, String> DATA_FLOW_DELEGATION = Map.of("HOME", "/home/dataflow",
            OciAuthDetector.DATAFLOW_AUTH, "instance_delegation",
            OciAuthDetector.DELEGATION_TOKEN_PATH_ENV, "/opt/df/env-token");

    @Test
    void theDelegationTokenFileIsAlsoReadFromTheEnvironmentDataFlowSets() {
        Map<String, String> env = Map.of("HOME", "/home/dataflow",
                OciAuthDetector.DELEGATION_TOKEN_PATH_ENV, "/opt/df/env-token");
        assertEquals(new OciAuthDetector.Detected(OciAuth.DELEGATION_TOKEN, "/opt/df/env-token"),
                OciAuthDetector.resolve(OciAuth.AUTO, env, new Properties()));
        assertEquals(new OciAuthDetector.Detected(OciAuth.DELEGATION_TOKEN, "/opt/df/env-token"),
                OciAuthDetector.resolve(OciAuth.DELEGATION_TOKEN, env, new Properties()));
    }

    @Test
    void theDelegationTokenFileIsReadFromTheRunningSparkSessionFirstThenSystemPropertiesThenTheEnvironment() {
        Map<String, String> env = Map.of(OciAuthDetector.DELEGATION_TOKEN_PATH_ENV, "/from/env");
        Map<String, String> conf = Map.of(OciAuthDetector.DELEGATION_TOKEN_PATH, "/from/conf");
        assertEquals("/from/conf", OciAuthDetector.resolve(OciAuth.AUTO,
                new OciAuthDetector.Where(env, conf, tokenAt("/from/property"))).delegationTokenFile());
        assertEquals("/from/conf", OciAuthDetector.resolve(OciAuth.AUTO,
                new OciAuthDetector.Where(LAPTOP, conf, new Properties())).delegationTokenFile());
        assertEquals("/from/property", OciAuthDetector.resolve(OciAuth.AUTO,
                new OciAuthDetector.Where(env, Map.of(), tokenAt("/from/property"))).delegationTokenFile());
        assertEquals("/from/env", OciAuthDetector.resolve(OciAuth.AUTO,
                new OciAuthDetector.Where(env, Map.of(OciAuthDetector.DELEGATION_TOKEN_PATH, " "),
                        new Properties())).delegationTokenFile());
    }

    @Test
    void dataFlowsOwnWordOnSignInWins() {
        Map<String, String> rpRun = new java.util.HashMap<>(RESOURCE_PRINCIPAL);
        rpRun.remove(OciAuthDetector.RESOURCE_PRINCIPAL_VERSION);
        rpRun.put(OciAuthDetector.DATAFLOW_AUTH, "resource_principal");
        rpRun.put(OciAuthDetector.DELEGATION_TOKEN_PATH_ENV, "/opt/df/token");
        assertEquals(new OciAuthDetector.Detected(OciAuth.RESOURCE_PRINCIPAL, null),
                OciAuthDetector.resolve(OciAuth.AUTO, OciAuthDetector.Where.env(rpRun)));

        Map<String, String> delegated = new java.util.HashMap<>(RESOURCE_PRINCIPAL);
        delegated.putAll(DATA_FLOW_DELEGATION);
        assertEquals(new OciAuthDetector.Detected(OciAuth.DELEGATION_TOKEN, "/opt/df/env-token"),
                OciAuthDetector.resolve(OciAuth.AUTO, OciAuthDetector.Where.env(delegated)));

        ConfigException e = assertThrows(ConfigException.class, () -> OciAuthDetector.resolve(OciAuth.AUTO,
                OciAuthDetector.Where.env(Map.of(OciAuthDetector.DATAFLOW_AUTH, "instance_delegation"))));
        assertTrue(e.getMessage().contains(OciAuthDetector.DELEGATION_TOKEN_PATH_ENV), e.getMessage());
    }

    private static Properties tokenAt(String path) {
        Properties p = new Properties();
        p.setProperty(OciAuthDetector.DELEGATION_TOKEN_PATH, path);
        return p;
    }
}
