package io.lakeshift.emulator.s3;

import io.lakeshift.emulator.OciException;

/** An error the S3 API answers with S3's XML error body (Code, Message). The handler renders it in one place. */
final class S3Exception extends RuntimeException {
    private final int status;
    private final String code;

    S3Exception(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    static S3Exception notImplemented(String what) {
        return new S3Exception(501, "NotImplemented", what + " is not implemented by the emulator's Amazon S3"
                + " Compatibility API (see docs/emulator.md)");
    }

    static S3Exception invalidArgument(String message) {
        return new S3Exception(400, "InvalidArgument", message);
    }

    static S3Exception noSuchBucket(String bucket) {
        return new S3Exception(404, "NoSuchBucket", "The specified bucket does not exist: " + bucket);
    }

    static S3Exception noSuchKey(String key) {
        return new S3Exception(404, "NoSuchKey", "The specified key does not exist: " + key);
    }

    static S3Exception accessDenied(String message) {
        return new S3Exception(403, "AccessDenied", message);
    }

    static S3Exception signatureDoesNotMatch(String message) {
        return new S3Exception(403, "SignatureDoesNotMatch", message);
    }

    static S3Exception malformedXml(String message) {
        return new S3Exception(400, "MalformedXML", message);
    }

    /**
     * The storage layer speaks OCI's errors; the S3 API answers with S3's code for the same condition (the codes
     * of the Amazon S3 API Reference, "Error responses").
     */
    static S3Exception from(OciException e) {
        String code = switch (e.code()) {
            case "BucketNotFound" -> "NoSuchBucket";
            case "ObjectNotFound" -> "NoSuchKey";
            case "NoSuchUpload" -> "NoSuchUpload";
            case "IfMatchFailed", "IfNoneMatchFailed" -> "PreconditionFailed";
            case "BucketNotEmpty" -> "BucketNotEmpty";
            case "BucketAlreadyExists" -> "BucketAlreadyOwnedByYou";
            case "InvalidUploadPart" -> "InvalidPart";
            case "NotImplemented" -> "NotImplemented";
            case "InsufficientServiceQuota", "TooManyRequests" -> "SlowDown";
            default -> e.status() >= 500 ? "InternalError" : e.status() == 404 ? "NoSuchKey"
                    : e.status() == 403 || e.status() == 401 ? "AccessDenied" : "InvalidRequest";
        };
        int status = code.equals("BucketAlreadyOwnedByYou") ? 409 : e.status() == 401 ? 403 : e.status();
        return new S3Exception(status, code, e.getMessage());
    }
}
