package io.lakeshift.oci;

import java.util.Map;

/**
 * What each Object Storage operation lakeshift sends needs, from Oracle's policy reference ("Details for Object
 * Storage and Archive Storage", docs.oracle.com/en-us/iaas/Content/Identity/Reference/objectstoragepolicyreference.htm,
 * updated 2025-07-14), with the least statement that grants it. OCI answers a missing permission as "not found",
 * so a 404 can say what to grant. (The emulator keeps its own copy of these facts: it ships apart.)
 */
final class Permissions {
    record Need(String permissions, String statement) {}

    private static final Map<String, Need> NEEDS = Map.ofEntries(
            Map.entry("GetBucket", new Need("BUCKET_READ", "read buckets")),
            Map.entry("HeadBucket", new Need("BUCKET_INSPECT", "inspect buckets")),
            Map.entry("ListMultipartUploads", new Need("BUCKET_READ", "read buckets")),
            Map.entry("ListObjects", new Need("OBJECT_INSPECT", "inspect objects")),
            Map.entry("HeadObject", new Need("OBJECT_READ or OBJECT_INSPECT", "inspect objects")),
            Map.entry("GetObject", new Need("OBJECT_READ", "read objects")),
            Map.entry("PutObject", new Need("OBJECT_CREATE (OBJECT_OVERWRITE to replace an object)",
                    "manage objects")),
            Map.entry("CreateMultipartUpload", new Need("OBJECT_CREATE and OBJECT_OVERWRITE", "manage objects")),
            Map.entry("UploadPart", new Need("OBJECT_CREATE and OBJECT_OVERWRITE", "manage objects")),
            Map.entry("CommitMultipartUpload", new Need("BUCKET_READ, OBJECT_CREATE, OBJECT_READ and OBJECT_OVERWRITE",
                    "manage objects")),
            Map.entry("DeleteObject", new Need("OBJECT_DELETE", "manage objects")),
            Map.entry("AbortMultipartUpload", new Need("OBJECT_DELETE", "manage objects")));

    private Permissions() {}

    /** What {@code operation} needs, or null for one lakeshift does not send. */
    static Need of(String operation) {
        return operation == null ? null : NEEDS.get(operation);
    }
}
