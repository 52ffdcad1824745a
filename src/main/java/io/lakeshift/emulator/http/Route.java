package io.lakeshift.emulator.http;

import io.lakeshift.emulator.OciException;

import java.util.Set;

/**
 * What a request path and method name: the OCI operation and its path parameters (decoded).
 *
 * <p>The table is Object Storage API 20160918 as the OCI Java SDK 3.77.2 calls it: every public method of
 * {@code com.oracle.bmc.objectstorage.ObjectStorageClient} (oci-java-sdk-objectstorage-generated 3.77.2), its HTTP
 * method and the path it builds. Operations the emulator serves are in {@link #SERVED}; the others are known
 * (501 {@code NotImplemented}); a path and method that is no OCI operation is 404 {@code NotFound}, which OCI's
 * API Errors reference gives for "no operation supported at the URI path and HTTP method".
 */
record Route(String operation, String namespace, String bucket, String object) {
    static final String UNKNOWN = "Unknown";

    /** The operations {@link ObjectStorageHandler} dispatches. */
    static final Set<String> SERVED = Set.of("GetNamespace", "GetNamespaceMetadata", "CreateBucket", "ListBuckets",
            "GetBucket", "HeadBucket", "DeleteBucket", "ListObjects", "PutObject", "GetObject", "HeadObject",
            "DeleteObject", "RenameObject", "CreateMultipartUpload", "ListMultipartUploads", "UploadPart",
            "ListMultipartUploadParts", "CommitMultipartUpload", "AbortMultipartUpload", "RestoreObjects",
            "UpdateObjectStorageTier");

    static Route of(String method, String rawPath) {
        if (rawPath.equals("/workRequests") || rawPath.startsWith("/workRequests/")) {
            return workRequests(method, rawPath.substring("/workRequests".length()));
        }
        if (!rawPath.startsWith("/n")) {
            return unknown();
        }
        String rest = rawPath.substring(2);
        if (rest.isEmpty() || rest.equals("/")) {
            return method.equals("GET") ? new Route("GetNamespace", null, null, null) : unknown();
        }
        if (rest.charAt(0) != '/') {
            return unknown();
        }
        rest = rest.substring(1);
        String[] nsSplit = rest.split("/", 2);
        String ns = Call.decodePath(nsSplit[0]);
        if (nsSplit.length == 1 || nsSplit[1].isEmpty()) {
            return switch (method) {
                case "GET" -> new Route("GetNamespaceMetadata", ns, null, null);
                case "PUT" -> new Route("UpdateNamespaceMetadata", ns, null, null);
                default -> unknown();
            };
        }
        String[] bSplit = nsSplit[1].split("/", 2);
        if (bSplit[0].equals("pe")) {
            return privateEndpoints(method, ns, bSplit.length == 1 ? "" : bSplit[1]);
        }
        if (!bSplit[0].equals("b")) {
            return unknown();
        }
        if (bSplit.length == 1 || bSplit[1].isEmpty()) {
            return switch (method) {
                case "POST" -> new Route("CreateBucket", ns, null, null);
                case "GET" -> new Route("ListBuckets", ns, null, null);
                default -> unknown();
            };
        }
        String[] bucketSplit = bSplit[1].split("/", 2);
        String bucket = Call.decodePath(bucketSplit[0]);
        if (bucketSplit.length == 1 || bucketSplit[1].isEmpty()) {
            return switch (method) {
                case "GET" -> new Route("GetBucket", ns, bucket, null);
                case "HEAD" -> new Route("HeadBucket", ns, bucket, null);
                case "DELETE" -> new Route("DeleteBucket", ns, bucket, null);
                case "POST" -> new Route("UpdateBucket", ns, bucket, null);
                default -> unknown();
            };
        }
        String tail = bucketSplit[1];
        if (tail.equals("o") || tail.equals("o/")) {
            return method.equals("GET") ? new Route("ListObjects", ns, bucket, null) : unknown();
        }
        if (tail.startsWith("o/")) {
            String object = Call.decodePath(tail.substring(2));
            return switch (method) {
                case "PUT" -> new Route("PutObject", ns, bucket, object);
                case "GET" -> new Route("GetObject", ns, bucket, object);
                case "HEAD" -> new Route("HeadObject", ns, bucket, object);
                case "DELETE" -> new Route("DeleteObject", ns, bucket, object);
                default -> unknown();
            };
        }
        if (tail.equals("u") || tail.equals("u/")) {
            return switch (method) {
                case "POST" -> new Route("CreateMultipartUpload", ns, bucket, null);
                case "GET" -> new Route("ListMultipartUploads", ns, bucket, null);
                default -> unknown();
            };
        }
        if (tail.startsWith("u/")) {
            String object = Call.decodePath(tail.substring(2));
            return switch (method) {
                case "PUT" -> new Route("UploadPart", ns, bucket, object);
                case "GET" -> new Route("ListMultipartUploadParts", ns, bucket, object);
                case "POST" -> new Route("CommitMultipartUpload", ns, bucket, object);
                case "DELETE" -> new Route("AbortMultipartUpload", ns, bucket, object);
                default -> unknown();
            };
        }
        if (tail.startsWith("actions/")) {
            return actions(method, ns, bucket, tail.substring("actions/".length()));
        }
        String[] sub = tail.split("/", 2);
        boolean one = sub.length == 2 && !sub[1].isEmpty() && sub[1].indexOf('/') < 0;
        boolean collection = sub.length == 1 || sub[1].isEmpty();
        String op = switch (sub[0]) {
            case "objectversions" -> collection && method.equals("GET") ? "ListObjectVersions" : null;
            case "p" -> collection ? pick(method, "POST", "CreatePreauthenticatedRequest", "GET",
                    "ListPreauthenticatedRequests")
                    : one ? pick(method, "GET", "GetPreauthenticatedRequest", "DELETE", "DeletePreauthenticatedRequest")
                    : null;
            case "l" -> collection ? switch (method) {
                case "GET" -> "GetObjectLifecyclePolicy";
                case "PUT" -> "PutObjectLifecyclePolicy";
                case "DELETE" -> "DeleteObjectLifecyclePolicy";
                default -> null;
            } : null;
            case "replicationPolicies" -> collection ? pick(method, "POST", "CreateReplicationPolicy", "GET",
                    "ListReplicationPolicies")
                    : one ? pick(method, "GET", "GetReplicationPolicy", "DELETE", "DeleteReplicationPolicy") : null;
            case "replicationSources" -> collection && method.equals("GET") ? "ListReplicationSources" : null;
            case "retentionRules" -> collection ? pick(method, "POST", "CreateRetentionRule", "GET",
                    "ListRetentionRules")
                    : one ? switch (method) {
                        case "GET" -> "GetRetentionRule";
                        case "PUT" -> "UpdateRetentionRule";
                        case "DELETE" -> "DeleteRetentionRule";
                        default -> null;
                    } : null;
            default -> null;
        };
        return op == null ? unknown() : new Route(op, ns, bucket, null);
    }

    private static Route actions(String method, String ns, String bucket, String action) {
        if (!method.equals("POST")) {
            return unknown();
        }
        if (action.startsWith("reencrypt/") && action.length() > "reencrypt/".length()) {
            return new Route("ReencryptObject", ns, bucket, Call.decodePath(action.substring("reencrypt/".length())));
        }
        String op = switch (action) {
            case "renameObject" -> "RenameObject";
            case "copyObject" -> "CopyObject";
            case "batchDeleteObjects" -> "BatchDeleteObjects";
            case "restoreObjects" -> "RestoreObjects";
            case "updateObjectStorageTier" -> "UpdateObjectStorageTier";
            case "makeBucketWritable" -> "MakeBucketWritable";
            case "reencrypt" -> "ReencryptBucket";
            default -> null;
        };
        return op == null ? unknown() : new Route(op, ns, bucket, null);
    }

    private static Route privateEndpoints(String method, String ns, String rest) {
        String op;
        if (rest.isEmpty()) {
            op = pick(method, "POST", "CreatePrivateEndpoint", "GET", "ListPrivateEndpoints");
        } else if (rest.indexOf('/') < 0) {
            op = switch (method) {
                case "GET" -> "GetPrivateEndpoint";
                case "POST" -> "UpdatePrivateEndpoint";
                case "DELETE" -> "DeletePrivateEndpoint";
                default -> null;
            };
        } else {
            op = null;
        }
        return op == null ? unknown() : new Route(op, ns, null, null);
    }

    private static Route workRequests(String method, String rest) {
        String op = null;
        if (rest.isEmpty() || rest.equals("/")) {
            op = method.equals("GET") ? "ListWorkRequests" : null;
        } else {
            String[] parts = rest.substring(1).split("/", -1);
            if (parts.length == 1 && !parts[0].isEmpty()) {
                op = pick(method, "GET", "GetWorkRequest", "DELETE", "CancelWorkRequest");
            } else if (parts.length == 2 && !parts[0].isEmpty() && method.equals("GET")) {
                op = switch (parts[1]) {
                    case "errors" -> "ListWorkRequestErrors";
                    case "logs" -> "ListWorkRequestLogs";
                    default -> null;
                };
            }
        }
        return op == null ? unknown() : new Route(op, null, null, null);
    }

    private static String pick(String method, String m1, String op1, String m2, String op2) {
        return method.equals(m1) ? op1 : method.equals(m2) ? op2 : null;
    }

    private static Route unknown() {
        return new Route(UNKNOWN, null, null, null);
    }

    boolean served() {
        return SERVED.contains(operation);
    }

    /** Thrown for routes the emulator does not serve, after authentication like the service does. */
    OciException unsupported() {
        if (operation.equals(UNKNOWN)) {
            return new OciException(404, "NotFound",
                    "There is no operation supported at the URI path and HTTP method you specified in the request");
        }
        return OciException.notImplemented("The OCI emulator does not implement " + operation);
    }
}
