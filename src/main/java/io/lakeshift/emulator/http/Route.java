package io.lakeshift.emulator.http;

import io.lakeshift.emulator.OciException;

/** What a request path and method name: the OCI operation and its path parameters (decoded). */
record Route(String operation, String namespace, String bucket, String object) {

    static Route of(String method, String rawPath) {
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
            return method.equals("GET") ? new Route("GetNamespaceMetadata", ns, null, null) : unknown();
        }
        String[] bSplit = nsSplit[1].split("/", 2);
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
        if (tail.equals("actions/renameObject") && method.equals("POST")) {
            return new Route("RenameObject", ns, bucket, null);
        }
        if (tail.startsWith("actions/")) {
            return new Route("NotImplemented", ns, bucket, null);
        }
        return unknown();
    }

    private static Route unknown() {
        return new Route("Unknown", null, null, null);
    }

    /** Thrown for routes the emulator does not serve, after authentication like the service does. */
    OciException unsupported() {
        if (operation.equals("NotImplemented")) {
            return new OciException(501, "NotImplemented", "This operation is not supported by the OCI emulator");
        }
        return new OciException(404, "NotFound", "No such resource or operation");
    }
}
