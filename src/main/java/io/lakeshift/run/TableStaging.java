package io.lakeshift.run;

import io.lakeshift.log.LogStore;
import io.lakeshift.log.TableSummary;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * The Iceberg tables' rewritten metadata staged below the run's log folder ({@link MigrationRun#STAGING}): deleted
 * once every table has landed (every file of both phases copied, no table found to differ), kept otherwise, for the
 * next run to write again and a person to look at, and the run says where.
 */
final class TableStaging {
    private TableStaging() {}

    /**
     * @param log the run's log folder
     * @param staging the staging folder's URI, for the message
     * @param failed why the tables may not have landed, or null
     */
    static void clean(LogStore log, String staging, String failed, List<TableSummary> tables, PrintStream out)
            throws IOException {
        List<LogStore.Entry> files = log.list(MigrationRun.STAGING);
        if (files.isEmpty()) {
            return;
        }
        String why = failed != null ? failed : tables.stream().anyMatch(t -> TableSummary.MISMATCH.equals(t.check()))
                ? "a table differs at the target" : null;
        if (why != null) {
            out.println("lakeshift: Iceberg metadata rewritten for the target kept at " + staging + " (" + why + ")");
            return;
        }
        for (LogStore.Entry f : files) {
            log.delete(f.name());
        }
        out.println("lakeshift: Iceberg metadata rewritten for the target deleted from " + staging
                + " (the tables landed)");
    }
}
