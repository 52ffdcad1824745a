package io.lakeshift.run;

import io.lakeshift.model.HadoopLocation;
import io.lakeshift.model.OciLocation;
import io.lakeshift.model.TargetLocation;
import java.net.URI;

/** A target or log inside the source would be migrated by the next run: refused before anything starts. */
final class Overlap {
    private Overlap() {}

    static void check(String source, TargetLocation location, String logRoot) {
        if (location instanceof HadoopLocation h && (inside(h.root(), source) || inside(source, h.root()))) {
            throw new JobException("--target " + h + " and --source " + source + " overlap: each run would copy its"
                    + " own output; choose a target outside the source");
        }
        if (location instanceof OciLocation target && source.startsWith("oci://")) {
            OciLocation s = OciLocation.parse(source);
            boolean sameBucket = s.bucket().equals(target.bucket())
                    && (s.namespace() == null || s.namespace().equals(target.namespace()));
            if (sameBucket && (target.prefix().startsWith(s.prefix()) || s.prefix().startsWith(target.prefix()))) {
                throw new JobException("--target " + target + " and --source " + source + " overlap: each run would"
                        + " copy its own output; choose a target outside the source");
            }
        }
        if (inside(logRoot, source)) {
            throw new JobException("--log " + logRoot + " is inside --source " + source + ": the next run would"
                    + " migrate the log itself; put the log elsewhere");
        }
    }

    /** Whether {@code child} lies at or below {@code parent}, for URIs of one scheme and authority. */
    static boolean inside(String child, String parent) {
        URI c = URI.create(child.replace(" ", "%20")).normalize();
        URI p = URI.create(parent.replace(" ", "%20")).normalize();
        if (c.getScheme() == null || p.getScheme() == null || !c.getScheme().equalsIgnoreCase(p.getScheme())
                || !java.util.Objects.equals(c.getAuthority(), p.getAuthority())) {
            return false;
        }
        String cp = c.getPath() == null ? "" : c.getPath();
        String pp = p.getPath() == null ? "" : p.getPath();
        String base = pp.endsWith("/") ? pp : pp + "/";
        return (cp.endsWith("/") ? cp : cp + "/").startsWith(base);
    }
}
