package io.lakeshift.emulator.s3;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.lakeshift.emulator.FaultPolicy;
import io.lakeshift.emulator.FaultRequest;
import io.lakeshift.emulator.OciException;
import io.lakeshift.emulator.auth.Principal;
import io.lakeshift.emulator.iam.Authorizer;
import io.lakeshift.emulator.storage.IncompleteBodyException;
import io.lakeshift.emulator.storage.Storage;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The S3 Compatibility API's one HTTP handler: authenticates (SigV4), routes, consults the fault and IAM policies
 * under the native operation's name, dispatches, and is the one place failures become S3 XML errors.
 */
final class S3Handler implements HttpHandler {
    private static final Logger LOG = Logger.getLogger(S3Handler.class.getName());

    private final SigV4 signer;
    private final FaultPolicy faults;
    private final Authorizer authorizer;
    private final Principal principal;
    private final S3Buckets buckets;
    private final S3Objects objects;
    private final S3Multipart multipart;

    S3Handler(Storage storage, S3Api.Settings s, SigV4 signer) {
        this.signer = signer;
        this.faults = s.faults();
        this.authorizer = s.authorizer();
        this.principal = Principal.user(s.tenancy(), s.user());
        this.buckets = new S3Buckets(storage, s.namespace(), s.tenancy(), s.user(), s.region());
        this.objects = new S3Objects(storage);
        this.multipart = new S3Multipart(storage, s.user());
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString().replace("-", "").toUpperCase();
        exchange.getResponseHeaders().set("x-amz-request-id", requestId);
        exchange.getResponseHeaders().set("opc-request-id", requestId);
        S3Call call = null;
        try {
            call = new S3Call(exchange, requestId);
            S3Operation op = S3Operation.of(call);
            if (faults.intercept(new FaultRequest(op.ociName, call.method, call.bucket, call.key, exchange))) {
                return;
            }
            call.auth = signer.verify(call.method, call.rawPath, call.rawQuery, exchange.getRequestHeaders()::get);
            op.checkParams(call);
            if (authorizer != null) {
                authorizer.authorize(principal, op.ociName, call.bucket, call.key, Map.of());
            }
            dispatch(call, op);
        } catch (S3Exception e) {
            answer(exchange, call, requestId, e);
        } catch (OciException e) {
            answer(exchange, call, requestId, S3Exception.from(e));
        } catch (IncompleteBodyException e) {
            // The client went away or sent less than it announced: nothing was stored; drop the connection.
            LOG.log(Level.FINE, "incomplete body, request " + requestId, e);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "request " + requestId + " failed", e);
            answer(exchange, call, requestId, new S3Exception(500, "InternalError", String.valueOf(e.getMessage())));
        } finally {
            exchange.close();
        }
    }

    private static void answer(HttpExchange exchange, S3Call call, String requestId, S3Exception e) {
        try {
            if (call == null) {
                // the request line itself was unusable: answer without the call's helpers
                byte[] body = S3Xml.error().text("Code", e.code()).text("Message", e.getMessage())
                        .text("RequestId", requestId).bytes();
                exchange.getResponseHeaders().set("Content-Type", "application/xml");
                exchange.sendResponseHeaders(e.status(), body.length);
                exchange.getResponseBody().write(body);
            } else if (!call.responded()) {
                call.sendError(e);
            }
        } catch (IOException | RuntimeException ignored) {
            // the connection is gone
        }
    }

    private void dispatch(S3Call call, S3Operation op) throws IOException {
        switch (op) {
            case LIST_BUCKETS -> buckets.listBuckets(call);
            case CREATE_BUCKET -> buckets.create(call);
            case DELETE_BUCKET -> buckets.delete(call);
            case HEAD_BUCKET -> buckets.head(call);
            case GET_BUCKET_LOCATION -> buckets.location(call);
            case LIST_OBJECTS -> buckets.listObjects(call);
            case LIST_UPLOADS -> multipart.listUploads(call);
            case DELETE_OBJECTS -> objects.deleteMany(call);
            case PUT_OBJECT -> objects.put(call);
            case GET_OBJECT, HEAD_OBJECT -> objects.get(call);
            case DELETE_OBJECT -> objects.delete(call);
            case CREATE_UPLOAD -> multipart.create(call);
            case UPLOAD_PART -> multipart.uploadPart(call);
            case COMPLETE_UPLOAD -> multipart.complete(call);
            case ABORT_UPLOAD -> multipart.abort(call);
            case LIST_PARTS -> multipart.listParts(call);
        }
    }
}
