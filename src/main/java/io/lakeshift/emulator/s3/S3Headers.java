package io.lakeshift.emulator.s3;

import io.lakeshift.emulator.storage.ContentHeaders;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The request headers of object writes: what is kept (Content-*, x-amz-meta-*, which the native API serves as
 * opc-meta-*), what is accepted because it asks for what OCI does anyway, and what is refused (501) because the
 * emulator does not implement it. Checksum headers are {@link S3Checksums}'.
 */
final class S3Headers {
    static final String META = "x-amz-meta-";
    /** Write headers the emulator refuses rather than ignore; a prefix ends in '-'. */
    private static final List<String> REFUSED = List.of("x-amz-server-side-encryption", "x-amz-tagging",
            "x-amz-object-lock-", "x-amz-website-redirect-location", "x-amz-grant-", "x-amz-request-payer",
            "x-amz-expected-bucket-owner", "expires");

    private S3Headers() {
    }

    /** OCI has no ACLs (IAM policies instead); "private", what every OCI bucket and object is, is accepted. */
    static void acl(S3Call call) {
        String acl = call.header("x-amz-acl");
        if (acl != null && !acl.trim().equals("private")) {
            throw S3Exception.notImplemented("The canned ACL '" + acl + "' (OCI uses IAM policies, not ACLs)");
        }
    }

    /** Refuses the write headers the emulator does not implement. */
    static void refuseUnserved(S3Call call) {
        acl(call);
        for (String name : call.exchange.getRequestHeaders().keySet()) {
            String lower = name.toLowerCase(Locale.ROOT);
            for (String refused : REFUSED) {
                if (refused.endsWith("-") ? lower.startsWith(refused) : lower.equals(refused)
                        || lower.startsWith(refused + "-")) {
                    throw S3Exception.notImplemented("The header " + lower);
                }
            }
        }
        String storageClass = call.header("x-amz-storage-class");
        if (storageClass != null && !storageClass.trim().equals("STANDARD")) {
            throw S3Exception.notImplemented("The storage class '" + storageClass + "'");
        }
    }

    static ContentHeaders content(S3Call call) {
        return new ContentHeaders(call.header("content-type"), call.header("content-encoding"),
                call.header("content-language"), call.header("content-disposition"), call.header("cache-control"));
    }

    /** x-amz-meta-NAME: VALUE, kept as NAME (lower case) = VALUE, the form the native API keeps opc-meta-NAME in. */
    static Map<String, String> metadata(S3Call call) {
        Map<String, String> out = new LinkedHashMap<>();
        call.exchange.getRequestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith(META) && lower.length() > META.length() && !values.isEmpty()) {
                out.put(lower.substring(META.length()), values.get(0));
            }
        });
        return out;
    }

    /** The S3 storage class of an OCI tier: Standard is STANDARD; others keep OCI's name. */
    static String storageClass(String tier) {
        return tier == null || tier.equals("Standard") ? "STANDARD" : tier;
    }
}
