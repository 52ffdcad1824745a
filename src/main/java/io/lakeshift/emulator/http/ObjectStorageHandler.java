package io.lakeshift.emulator.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.lakeshift.emulator.FaultPolicy;
import io.lakeshift.emulator.FaultRequest;
import io.lakeshift.emulator.OciException;
import io.lakeshift.emulator.auth.SignatureVerifier;
import io.lakeshift.emulator.iam.Authorizer;
import io.lakeshift.emulator.storage.IncompleteBodyException;
import io.lakeshift.emulator.storage.Storage;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one HTTP handler: routes, consults the fault policy, authenticates, dispatches, and is the single place
 * where failures become OCI error responses.
 */
public final class ObjectStorageHandler implements HttpHandler {
    private static final Logger LOG = Logger.getLogger(ObjectStorageHandler.class.getName());

    private final String namespace;
    private final SignatureVerifier verifier;
    private final FaultPolicy faults;
    private final ObjectMapper json = new ObjectMapper();
    private final BucketApi buckets;
    private final ObjectApi objects;
    private final MultipartApi multipart;
    private final Authorizer authorizer;
    private final ArchiveApi archive;

    public ObjectStorageHandler(Storage storage, String namespace, String tenancy, SignatureVerifier verifier,
                                FaultPolicy faults) {
        this(storage, namespace, tenancy, verifier, faults, null);
    }

    /** @param authorizer checks each request against an IAM policy; null allows everything */
    public ObjectStorageHandler(Storage storage, String namespace, String tenancy, SignatureVerifier verifier,
                                FaultPolicy faults, Authorizer authorizer) {
        this(storage, namespace, tenancy, verifier, faults, authorizer, Duration.ZERO);
    }

    /** @param restoreDelay how long RestoreObjects leaves an Archive object Restoring (zero: Restored at once) */
    public ObjectStorageHandler(Storage storage, String namespace, String tenancy, SignatureVerifier verifier,
                                FaultPolicy faults, Authorizer authorizer, Duration restoreDelay) {
        this.archive = new ArchiveApi(storage, restoreDelay);
        this.authorizer = authorizer;
        this.namespace = namespace;
        this.verifier = verifier;
        this.faults = faults;
        this.buckets = new BucketApi(storage, namespace, tenancy);
        this.objects = new ObjectApi(storage);
        this.multipart = new MultipartApi(storage, objects);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString().replace("-", "").toUpperCase();
        exchange.getResponseHeaders().set("opc-request-id", requestId);
        String clientRequestId = exchange.getRequestHeaders().getFirst("opc-client-request-id");
        if (clientRequestId != null) {
            exchange.getResponseHeaders().set("opc-client-request-id", clientRequestId);
        }
        Call call = new Call(exchange, requestId, json);
        try {
            Route route = Route.of(call.method, call.rawPath);
            if (faults.intercept(new FaultRequest(route.operation(), call.method, route.bucket(), route.object(),
                    exchange))) {
                return;
            }
            call.auth = verifier.verify(call.method, call.rawPath, call.rawQuery, call::header);
            if (route.namespace() != null && !route.namespace().equals(namespace)) {
                throw new OciException(404, "NamespaceNotFound",
                        "You do not have authorization to perform this request, or the requested resource could not be found.");
            }
            if (authorizer != null) {
                authorizer.authorize(call.auth.principal(), route.operation(), route.bucket(), route.object(), call.query);
            }
            dispatch(call, route);
        } catch (OciException e) {
            if (!call.responded()) {
                call.sendError(e);
            }
        } catch (IncompleteBodyException e) {
            // The client went away or sent less than it announced: nothing was stored; drop the connection.
            LOG.log(Level.FINE, "incomplete body, request " + requestId, e);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "request " + requestId + " failed", e);
            if (!call.responded()) {
                try {
                    call.sendError(new OciException(500, "InternalServerError", String.valueOf(e.getMessage())));
                } catch (IOException ignored) {
                    // the connection is gone
                }
            }
        } finally {
            exchange.close();
        }
    }

    private void dispatch(Call call, Route route) throws IOException {
        switch (route.operation()) {
            case "GetNamespace" -> call.sendJson(200, namespace);
            case "GetNamespaceMetadata" -> buckets.namespaceMetadata(call);
            case "CreateBucket" -> buckets.create(call);
            case "ListBuckets" -> buckets.list(call);
            case "GetBucket" -> buckets.get(call, route.bucket());
            case "HeadBucket" -> buckets.head(call, route.bucket());
            case "DeleteBucket" -> buckets.delete(call, route.bucket());
            case "ListObjects" -> objects.list(call, route.bucket());
            case "PutObject" -> objects.put(call, route.bucket(), route.object());
            case "GetObject", "HeadObject" -> objects.get(call, route.bucket(), route.object());
            case "DeleteObject" -> objects.delete(call, route.bucket(), route.object());
            case "RenameObject" -> objects.rename(call, route.bucket());
            case "CreateMultipartUpload" -> multipart.create(call, route.bucket());
            case "ListMultipartUploads" -> multipart.listUploads(call, route.bucket());
            case "UploadPart" -> multipart.uploadPart(call, route.bucket(), route.object());
            case "ListMultipartUploadParts" -> multipart.listParts(call, route.bucket(), route.object());
            case "CommitMultipartUpload" -> multipart.commit(call, route.bucket(), route.object());
            case "AbortMultipartUpload" -> multipart.abort(call, route.bucket(), route.object());
            case "RestoreObjects" -> archive.restore(call, route.bucket());
            case "UpdateObjectStorageTier" -> archive.updateTier(call, route.bucket());
            default -> throw route.unsupported();
        }
    }
}
