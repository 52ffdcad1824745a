package io.lakeshift.emulator.iam;

import static io.lakeshift.emulator.iam.Permission.BUCKET_CREATE;
import static io.lakeshift.emulator.iam.Permission.BUCKET_DELETE;
import static io.lakeshift.emulator.iam.Permission.BUCKET_INSPECT;
import static io.lakeshift.emulator.iam.Permission.BUCKET_READ;
import static io.lakeshift.emulator.iam.Permission.OBJECTSTORAGE_NAMESPACE_READ;
import static io.lakeshift.emulator.iam.Permission.OBJECT_CREATE;
import static io.lakeshift.emulator.iam.Permission.OBJECT_DELETE;
import static io.lakeshift.emulator.iam.Permission.OBJECT_INSPECT;
import static io.lakeshift.emulator.iam.Permission.OBJECT_OVERWRITE;
import static io.lakeshift.emulator.iam.Permission.OBJECT_READ;
import static io.lakeshift.emulator.iam.Permission.OBJECT_RESTORE;
import static io.lakeshift.emulator.iam.Permission.OBJECT_UPDATE_TIER;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The permissions each operation the emulator serves needs: the table "Permissions Required for Each API Operation"
 * of {@link Reference#POLICY_REFERENCE} (read {@value Reference#READ_ON}). Two rows depend on the request:
 * GetNamespace needs nothing unless it names a {@code compartmentId}; PutObject needs OBJECT_CREATE for a new name
 * and OBJECT_OVERWRITE for one that exists.
 */
public final class Operations {
    private static final Map<String, Requirement> FIXED = new LinkedHashMap<>();

    static {
        FIXED.put("GetNamespaceMetadata", Requirement.allOf(OBJECTSTORAGE_NAMESPACE_READ));
        FIXED.put("CreateBucket", Requirement.allOf(BUCKET_CREATE));
        FIXED.put("ListBuckets", Requirement.allOf(BUCKET_INSPECT));
        FIXED.put("GetBucket", Requirement.allOf(BUCKET_READ));
        FIXED.put("HeadBucket", Requirement.allOf(BUCKET_INSPECT));
        FIXED.put("DeleteBucket", Requirement.allOf(BUCKET_DELETE));
        FIXED.put("ListObjects", Requirement.allOf(OBJECT_INSPECT));
        FIXED.put("GetObject", Requirement.allOf(OBJECT_READ));
        FIXED.put("HeadObject", Requirement.oneOf(OBJECT_READ, OBJECT_INSPECT));
        FIXED.put("DeleteObject", Requirement.allOf(OBJECT_DELETE));
        FIXED.put("RenameObject", Requirement.allOf(OBJECT_CREATE, OBJECT_OVERWRITE));
        FIXED.put("CreateMultipartUpload", Requirement.allOf(OBJECT_CREATE, OBJECT_OVERWRITE));
        FIXED.put("UploadPart", Requirement.allOf(OBJECT_CREATE, OBJECT_OVERWRITE));
        FIXED.put("CommitMultipartUpload", Requirement.allOf(BUCKET_READ, OBJECT_CREATE, OBJECT_READ, OBJECT_OVERWRITE));
        FIXED.put("ListMultipartUploadParts", Requirement.allOf(OBJECT_INSPECT));
        FIXED.put("ListMultipartUploads", Requirement.allOf(BUCKET_READ));
        FIXED.put("AbortMultipartUpload", Requirement.allOf(OBJECT_DELETE));
        FIXED.put("RestoreObjects", Requirement.allOf(OBJECT_RESTORE));
        FIXED.put("UpdateObjectStorageTier", Requirement.allOf(OBJECT_UPDATE_TIER));
    }

    private Operations() {
    }

    /**
     * @param compartmentIdGiven GetNamespace only: the request has a compartmentId parameter
     * @param objectExists       PutObject only: an object of that name is already in the bucket
     * @return the requirement, or null for an operation the emulator does not serve (nothing to authorize)
     */
    public static Requirement of(String operation, boolean compartmentIdGiven, boolean objectExists) {
        return switch (operation) {
            case "GetNamespace" -> compartmentIdGiven ? Requirement.allOf(OBJECTSTORAGE_NAMESPACE_READ)
                    : Requirement.none();
            case "PutObject" -> Requirement.allOf(objectExists ? OBJECT_OVERWRITE : OBJECT_CREATE);
            default -> FIXED.get(operation);
        };
    }

    /** Every served operation with its requirement (PutObject and GetNamespace in their usual form), for docs/tests. */
    public static Map<String, Requirement> table() {
        Map<String, Requirement> out = new LinkedHashMap<>();
        out.put("GetNamespace", of("GetNamespace", false, false));
        out.putAll(FIXED);
        out.put("PutObject", of("PutObject", false, false));
        return out;
    }
}
