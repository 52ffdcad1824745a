package io.lakeshift.fs;

import io.lakeshift.io.ChangedException;
import io.lakeshift.io.DeniedException;
import io.lakeshift.io.Errors;
import io.lakeshift.io.NotFoundException;
import io.lakeshift.io.PermanentException;
import io.lakeshift.io.StorageException;
import io.lakeshift.io.TransientException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.file.AccessDeniedException;
import java.util.Set;

/**
 * The one place Hadoop file-system exceptions (HDFS, S3A, ABFS, local) become lakeshift's types. S3A's are known
 * by class name: hadoop-aws is on the classpath only for s3a:// stores.
 */
public final class HadoopExceptions {
    /** S3A's change detection: the object changed since it was listed (reading again gets the same answer). */
    private static final Set<String> CHANGED = Set.of("org.apache.hadoop.fs.s3a.RemoteFileChangedException");
    /** The server sent no ETag or version id that S3A's change detection requires: a setting, not a fault. */
    private static final Set<String> REFUSED = Set.of("org.apache.hadoop.fs.s3a.NoVersionAttributeException");
    private static final Set<String> DENIED = Set.of("org.apache.hadoop.security.AccessControlException",
            "org.apache.hadoop.fs.s3a.AWSBadRequestException");

    private HadoopExceptions() {}

    /** {@code what} names the operation and the path; an interrupt stays an interrupt. */
    public static IOException translate(String what, IOException e) {
        if (e instanceof StorageException || (e instanceof InterruptedIOException && !(e instanceof
                SocketTimeoutException))) {
            return e;
        }
        String text = what + ": " + Errors.oneLine(e);
        if (is(e, CHANGED)) {
            return new ChangedException(text, e);
        }
        if (is(e, REFUSED)) {
            return new PermanentException(text, e);
        }
        if (e instanceof FileNotFoundException || isUnknownStore(e)) {
            return new NotFoundException(text, e);
        }
        if (e instanceof AccessDeniedException || is(e, DENIED)) {
            return new DeniedException(text, e);
        }
        return new TransientException(text, e);
    }

    /** S3A's UnknownStoreException, or the store's NoSuchBucket answer, anywhere in the chain: no such bucket. */
    public static boolean isUnknownStore(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().equals("UnknownStoreException")
                    || String.valueOf(t.getMessage()).contains("NoSuchBucket")) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code e} or a cause is (a subclass of) one of the named classes. */
    private static boolean is(Throwable e, Set<String> classNames) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < 16; depth++, t = t.getCause()) {
            for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
                if (classNames.contains(c.getName())) {
                    return true;
                }
            }
        }
        return false;
    }
}
