package io.lakeshift.run;

import io.lakeshift.config.MigrationConfig;
import io.lakeshift.model.ByteSize;

/** The settings line a person checks at the start of a run; secrets never appear (masked again by the caller). */
final class Settings {
    private Settings() {}

    static String line(MigrationConfig c) {
        return String.format("settings: mode=%s overwrite=%s dry-run=%s oci-auth=%s oci-profile=%s oci-endpoint=%s"
                        + " multipart-threshold=%s part-size=%s parallel-parts=%d parallel-files=%d partitions=%s"
                        + " verify=%s parquet-check=%s max-attempts=%d", c.mode().name().toLowerCase(),
                c.overwrite().name().toLowerCase(), c.dryRun(), c.oci().auth().name().toLowerCase(),
                c.oci().profile(), c.oci().endpoint() == null ? "(region)" : c.oci().endpoint(),
                ByteSize.format(c.transfer().multipartThreshold()), ByteSize.format(c.transfer().partSize()),
                c.transfer().parallelParts(), c.transfer().parallelFiles(),
                c.partitions() == 0 ? "auto" : String.valueOf(c.partitions()),
                c.transfer().verify(), c.transfer().parquetCheck().name().toLowerCase(), c.transfer().maxAttempts())
                + limits(c);
    }

    /** The throttles, budgets and markers, only when set. */
    private static String limits(MigrationConfig c) {
        StringBuilder sb = new StringBuilder();
        if (c.limits().bandwidth() != null) {
            sb.append(" bwlimit=").append(c.limits().bandwidth().toString().replace(' ', ';'));
        }
        if (c.limits().maxTransfer() != null) {
            sb.append(" max-transfer=").append(ByteSize.format(c.limits().maxTransfer()).replace(" ", ""));
        }
        if (c.limits().maxDurationMillis() != null) {
            sb.append(" max-duration=").append(java.time.Duration.ofMillis(c.limits().maxDurationMillis()));
        }
        if (c.keepMarkers()) {
            sb.append(" keep-markers=true");
        }
        return sb.toString();
    }
}
