package io.lakeshift.emulator;

import com.sun.net.httpserver.HttpExchange;

/**
 * What a {@link FaultPolicy} sees: the OCI operation name (e.g. "PutObject", "CommitMultipartUpload"),
 * the bucket and object when the path names them, and the raw exchange to answer or abort.
 */
public record FaultRequest(String operation, String method, String bucket, String object, HttpExchange exchange) {
}
