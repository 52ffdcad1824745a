package io.lakeshift.emulator;

/**
 * An error the emulator answers with OCI's JSON error body. Every layer throws this; the HTTP handler
 * turns it into a response in one place.
 */
public final class OciException extends RuntimeException {
    private final int status;
    private final String code;

    public OciException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public static OciException badRequest(String code, String message) {
        return new OciException(400, code, message);
    }

    public static OciException invalidParameter(String message) {
        return new OciException(400, "InvalidParameter", message);
    }

    public static OciException missingParameter(String name) {
        return new OciException(400, "MissingParameter", "The required parameter '" + name + "' is missing");
    }

    public static OciException notAuthenticated(String message) {
        return new OciException(401, "NotAuthenticated", message);
    }

    /**
     * 501 NotImplemented: an operation, option or value that OCI serves and the emulator does not. The emulator
     * refuses it rather than ignore it; OCI's SDK does not retry a 501 (its DefaultRetryCondition retries 409
     * IncorrectState, 429, 500, 502, 503 and 504).
     */
    public static OciException notImplemented(String message) {
        return new OciException(501, "NotImplemented", message);
    }

    /** 411 LengthRequired (OCI API Errors reference: no Content-Length header was provided). */
    public static OciException lengthRequired() {
        return new OciException(411, "LengthRequired", "No Content-Length header was provided");
    }

    public static OciException bucketNotFound(String bucket) {
        return new OciException(404, "BucketNotFound",
                "Either the bucket named '" + bucket + "' does not exist in the namespace or you are not authorized to access it");
    }

    public static OciException objectNotFound(String bucket, String object) {
        return new OciException(404, "ObjectNotFound",
                "The object '" + object + "' was not found in the bucket '" + bucket + "'");
    }

    public static OciException noSuchUpload(String uploadId) {
        return new OciException(404, "NoSuchUpload", "The upload '" + uploadId + "' does not exist");
    }

    public static OciException ifMatchFailed(String etag) {
        return new OciException(412, "IfMatchFailed", "The If-Match header ('" + etag + "') does not match the entity tag");
    }

    public static OciException ifNoneMatchFailed(String etag) {
        return new OciException(412, "IfNoneMatchFailed", "The If-None-Match header ('" + etag + "') matches the entity tag");
    }
}
