package io.lakeshift.io;

import io.lakeshift.secrets.Secrets;

/** One-line error text for people: the first line of a message, secrets masked, a bare cause named by its type. */
public final class Errors {
    private Errors() {}

    /** The exception's first message line, or its cause's when it only wraps one; secrets masked. */
    public static String oneLine(Throwable e) {
        return Secrets.redact(plain(e));
    }

    /** The first line of a text, secrets masked; empty for none. */
    public static String oneLine(String text) {
        return Secrets.redact(firstLine(text));
    }

    /** The deepest cause's type and message, e.g. "SocketException: Connection reset" (what broke underneath). */
    public static String rootCause(Throwable e) {
        Throwable root = e;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 16; depth++) {
            root = root.getCause();
        }
        String message = firstLine(root.getMessage());
        return Secrets.redact(message.isEmpty() ? root.getClass().getSimpleName()
                : root.getClass().getSimpleName() + ": " + message);
    }

    private static String plain(Throwable e) {
        String message = firstLine(e.getMessage());
        if (message.isEmpty()) {
            return e.getCause() != null && e.getCause() != e ? plain(e.getCause()) : e.getClass().getSimpleName();
        }
        return e.getCause() != null && e.getCause() != e && message.equals(e.getCause().toString())
                ? plain(e.getCause()) : message;
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}
