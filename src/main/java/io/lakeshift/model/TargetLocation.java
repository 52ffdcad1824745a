package io.lakeshift.model;

import java.io.Serializable;

/**
 * Where a run writes: an OCI bucket and prefix, or a folder of any Hadoop file system (s3a://, abfss://, hdfs://,
 * file://). Object names are what {@link #objectName} makes of a source file's relative path.
 */
public sealed interface TargetLocation extends Serializable permits OciLocation, HadoopLocation {
    /** What every object name of this location starts with: empty, or ending with "/". */
    String prefix();

    /** The object name for a path relative to this location. */
    String objectName(String relative);

    /** The OCI namespace, or null where there is none (or it is not known yet). */
    default String namespace() {
        return null;
    }

    /** Where a folder {@code relative} to the store's own root lies: the bucket (OCI) or this folder (Hadoop). */
    String inStore(String relative);

    /**
     * The object name {@code uri} has in this location's store (its bucket, or below its folder), or null when the
     * URI lies elsewhere: how sync knows which of its objects are the log's.
     */
    String nameInStore(String uri);

    /** {@code oci://...} is an OCI location; any other URI with a scheme is a Hadoop file-system folder. */
    static TargetLocation parse(String uri) {
        if (uri != null && uri.regionMatches(true, 0, "oci://", 0, 6)) {
            return OciLocation.parse(uri);
        }
        return HadoopLocation.parse(uri);
    }
}
