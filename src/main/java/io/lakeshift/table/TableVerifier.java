package io.lakeshift.table;

import java.util.Map;

/**
 * Opens a copied table at its target with the table format's own library (through Spark: implemented in {@code job},
 * one per format) and compares it with the source's copied version. Delta's is {@code job.DeltaVerifier};
 * Iceberg's is {@code job.IcebergVerifier} ({@code job.TableVerifiers} picks by {@link Table#format()}).
 */
public interface TableVerifier {
    /** For runs without Spark (unit tests of the flow): every table is reported as not verified. */
    TableVerifier NONE = (copy, hadoop) -> TableCheck.notVerified(copy, "no table reader in this run");

    /**
     * Never throws for what it finds: a difference is a {@link TableCheck.Outcome#MISMATCH}, a target it cannot open
     * for want of a file system (oci:// without Oracle's connector) is {@link TableCheck.Outcome#NOT_VERIFIED}.
     *
     * @param copy the table, its version, and where it was copied from and to
     * @param hadoop the Hadoop settings that reach the source and the target
     */
    TableCheck verify(TableCopy copy, Map<String, String> hadoop);
}
