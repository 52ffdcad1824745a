package io.lakeshift.emulator.s3;

import java.util.Set;

/**
 * The S3 operations served, each with the native operation of the same effect (its name is what an IAM policy's
 * permissions and a fault policy see), and the query parameters it takes: any other parameter is a subresource or
 * option the emulator does not serve, and is refused.
 */
enum S3Operation {
    LIST_BUCKETS("ListBuckets", "ListBuckets", Set.of()),
    CREATE_BUCKET("CreateBucket", "CreateBucket", Set.of()),
    DELETE_BUCKET("DeleteBucket", "DeleteBucket", Set.of()),
    HEAD_BUCKET("HeadBucket", "HeadBucket", Set.of()),
    GET_BUCKET_LOCATION("GetBucketLocation", "GetBucket", Set.of("location")),
    LIST_OBJECTS("ListObjects", "ListObjects", Set.of("list-type", "prefix", "delimiter", "max-keys",
            "continuation-token", "start-after", "marker", "encoding-type", "fetch-owner")),
    LIST_UPLOADS("ListMultipartUploads", "ListMultipartUploads", Set.of("uploads", "prefix", "delimiter",
            "key-marker", "upload-id-marker", "max-uploads", "encoding-type")),
    DELETE_OBJECTS("DeleteObjects", "DeleteObject", Set.of("delete")),
    PUT_OBJECT("PutObject", "PutObject", Set.of()),
    GET_OBJECT("GetObject", "GetObject", Set.of("response-content-type", "response-content-language",
            "response-expires", "response-cache-control", "response-content-disposition",
            "response-content-encoding", "partNumber", "versionId")),
    HEAD_OBJECT("HeadObject", "HeadObject", Set.of("partNumber", "versionId")),
    DELETE_OBJECT("DeleteObject", "DeleteObject", Set.of("versionId")),
    CREATE_UPLOAD("CreateMultipartUpload", "CreateMultipartUpload", Set.of("uploads")),
    UPLOAD_PART("UploadPart", "UploadPart", Set.of("uploadId", "partNumber")),
    COMPLETE_UPLOAD("CompleteMultipartUpload", "CommitMultipartUpload", Set.of("uploadId")),
    ABORT_UPLOAD("AbortMultipartUpload", "AbortMultipartUpload", Set.of("uploadId")),
    LIST_PARTS("ListParts", "ListMultipartUploadParts", Set.of("uploadId", "max-parts", "part-number-marker",
            "encoding-type"));

    /** Newer AWS SDKs name the operation in the query (x-id=GetObject); it carries nothing else. */
    private static final Set<String> ANY = Set.of("x-id");

    final String s3Name;
    final String ociName;
    private final Set<String> params;

    S3Operation(String s3Name, String ociName, Set<String> params) {
        this.s3Name = s3Name;
        this.ociName = ociName;
        this.params = params;
    }

    /** Routes a path-style request (a method no operation has is 405). */
    static S3Operation of(S3Call call) {
        return route(call);
    }

    /** Refuses the subresources and parameters this operation does not serve; checked once the caller is known. */
    void checkParams(S3Call call) {
        for (String p : call.query.keySet()) {
            if (!params.contains(p) && !ANY.contains(p)) {
                throw S3Exception.notImplemented("The '" + p + "' subresource or parameter of " + call.method + " "
                        + (call.bucket == null ? "/" : call.key == null ? "a bucket" : "an object"));
            }
        }
    }

    private static S3Operation route(S3Call call) {
        String m = call.method;
        if (call.bucket == null) {
            if (m.equals("GET")) {
                return LIST_BUCKETS;
            }
            throw methodNotAllowed(m);
        }
        if (call.key == null) {
            return switch (m) {
                case "PUT" -> CREATE_BUCKET;
                case "DELETE" -> DELETE_BUCKET;
                case "HEAD" -> HEAD_BUCKET;
                case "GET" -> call.has("location") ? GET_BUCKET_LOCATION
                        : call.has("uploads") ? LIST_UPLOADS : LIST_OBJECTS;
                case "POST" -> call.has("delete") ? DELETE_OBJECTS : unserved(call);
                default -> throw methodNotAllowed(m);
            };
        }
        return switch (m) {
            case "PUT" -> call.has("uploadId") || call.has("partNumber") ? UPLOAD_PART : PUT_OBJECT;
            case "GET" -> call.has("uploadId") ? LIST_PARTS : GET_OBJECT;
            case "HEAD" -> HEAD_OBJECT;
            case "DELETE" -> call.has("uploadId") ? ABORT_UPLOAD : DELETE_OBJECT;
            case "POST" -> call.has("uploads") ? CREATE_UPLOAD : call.has("uploadId") ? COMPLETE_UPLOAD
                    : unserved(call);
            default -> throw methodNotAllowed(m);
        };
    }

    private static S3Operation unserved(S3Call call) {
        throw S3Exception.notImplemented("POST " + (call.key == null ? "on a bucket" : "on an object")
                + " with ?" + (call.rawQuery == null ? "" : call.rawQuery));
    }

    private static S3Exception methodNotAllowed(String method) {
        return new S3Exception(405, "MethodNotAllowed", "The specified method is not allowed against this resource: "
                + method);
    }
}
