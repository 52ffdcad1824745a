package io.lakeshift.io;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.source.SourceException;
import java.io.IOException;
import java.net.SocketException;
import org.apache.hadoop.fs.s3a.NoVersionAttributeException;
import org.apache.hadoop.fs.s3a.RemoteFileChangedException;
import org.junit.jupiter.api.Test;

/** Which failures a file is tried again for. */
class RetryTest {
    @Test
    void s3aChangeDetectionIsFinalEvenWrappedInAMessageThatNamesTheFix() {
        IOException noEtag = new NoVersionAttributeException("s3a://b/k", "Change detection policy requires ETag");
        IOException changed = new RemoteFileChangedException("s3a://b/k", "open", "ETag changed");
        assertFalse(Retry.isTransient(noEtag));
        assertFalse(Retry.isTransient(changed));
        assertFalse(Retry.isTransient(new SourceException("cannot read s3a://b/k: no ETag", noEtag)));
        assertFalse(Retry.isTransient(new SourceException("s3a://b/k changed", changed)));
    }

    @Test
    void aDroppedConnectionOrATimeOutIsTriedAgainButNotAnInterrupt() {
        assertTrue(Retry.isTransient(new SocketException("Connection reset")));
        assertTrue(Retry.isTransient(new SourceException("cannot read s3a://b/k", new IOException("reset"))));
        assertFalse(Retry.isTransient(new FileProblem("source grew")));
        assertTrue(Retry.isTransient(new java.net.SocketTimeoutException("Read timed out")), "a time-out");
        assertFalse(Retry.isTransient(new java.io.InterruptedIOException("interrupted")), "an interrupt");
    }
}
