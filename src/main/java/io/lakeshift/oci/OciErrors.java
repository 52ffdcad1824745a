package io.lakeshift.oci;

import com.oracle.bmc.model.BmcException;
import io.lakeshift.secrets.Secrets;

/** Turns SDK exceptions into one-line messages that name the object and what OCI answered. */
public final class OciErrors {
    private OciErrors() {}

    /** One line, secrets masked. */
    public static String describe(Throwable e) {
        return Secrets.redact(plain(e));
    }

    private static String plain(Throwable e) {
        if (e instanceof BmcException b) {
            String message = b.getOriginalMessage() == null ? "" : firstLine(b.getOriginalMessage());
            if (b.isClientSide() || b.getStatusCode() <= 0) {
                return "request to OCI failed: " + message;
            }
            return "OCI answered " + b.getStatusCode() + " " + b.getServiceCode() + ": " + message + hint(b);
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : firstLine(e.getMessage());
        return e.getCause() != null && e.getCause() != e && message.equals(e.getCause().toString())
                ? plain(e.getCause()) : message;
    }

    /** What to do about the answers that mean "not allowed". */
    private static String hint(BmcException b) {
        int s = b.getStatusCode();
        String code = b.getServiceCode() == null ? "" : b.getServiceCode();
        if (s == 401) {
            return " (check the OCI credentials: --oci-config, --oci-profile, --oci-auth)";
        }
        if (s == 403 || code.contains("NotAuthorized")) {
            return " (the signed-in principal may not do this: grant it 'manage objects' on the bucket's compartment)";
        }
        return "";
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}
