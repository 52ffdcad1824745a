package io.lakeshift.io;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.fs.HadoopExceptions;
import io.lakeshift.source.SourceException;
import java.io.IOException;
import java.net.SocketException;
import org.apache.hadoop.fs.s3a.NoVersionAttributeException;
import org.apache.hadoop.fs.s3a.RemoteFileChangedException;
import org.junit.jupiter.api.Test;

/** Which failures a file is tried again for: decided on the translators' types. */
class RetryTest {
    @Test
    void s3aChangeDetectionIsFinalEvenWrappedInAMessageThatNamesTheFix() {
        IOException noEtag = new NoVersionAttributeException("s3a://b/k", "Change detection policy requires ETag");
        IOException changed = new RemoteFileChangedException("s3a://b/k", "open", "ETag changed");
        assertFalse(Retry.isTransient(HadoopExceptions.translate("read s3a://b/k", noEtag)));
        assertFalse(Retry.isTransient(HadoopExceptions.translate("read s3a://b/k", changed)));
        assertTrue(HadoopExceptions.translate("read s3a://b/k", changed) instanceof ChangedException);
        assertFalse(Retry.isTransient(new SourceException("cannot read s3a://b/k: no ETag", noEtag)));
        assertFalse(Retry.isTransient(new SourceException("s3a://b/k changed", changed)));
    }

    @Test
    void aDroppedConnectionOrATimeOutIsTriedAgainButNotAnInterrupt() {
        assertTrue(Retry.isTransient(new SocketException("Connection reset")));
        assertTrue(Retry.isTransient(HadoopExceptions.translate("read s3a://b/k", new IOException("reset"))));
        assertTrue(Retry.isTransient(new TransientException("cannot read s3a://b/k", new IOException("reset"))));
        assertFalse(Retry.isTransient(new PermanentException("source grew")));
        assertTrue(Retry.isTransient(new java.net.SocketTimeoutException("Read timed out")), "a time-out");
        assertFalse(Retry.isTransient(new NotFoundException("gone")), "not found");
        assertFalse(Retry.isTransient(new DeniedException("refused")), "denied");
        assertFalse(Retry.isTransient(new ChangedException("changed")), "changed");
        assertFalse(Retry.isTransient(new java.io.InterruptedIOException("interrupted")), "an interrupt");
    }

    @Test
    void givingUpNamesTheAttemptsMade() throws Exception {
        Retry retry = new Retry(3, 1, 1);
        int[] tries = {0};
        TransientException e = org.junit.jupiter.api.Assertions.assertThrows(TransientException.class,
                () -> retry.call(() -> {
                    tries[0]++;
                    throw new TransientException("upload of part 2 of f: SocketException: Connection reset");
                }));
        org.junit.jupiter.api.Assertions.assertEquals(3, tries[0]);
        org.junit.jupiter.api.Assertions.assertEquals(
                "upload of part 2 of f: SocketException: Connection reset (after 3 attempts)", e.getMessage());
    }
}
