package io.lakeshift.oci;

import com.oracle.bmc.model.BmcException;
import io.lakeshift.io.ChangedException;
import io.lakeshift.io.DeniedException;
import io.lakeshift.io.Errors;
import io.lakeshift.io.NotFoundException;
import io.lakeshift.io.PermanentException;
import io.lakeshift.io.StorageException;
import io.lakeshift.io.TransientException;
import java.io.IOException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place OCI SDK exceptions become lakeshift's types, so no {@link BmcException} crosses an interface.
 * Statuses as OCI documents them (API errors, "Object Storage"): 404 not found or not authorized, 409/412 a failed
 * precondition, 401/403 refused, 429 and 5xx worth another try; a client-side failure is transient when I/O broke.
 */
public final class OciExceptions {
    private static final Pattern BUCKET = Pattern.compile("bucket named '([^']*)'");

    private OciExceptions() {}

    /** Sends one request, translating what the SDK throws; {@code what} names the operation and the object. */
    public static <T> T call(String what, Supplier<T> request) throws StorageException {
        try {
            return request.get();
        } catch (BmcException e) {
            throw translate(what, e);
        }
    }

    public static StorageException translate(String what, BmcException b) {
        String text = what + ": " + describe(b);
        int s = b.getStatusCode();
        String code = b.getServiceCode() == null ? "" : b.getServiceCode();
        if (b.isClientSide() || s <= 0) {
            return b.isTimeout() || hasIoCause(b) ? new TransientException(text, b) : new PermanentException(text, b);
        }
        if (s == 404) {
            return new NotFoundException(text, b);
        }
        if (s == 412 || (s == 409 && code.contains("IfMatch")) || code.contains("PreconditionFailed")) {
            return new ChangedException(text, b);
        }
        if (s == 401 || s == 403 || code.contains("NotAuthorized")) {
            return new DeniedException(text, b);
        }
        if (s == 429 || s >= 500 || b.isTimeout()) {
            return new TransientException(text, b);
        }
        return new PermanentException(text, b);
    }

    /** What OCI answered, in one line: status, code and message, or the I/O failure underneath a client error. */
    static String describe(BmcException b) {
        if (b.isClientSide() || b.getStatusCode() <= 0) {
            return "request to OCI failed: " + (b.getCause() != null ? Errors.rootCause(b) : Errors.oneLine(b));
        }
        String message = Errors.oneLine(serviceMessage(b));
        return "OCI answered " + b.getStatusCode() + " " + b.getServiceCode() + ": " + message + hint(b);
    }

    /**
     * The service's own text. SDK 3.x keeps it in getUnmodifiedMessage(); getOriginalMessage() is null for service
     * errors, which left "OCI answered 404 BucketNotFound: " with no text.
     */
    static String serviceMessage(BmcException b) {
        String original = b.getOriginalMessage();
        if (original != null && !original.isBlank()) {
            return original;
        }
        return b.getUnmodifiedMessage() == null ? "" : b.getUnmodifiedMessage();
    }

    /** OCI answers a missing permission as "not found": say what the operation needs and a statement granting it. */
    private static String notAuthorizedHint(BmcException b) {
        Permissions.Need need = Permissions.of(b.getServiceDetails() == null ? null
                : b.getServiceDetails().getOperationName());
        if (need == null) {
            return "";
        }
        Matcher m = BUCKET.matcher(serviceMessage(b));
        String where = m.find() ? " where target.bucket.name = '" + m.group(1) + "'" : "";
        return " (not found or not authorized: " + b.getServiceDetails().getOperationName() + " needs "
                + need.permissions() + ", e.g. `allow <group> to " + need.statement() + " in compartment <compartment>"
                + where + "`)";
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
        if (s == 404 && (code.equals("BucketNotFound") || code.equals("NamespaceNotFound"))) {
            return notAuthorizedHint(b);
        }
        return "";
    }

    private static boolean hasIoCause(Throwable e) {
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
