package io.lakeshift.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan's settings: prices, the probe, restores; a bad value is one line naming its option. */
class PlanSettingsTest {
    private static PlanSettings load(String... more) {
        List<String> args = new ArrayList<>(List.of("--source", "s3a://b/", "--target", "oci://b@n/"));
        args.addAll(List.of(more));
        return ConfigLoader.load(args).plan();
    }

    private static String refused(String... more) {
        ConfigException e = assertThrows(ConfigException.class, () -> load(more));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        return e.getMessage();
    }

    @Test
    void defaultsAreTheListPricesAndNoRestore() {
        PlanSettings p = load();
        assertEquals(List.of("Standard", "InfrequentAccess", "Archive"), List.copyOf(p.storagePrices().keySet()));
        assertEquals(new BigDecimal("0.0255"), p.storagePrices().get("Standard"));
        assertEquals(new BigDecimal("0.0034"), p.requestPrice());
        assertEquals(null, p.egressPrice());
        assertFalse(p.restore());
        assertEquals(7, p.restoreDays());
        assertEquals(3, p.probeFiles());
        assertEquals("Standard", p.targetTier());
    }

    @Test
    void pricesInAnyOrderAndCase() {
        PlanSettings p = load("--storage-price", "archive=0.002, standard=0.03,INFREQUENTACCESS=0.012",
                "--egress-price", "0.087", "--restore", "--restore-days", "2", "--probe", "0");
        assertEquals(new BigDecimal("0.03"), p.storagePrices().get("Standard"));
        assertEquals(new BigDecimal("0.012"), p.storagePrices().get("InfrequentAccess"));
        assertEquals(new BigDecimal("0.087"), p.egressPrice());
        assertTrue(p.restore());
        assertEquals(2, p.restoreDays());
        assertEquals(0, p.probeFiles());
    }

    @Test
    void badValuesNameTheirOption() {
        assertTrue(refused("--storage-price", "Standard=0.02").startsWith("--storage-price: no price for"
                + " InfrequentAccess; give Standard=P,InfrequentAccess=P,Archive=P"), refused("--storage-price", "x"));
        assertTrue(refused("--storage-price", "Hot=1,Standard=1,InfrequentAccess=1,Archive=1")
                .startsWith("--storage-price: 'Hot=1' does not start with a tier"));
        assertTrue(refused("--storage-price", "Standard=a,InfrequentAccess=1,Archive=1")
                .startsWith("--storage-price: 'a' is not a decimal number"));
        assertTrue(refused("--egress-price", "-1").startsWith("--egress-price: '-1' is negative; give a price per"
                + " GB"));
        assertTrue(refused("--request-price", "free").startsWith("--request-price: 'free' is not a decimal number"));
        assertTrue(refused("--restore-days", "0").startsWith("--restore-days: '0' is too small"));
        assertTrue(refused("--probe", "1000").startsWith("--probe: '1000' is too large"));
    }
}
