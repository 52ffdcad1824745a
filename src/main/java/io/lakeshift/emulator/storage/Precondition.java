package io.lakeshift.emulator.storage;

import io.lakeshift.emulator.OciException;

/**
 * The If-Match / If-None-Match conditions on a write, checked against the current object under the
 * bucket's lock so that the check and the replacement are one atomic step.
 */
public record Precondition(String ifMatch, String ifNoneMatch) {
    public static final Precondition NONE = new Precondition(null, null);

    public void check(ObjectRecord current) {
        checkEtag(current == null ? null : current.etag());
    }

    /** Checks against the current entity tag, or null when there is no current entity (object or part). */
    public void checkEtag(String current) {
        if (ifMatch != null && (current == null || !etagMatches(ifMatch, current))) {
            throw OciException.ifMatchFailed(ifMatch);
        }
        if (ifNoneMatch != null && current != null
                && ("*".equals(ifNoneMatch.trim()) || etagMatches(ifNoneMatch, current))) {
            throw OciException.ifNoneMatchFailed(ifNoneMatch);
        }
    }

    static boolean etagMatches(String header, String etag) {
        for (String candidate : header.split(",")) {
            String c = candidate.trim();
            if (c.startsWith("\"") && c.endsWith("\"") && c.length() >= 2) {
                c = c.substring(1, c.length() - 1);
            }
            if (c.equals("*") || c.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
