package io.lakeshift.log;

import io.lakeshift.model.OciLocation;
import io.lakeshift.model.TargetLocation;

/** Where runs keep their logs: the rules shared by {@code migrate} and the read-only {@code status}/{@code report}. */
public final class LogRoots {
    /** Where the log goes when --log is not given: this prefix in the target bucket, or below a Hadoop target. */
    public static final String DEFAULT_PREFIX = "_lakeshift/logs/";

    private LogRoots() {}

    /**
     * The log root, where every run has its folder: {@code log} (--log; null for the default) or
     * {@value #DEFAULT_PREFIX} in the target's store. An {@code oci://} log without a namespace takes the target's.
     *
     * @param target the target, or null when only --log is known
     */
    public static String of(String log, TargetLocation target) {
        if (log == null) {
            return target.inStore(DEFAULT_PREFIX);
        }
        if (log.startsWith("oci://")) {
            OciLocation l = OciLocation.parse(log);
            if (l.namespace() == null && target != null && target.namespace() != null) {
                l = l.withNamespace(target.namespace());
            }
            return l.toString();
        }
        return log.endsWith("/") ? log : log + "/";
    }
}
