package io.lakeshift.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.bmc.model.BmcException;
import io.lakeshift.io.ChangedException;
import io.lakeshift.io.DeniedException;
import io.lakeshift.io.NotFoundException;
import io.lakeshift.io.PermanentException;
import io.lakeshift.io.Retry;
import io.lakeshift.io.StorageException;
import io.lakeshift.io.TransientException;
import java.net.SocketException;
import org.junit.jupiter.api.Test;

/** OCI's answers become lakeshift's types once, and Retry decides on those types. */
class OciExceptionsTest {
    private static StorageException t(int status, String code) {
        return OciExceptions.translate("upload of a/b", new BmcException(status, code, "the message", "req"));
    }

    @Test
    void statusesBecomeTypes() {
        assertInstanceOf(TransientException.class, t(503, "ServiceUnavailable"));
        assertInstanceOf(TransientException.class, t(429, "TooManyRequests"));
        assertInstanceOf(NotFoundException.class, t(404, "ObjectNotFound"));
        assertInstanceOf(ChangedException.class, t(412, "IfMatchFailed"));
        assertInstanceOf(DeniedException.class, t(401, "NotAuthenticated"));
        assertInstanceOf(DeniedException.class, t(403, "NotAuthorized"));
        assertInstanceOf(PermanentException.class, t(400, "InvalidDigest"));
        assertTrue(Retry.isTransient(t(503, "ServiceUnavailable")));
        assertTrue(Retry.isTransient(t(429, "TooManyRequests")));
        assertFalse(Retry.isTransient(t(404, "ObjectNotFound")));
        assertFalse(Retry.isTransient(t(400, "InvalidDigest")));
    }

    @Test
    void theMessageNamesTheOperationAndWhatOciAnswered() {
        String m = t(404, "ObjectNotFound").getMessage();
        assertTrue(m.startsWith("upload of a/b: OCI answered 404 ObjectNotFound"), m);
    }

    /** Before: "request to OCI failed: " and nothing else, the reset lost. */
    @Test
    void aClientSideFailureNamesTheIoFailureUnderneath() {
        BmcException reset = new BmcException(false, "", new SocketException("Connection reset"), "req");
        StorageException e = OciExceptions.translate("upload of part 3 of big.bin", reset);
        assertInstanceOf(TransientException.class, e);
        assertEquals("upload of part 3 of big.bin: request to OCI failed: SocketException: Connection reset",
                e.getMessage());
    }
}
