package io.lakeshift.config;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the plan estimates and what a run does about archived source files.
 *
 * @param restore ask the source to restore archived files (--restore)
 * @param restoreDays days an S3 restored copy is kept (--restore-days)
 * @param probeFiles source files a dry run reads to measure the source (--probe); 0 = none
 * @param storagePrices price per GB-month of each OCI storage tier, by tier name (--storage-price)
 * @param requestPrice price of 10,000 OCI requests (--request-price)
 * @param egressPrice price per GB the source charges to send its bytes out (--egress-price); null = not priced
 * @param targetTier the tier the objects land in
 * @param planning where the run lists and plans (--planning)
 */
public record PlanSettings(boolean restore, int restoreDays, int probeFiles,
        Map<String, BigDecimal> storagePrices, BigDecimal requestPrice, BigDecimal egressPrice, String targetTier,
        Planning planning) implements Serializable {
    /** OCI's storage tiers, as its API names them. */
    public static final List<String> TIERS = List.of("Standard", "InfrequentAccess", "Archive");
    /**
     * The tier objects land in until the target's --storage-tier option exists (a parallel change adds it); then
     * the loader passes its value here.
     */
    public static final String DEFAULT_TIER = "Standard";

    public PlanSettings {
        storagePrices = Collections.unmodifiableMap(new LinkedHashMap<>(storagePrices));
        if (!storagePrices.containsKey(targetTier)) {
            throw new IllegalArgumentException("no storage price for tier " + targetTier);
        }
    }

    /** Every setting at its default (the schema's). */
    public static PlanSettings defaults() {
        return ConfigLoader.defaultPlan();
    }

    /** {@code Standard=0.0255,InfrequentAccess=0.01,Archive=0.0026}: every tier once, in any case and order. */
    static Map<String, BigDecimal> parseStoragePrices(String text) {
        Map<String, BigDecimal> prices = new LinkedHashMap<>();
        for (String entry : text.split(",")) {
            String e = entry.trim();
            int eq = e.indexOf('=');
            String tier = eq < 0 ? e : e.substring(0, eq).trim();
            String known = TIERS.stream().filter(t -> t.equalsIgnoreCase(tier)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("'" + e + "' does not start with a tier ("
                            + String.join(", ", TIERS) + ") and '='"));
            if (eq < 0 || prices.put(known, parsePrice(e.substring(eq + 1))) != null) {
                throw new IllegalArgumentException(eq < 0 ? "'" + e + "' has no '=PRICE'" : known + " is given twice");
            }
        }
        Map<String, BigDecimal> ordered = new LinkedHashMap<>();
        for (String t : TIERS) {
            if (!prices.containsKey(t)) {
                throw new IllegalArgumentException("no price for " + t);
            }
            ordered.put(t, prices.get(t));
        }
        return ordered;
    }

    /** A price: a plain decimal number, 0 or more. */
    static BigDecimal parsePrice(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            BigDecimal p = new BigDecimal(t);
            if (p.signum() < 0) {
                throw new IllegalArgumentException("'" + t + "' is negative");
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text.trim() + "' is not a decimal number");
        }
    }
}
