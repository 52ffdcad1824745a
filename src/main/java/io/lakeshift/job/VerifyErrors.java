package io.lakeshift.job;

import org.apache.hadoop.fs.UnsupportedFileSystemException;

/** What the table verifiers of every format say alike about a failure: no file system for the target, one line. */
final class VerifyErrors {
    private VerifyErrors() {}

    /** Whether the target's scheme has no Hadoop file system here (oci:// without Oracle's connector). */
    static boolean noFileSystem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnsupportedFileSystemException || t instanceof ClassNotFoundException
                    && String.valueOf(t.getMessage()).contains("oci")) {
                return true;
            }
        }
        return false;
    }

    /** The reason a target could not be opened for want of its file system. */
    static String noFileSystemNote(String target, Throwable e) {
        return "no Hadoop file system for " + new org.apache.hadoop.fs.Path(target).toUri().getScheme() + ":// here ("
                + oneLine(e) + "): Oracle's oci-hdfs-connector, which Data Flow provides, is not on the classpath";
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
