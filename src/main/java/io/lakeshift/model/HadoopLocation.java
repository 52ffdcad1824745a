package io.lakeshift.model;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A folder of a Hadoop file system used as a target, such as {@code s3a://bucket/prefix/} or
 * {@code file:///data/copy/}. Object names are paths relative to it (its {@link #prefix} is empty).
 *
 * @param root the folder's URI, ending with "/"
 */
public record HadoopLocation(String root) implements TargetLocation {
    public HadoopLocation {
        URI uri;
        try {
            uri = new URI(root == null ? "" : root);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + root + "' is not a valid URI: " + e.getMessage());
        }
        if (uri.getScheme() == null || uri.getPath() == null) {
            throw new IllegalArgumentException("'" + root + "' is not a target: expected oci://bucket@namespace/prefix"
                    + " or a Hadoop file-system folder such as s3a://bucket/prefix/ or file:///path/");
        }
        if (uri.getScheme().equalsIgnoreCase("oci")) {
            throw new IllegalArgumentException("'" + root + "' is an OCI location, not a Hadoop one");
        }
        root = root.endsWith("/") ? root : root + "/";
    }

    public static HadoopLocation parse(String uri) {
        return new HadoopLocation(uri);
    }

    @Override
    public String prefix() {
        return "";
    }

    @Override
    public String objectName(String relative) {
        return relative;
    }

    /** Below this folder: a Hadoop target's "store" is its folder. */
    @Override
    public String inStore(String relative) {
        return root + relative;
    }

    @Override
    public String nameInStore(String uri) {
        return uri != null && uri.startsWith(root) ? uri.substring(root.length()) : null;
    }

    /** The URI of an object below this folder. */
    public String uri(String objectName) {
        return root + objectName;
    }

    @Override
    public String toString() {
        return root;
    }
}
