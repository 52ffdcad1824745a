package io.lakeshift.sink;

import com.oracle.bmc.model.BmcException;
import io.lakeshift.config.Secrets;
import io.lakeshift.emulator.iam.Operations;
import io.lakeshift.emulator.iam.Permission;
import io.lakeshift.emulator.iam.Requirement;
import io.lakeshift.emulator.iam.Verb;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns SDK exceptions into one-line messages that name the object and what OCI answered. */
public final class OciErrors {
    private static final Pattern BUCKET = Pattern.compile("bucket named '([^']*)'");
    private OciErrors() {}

    /** One line, secrets masked. */
    public static String describe(Throwable e) {
        return Secrets.redact(plain(e));
    }

    private static String plain(Throwable e) {
        if (e instanceof BmcException b) {
            String message = firstLine(serviceMessage(b));
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
        if (s == 404 && (code.equals("BucketNotFound") || code.equals("NamespaceNotFound"))) {
            return notAuthorizedHint(b);
        }
        return "";
    }

    /**
     * OCI answers a missing permission as "not found", so a 404 names what the operation needs (the permissions of
     * Oracle's policy reference, kept in {@link Operations}) and the statement that grants it.
     */
    private static String notAuthorizedHint(BmcException b) {
        String operation = b.getServiceDetails() == null ? null : b.getServiceDetails().getOperationName();
        Requirement needs = operation == null ? null : Operations.table().get(operation);
        if (needs == null || needs.all().isEmpty()) {
            return "";
        }
        Matcher m = BUCKET.matcher(serviceMessage(b));
        String where = m.find() ? " where target.bucket.name = '" + m.group(1) + "'" : "";
        Map<String, Verb> verbs = new LinkedHashMap<>();
        for (Permission p : needs.all()) {
            verbs.merge(p.resourceType(), p.leastVerb(), (x, y) -> x.compareTo(y) >= 0 ? x : y);
            if (needs.anyOf()) {
                break;
            }
        }
        List<String> statements = new ArrayList<>();
        verbs.forEach((type, verb) -> statements.add("`allow <group> to " + verb.word() + " " + type
                + " in compartment <compartment>" + where + "`"));
        String permissions = operation.equals("PutObject") ? "OBJECT_CREATE (OBJECT_OVERWRITE to replace an object)"
                : needs.describe();
        return " (not found or not authorized: " + operation + " needs " + permissions + ", e.g. "
                + String.join(" and ", statements) + ")";
    }

    /**
     * The service's own text. SDK 3.x keeps it in getUnmodifiedMessage(); getOriginalMessage() is null for service
     * errors (it holds a message template's original), which left "OCI answered 404 BucketNotFound: " with no text.
     */
    private static String serviceMessage(BmcException b) {
        String original = b.getOriginalMessage();
        if (original != null && !original.isBlank()) {
            return original;
        }
        return b.getUnmodifiedMessage() == null ? "" : b.getUnmodifiedMessage();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}
