package io.lakeshift.model;

import java.net.URI;

/**
 * A place in OCI Object Storage: {@code oci://bucket@namespace/prefix}. The prefix is empty or ends with "/".
 * The namespace may be left out ({@code oci://bucket/prefix}); it is then looked up with GetNamespace.
 */
public record OciLocation(String bucket, String namespace, String prefix) implements TargetLocation {
    public OciLocation {
        if (bucket == null || !bucket.matches("[A-Za-z0-9._-]{1,256}")) {
            throw new IllegalArgumentException("invalid OCI bucket name '" + bucket
                    + "': use 1 to 256 letters, digits, '.', '_' or '-'");
        }
        if (namespace != null && !namespace.matches("[A-Za-z0-9._-]{1,128}")) {
            throw new IllegalArgumentException("invalid OCI namespace '" + namespace + "'");
        }
        prefix = normalizePrefix(prefix);
    }

    /** Parses {@code oci://bucket@namespace/prefix}; the error names the accepted form. */
    public static OciLocation parse(String uri) {
        if (uri == null || !uri.startsWith("oci://")) {
            throw new IllegalArgumentException("'" + uri + "' is not an OCI location: expected oci://bucket@namespace/prefix");
        }
        String rest = uri.substring("oci://".length());
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash + 1);
        int at = authority.indexOf('@');
        String bucket = at < 0 ? authority : authority.substring(0, at);
        String namespace = at < 0 ? null : authority.substring(at + 1);
        return new OciLocation(bucket, namespace, path);
    }

    public static boolean isOci(URI uri) {
        return "oci".equalsIgnoreCase(uri.getScheme());
    }

    public OciLocation withNamespace(String ns) {
        return new OciLocation(bucket, ns, prefix);
    }

    /** The object name for a path relative to this location. */
    public String objectName(String relative) {
        return prefix + relative;
    }

    /** The same bucket, at {@code relative} from its root. */
    @Override
    public String inStore(String relative) {
        return new OciLocation(bucket, namespace, relative).toString();
    }

    @Override
    public String nameInStore(String uri) {
        if (uri == null || !uri.startsWith("oci://")) {
            return null;
        }
        OciLocation other = parse(uri);
        return other.bucket.equals(bucket) ? other.prefix : null;
    }

    /** A location below this one. */
    public OciLocation child(String relative) {
        return new OciLocation(bucket, namespace, prefix + relative);
    }

    @Override
    public String toString() {
        return "oci://" + bucket + (namespace == null ? "" : "@" + namespace) + "/" + prefix;
    }

    private static String normalizePrefix(String prefix) {
        if (prefix == null || prefix.isEmpty() || prefix.equals("/")) {
            return "";
        }
        String p = prefix.startsWith("/") ? prefix.substring(1) : prefix;
        return p.endsWith("/") ? p : p + "/";
    }
}
