package io.lakeshift.sink;

import com.oracle.bmc.model.BmcException;

/** Turns SDK exceptions into one-line messages that name the object and what OCI answered. */
public final class OciErrors {
    private OciErrors() {}

    public static String describe(Throwable e) {
        if (e instanceof BmcException b) {
            String message = b.getOriginalMessage() == null ? "" : firstLine(b.getOriginalMessage());
            if (b.isClientSide() || b.getStatusCode() <= 0) {
                return "request to OCI failed: " + message;
            }
            return "OCI answered " + b.getStatusCode() + " " + b.getServiceCode() + ": " + message;
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : firstLine(e.getMessage());
        return e.getCause() != null && e.getCause() != e && message.equals(e.getCause().toString())
                ? describe(e.getCause()) : message;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}
